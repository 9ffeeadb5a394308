// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Severity;
import dev.provgate.model.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a tier's {@code requires:} mapping. Each requirement has a short form ({@code hashes: true},
 * {@code min_release_age: 7d}, {@code provenance: attested}) and a mapping form that adds options and a
 * {@code severity}.
 */
final class RequirementParser {
    static final Set<String> KEYS = java.util.Arrays.stream(RequirementKind.values()).map(RequirementKind::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Map<String, SourceKind> SOURCE_KEYS = Map.of("git", SourceKind.GIT, "url", SourceKind.URL,
            "path", SourceKind.PATH, "workspace", SourceKind.WORKSPACE);

    private final String file;
    private final Values values;
    private final Severity tierSeverity;
    private final int tierLevel;

    RequirementParser(String file, Severity tierSeverity, int tierLevel) {
        this.file = file;
        this.values = new Values(file);
        this.tierSeverity = tierSeverity;
        this.tierLevel = tierLevel;
    }

    List<Requirement> parse(YamlNode node) {
        MappingReader m = new MappingReader(file, node, "requires", KEYS);
        List<Requirement> out = new ArrayList<>();
        m.node("hashes").flatMap(n -> switchable(n, "hashes")).map(HashesRequirement::new).ifPresent(out::add);
        m.node("sources").map(this::sources).ifPresent(out::add);
        m.node("install_scripts").flatMap(this::installScripts).ifPresent(out::add);
        m.node("min_release_age").map(this::releaseAge).ifPresent(out::add);
        m.node("provenance").flatMap(this::provenance).ifPresent(out::add);
        m.node("approval").flatMap(n -> switchable(n, "approval")).map(ApprovalRequirement::new).ifPresent(out::add);
        m.node("pinning").flatMap(this::pinning).ifPresent(out::add);
        m.node("allowed_owners").map(this::owners).ifPresent(out::add);
        return out;
    }

    /** {@code true}, {@code false} or {@code {severity: warn}}: the severity when on. */
    private Optional<Severity> switchable(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar) {
            return values.bool(n, key) ? Optional.of(tierSeverity) : Optional.empty();
        }
        return Optional.of(new MappingReader(file, n, "'" + key + "'", Set.of("severity")).severity(tierSeverity));
    }

    private SourcesRequirement sources(YamlNode n) {
        Set<String> keys = new java.util.HashSet<>(SOURCE_KEYS.keySet());
        keys.addAll(Set.of("registries", "severity"));
        MappingReader m = new MappingReader(file, n, "'sources'", keys);
        List<String> registries = m.list("registries").stream().map(r -> m.text(r, "registries")).toList();
        for (YamlNode r : m.list("registries")) {
            if (!m.text(r, "registries").contains("://")) {
                throw m.error(r, "a registry is a URL prefix, e.g. https://registry.example/ (found '"
                        + m.text(r, "registries") + "')");
            }
        }
        Set<SourceKind> allowed = EnumSet.of(SourceKind.WORKSPACE);
        for (Map.Entry<String, SourceKind> e : SOURCE_KEYS.entrySet()) {
            Optional<YamlNode> v = m.node(e.getKey());
            if (v.isPresent() && allowance(v.get(), e.getKey())) {
                allowed.add(e.getValue());
            } else if (v.isPresent()) {
                allowed.remove(e.getValue());
            }
        }
        if (allowed.contains(SourceKind.PATH)) {
            allowed.add(SourceKind.LINK);
        }
        return new SourcesRequirement(m.severity(tierSeverity), registries, allowed);
    }

    private boolean allowance(YamlNode n, String key) {
        String v = values.text(n, key);
        return switch (v) {
            case "allowed" -> true;
            case "forbidden" -> false;
            default -> throw values.error(n, "'" + key + "' must be allowed or forbidden, found '" + v + "'"
                    + DidYouMean.hint(v, List.of("allowed", "forbidden")));
        };
    }

    private Optional<Requirement> installScripts(YamlNode n) {
        if (n instanceof YamlNode.Scalar) {
            return allowance(n, "install_scripts") ? Optional.empty()
                    : Optional.of(new InstallScriptsRequirement(tierSeverity, List.of()));
        }
        MappingReader m = new MappingReader(file, n, "'install_scripts'", Set.of("allowed_for", "severity"));
        List<PurlPattern> allowedFor = m.list("allowed_for").stream().map(p -> m.pattern(p, "allowed_for")).toList();
        return Optional.of(new InstallScriptsRequirement(m.severity(tierSeverity), allowedFor));
    }

