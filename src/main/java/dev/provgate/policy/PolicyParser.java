// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.Location;
import dev.provgate.model.Scope;
import dev.provgate.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns the YAML tree of a trust-tiers file into a {@link Policy}, refusing anything it cannot apply. */
final class PolicyParser {
    static final Set<String> TOP_KEYS = Set.of("version", "default_tier", "builtin_classification", "tiers", "rules",
            "identities", "approved", "blocked", "exceptions");
    private static final Set<String> TIER_KEYS = Set.of("name", "description", "severity", "requires");
    private static final Set<String> RULE_KEYS = Set.of("package", "ecosystem", "scope", "tier", "note");

    private final String file;
    private final Values values;

    PolicyParser(String file) {
        this.file = file;
        this.values = new Values(file);
    }

    Policy parse(YamlNode.Mapping root, List<BuiltinClassification.Entry> builtin) {
        MappingReader top = new MappingReader(file, root, "the policy", TOP_KEYS);
        top.node("version").ifPresent(this::checkVersion);
        Map<Integer, Tier> tiers = tiers(top.requiredNode("tiers"));
        Tier defaultTier = top.node("default_tier").map(n -> tierRef(n, tiers))
                .orElse(tiers.values().stream().reduce((a, b) -> b).orElseThrow());
        List<TierRule> rules = new ArrayList<>();
        for (YamlNode n : top.list("rules")) {
            rules.add(rule(n, tiers));
        }
        if (top.bool("builtin_classification", true)) {
            rules.addAll(BuiltinClassification.rules(builtin, tiers, file, top.keyLine("tiers")));
        }
        EntryParser entries = new EntryParser(values);
        return new Policy(file, List.copyOf(tiers.values()), defaultTier, rules,
                top.list("identities").stream().map(entries::identity).toList(),
                top.list("approved").stream().map(entries::approved).toList(),
                top.list("blocked").stream().map(entries::blocked).toList(),
                top.list("exceptions").stream().map(entries::exception).toList());
    }

    private void checkVersion(YamlNode n) {
        if (!(n instanceof YamlNode.Scalar s) || !"1".equals(s.text())) {
            throw values.error(n, "unsupported policy version " + (n instanceof YamlNode.Scalar s ? "'" + s.text()
                    + "'" : n.describe()) + ": this provgate reads version 1");
        }
    }

    /** Tiers by level, in level order. */
    private Map<Integer, Tier> tiers(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
            throw values.error(node, "'tiers' must map tier numbers (0, 1, 2, ...) to tiers, found "
                    + node.describe());
        }
        Map<Integer, Tier> byLevel = new java.util.TreeMap<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (!e.key().matches("[0-9]")) {
                throw new PolicyException(file, e.keyLine(), "tier keys are numbers 0 to 9 (0 is the strictest), "
                        + "found '" + e.key() + "'");
            }
            Tier t = tier(Integer.parseInt(e.key()), e.value());
            Integer clash = names.put(t.name(), t.level());
            if (clash != null) {
                throw values.error(e.value(), "tier name '" + t.name() + "' is already used by tier " + clash);
            }
            byLevel.put(t.level(), t);
        }
        return byLevel;
    }

    private Tier tier(int level, YamlNode node) {
        MappingReader m = new MappingReader(file, node, "tier " + level, TIER_KEYS);
        String name = m.requiredString("name");
        if (name.matches("[0-9]+")) {
            throw m.error(m.requiredNode("name"), "a tier name is a word, not a number: '" + name + "'");
        }
        Severity severity = m.severity(Severity.BLOCK);
        List<Requirement> requirements = m.node("requires")
                .map(n -> new RequirementParser(file, severity, level).parse(n)).orElse(List.of());
        return new Tier(level, name, m.string("description").orElse(""), requirements);
    }

    private TierRule rule(YamlNode node, Map<Integer, Tier> tiers) {
        MappingReader m = new MappingReader(file, node, "a rule", RULE_KEYS);
        if (!m.has("package") && !m.has("ecosystem") && !m.has("scope")) {
            throw m.error(node, "a rule needs at least one of package, ecosystem or scope");
        }
        PurlPattern pattern = m.node("package").map(n -> m.pattern(n, "package")).orElse(null);
        Ecosystem ecosystem = m.node("ecosystem").map(this::ecosystem).orElse(null);
        Scope scope = m.node("scope").map(this::scope).orElse(null);
        Tier tier = tierRef(m.requiredNode("tier"), tiers);
        return new TierRule(pattern, ecosystem, scope, tier, new Location(file, node.line()),
                m.string("note").orElse(""));
    }

    /** A tier by number or name. */
    Tier tierRef(YamlNode n, Map<Integer, Tier> tiers) {
        String ref = values.text(n, "tier");
        for (Tier t : tiers.values()) {
            if (ref.equals(String.valueOf(t.level())) || ref.equals(t.name())) {
                return t;
            }
        }
        List<String> known = new ArrayList<>();
        tiers.values().forEach(t -> known.addAll(List.of(String.valueOf(t.level()), t.name())));
        throw values.error(n, "unknown tier '" + ref + "'" + DidYouMean.hint(ref, known)
                + "; tiers: " + String.join(", ", tiers.values().stream().map(Tier::label).toList()));
    }

    private Ecosystem ecosystem(YamlNode n) {
        String v = values.text(n, "ecosystem").toLowerCase(Locale.ROOT);
        List<String> known = List.of("npm", "pypi", "maven", "githubactions");
        if (!known.contains(v)) {
            throw values.error(n, "unknown ecosystem '" + v + "'" + DidYouMean.hint(v, known) + "; use npm, pypi, "
                    + "maven or githubactions");
        }
        return Ecosystem.fromPurlType(v);
    }

    private Scope scope(YamlNode n) {
        String v = values.text(n, "scope");
        List<String> known = Arrays.stream(Scope.values()).map(Scope::label).toList();
        return Arrays.stream(Scope.values()).filter(s -> s.label().equals(v)).findFirst()
                .orElseThrow(() -> values.error(n, "unknown scope '" + v + "'" + DidYouMean.hint(v, known)
                        + "; use " + String.join(", ", known)));
    }
}