    private Requirement releaseAge(YamlNode n) {
        if (n instanceof YamlNode.Scalar) {
            return new ReleaseAgeRequirement(tierSeverity, duration(n));
        }
        MappingReader m = new MappingReader(file, n, "'min_release_age'", Set.of("age", "severity"));
        return new ReleaseAgeRequirement(m.severity(tierSeverity), duration(m.requiredNode("age")));
    }

    private Duration duration(YamlNode n) {
        String text = values.text(n, "min_release_age");
        return DurationSyntax.parse(text).orElseThrow(() -> values.error(n, "bad duration '" + text
                + "': write a whole number and one unit, d (days), h (hours) or m (minutes): 7d, 36h, 90m"));
    }

    private Optional<Requirement> provenance(YamlNode n) {
        if (n instanceof YamlNode.Scalar) {
            ProvenanceLevel level = level(n);
            return level == ProvenanceLevel.NONE ? Optional.empty()
                    : Optional.of(new ProvenanceRequirement(tierSeverity, level, true, defaultForbiddenTriggers()));
        }
        MappingReader m = new MappingReader(file, n, "'provenance'", Set.of("level", "continuity", "severity",
                "forbidden_triggers"));
        ProvenanceLevel level = level(m.requiredNode("level"));
        List<String> forbidden = m.has("forbidden_triggers") ? m.list("forbidden_triggers").stream()
                .map(t -> m.text(t, "forbidden_triggers")).toList() : defaultForbiddenTriggers();
        return Optional.of(new ProvenanceRequirement(m.severity(tierSeverity), level, m.bool("continuity", true),
                forbidden));
    }

    /**
     * Tier 0 refuses builds triggered by {@code pull_request_target} and {@code workflow_run} unless told otherwise:
     * both run with the repository's secrets on behalf of code the maintainers did not merge (the May 2026 TanStack
     * releases carried valid provenance from a {@code pull_request_target} workflow).
     */
    private List<String> defaultForbiddenTriggers() {
        return tierLevel == 0 ? ProvenanceRequirement.RISKY_TRIGGERS : List.of();
    }

    /** {@code pinning: sha} (or {@code none}), or {@code {level: sha, severity: warn}}. */
    private Optional<Requirement> pinning(YamlNode n) {
        MappingReader m = n instanceof YamlNode.Scalar ? null
                : new MappingReader(file, n, "'pinning'", Set.of("level", "severity"));
        YamlNode levelNode = m == null ? n : m.requiredNode("level");
        String level = values.text(levelNode, "pinning");
        if (!level.equals("sha") && !level.equals("none")) {
            throw values.error(levelNode, "'pinning' must be sha or none, found '" + level + "'"
                    + DidYouMean.hint(level, List.of("sha", "none")));
        }
        return level.equals("none") ? Optional.empty()
                : Optional.of(new PinningRequirement(m == null ? tierSeverity : m.severity(tierSeverity)));
    }

    /** {@code allowed_owners: [actions, github]}, or {@code {owners: [...], severity: warn}}. */
    private Requirement owners(YamlNode n) {
        MappingReader m = n instanceof YamlNode.Mapping
                ? new MappingReader(file, n, "'allowed_owners'", Set.of("owners", "severity")) : null;
        YamlNode list = m == null ? n : m.requiredNode("owners");
        if (!(list instanceof YamlNode.Sequence items)) {
            throw values.error(list, "'allowed_owners' must be a list of GitHub owners (organisations or users), "
                    + "found " + list.describe());
        }
        List<String> owners = new ArrayList<>();
        for (YamlNode item : items.items()) {
            String owner = values.text(item, "allowed_owners");
            if (!owner.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw values.error(item, "'" + owner + "' is not a GitHub owner name (write actions, not "
                        + "actions/checkout)");
            }
            owners.add(owner);
        }
        return new OwnersRequirement(m == null ? tierSeverity : m.severity(tierSeverity), owners);
    }

    private ProvenanceLevel level(YamlNode n) {
        String v = values.text(n, "provenance level");
        List<String> names = java.util.Arrays.stream(ProvenanceLevel.values()).map(ProvenanceLevel::label).toList();
        return ProvenanceLevel.parse(v).orElseThrow(() -> values.error(n, "bad provenance level '" + v
                + "': use none, signature or attested" + DidYouMean.hint(v, names)));
    }
}
