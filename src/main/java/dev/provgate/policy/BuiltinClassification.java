// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classification provgate ships (resource {@code builtin-tiers.yaml}): well-known packages placed in tiers 0 and
 * 1. It is consulted after the user's rules, so any user rule overrides it.
 */
public final class BuiltinClassification {
    /** The file name built-in rules report as their location. */
    public static final String SOURCE_NAME = "<built-in>";
    private static final String RESOURCE = "builtin-tiers.yaml";
    private static final List<Entry> ENTRIES = load();

    private BuiltinClassification() {
    }

    /** One built-in pattern, its tier level and its group's note. */
    record Entry(PurlPattern pattern, int level, String note, int line) {
    }

    static List<Entry> entries() {
        return ENTRIES;
    }

    /**
     * The built-in entries as rules against the user's tiers.
     *
     * @param line the policy line to blame when a needed tier is missing
     */
    static List<TierRule> rules(List<Entry> entries, Map<Integer, Tier> tiers, String file, int line) {
        List<TierRule> rules = new ArrayList<>();
        for (Entry e : entries) {
            Tier tier = tiers.get(e.level());
            if (tier == null) {
                throw new PolicyException(file, line, "the built-in classification places packages in tier " + e.level()
                        + ", which this policy does not define; define tiers 0, 1 and 2 or set "
                        + "builtin_classification: false");
            }
            rules.add(new TierRule(e.pattern(), null, null, tier, new Location(SOURCE_NAME, e.line()), e.note()));
        }
        return rules;
    }

    private static List<Entry> load() {
        try (InputStream in = BuiltinClassification.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new YamlReader(SOURCE_NAME).read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> parse(YamlNode.Mapping root) {
        MappingReader top = new MappingReader(SOURCE_NAME, root, "the built-in classification", Set.of("groups"));
        List<Entry> out = new ArrayList<>();
        for (YamlNode g : top.list("groups")) {
            MappingReader group = new MappingReader(SOURCE_NAME, g, "a group", Set.of("tier", "note", "packages"));
            int level = Integer.parseInt(group.requiredString("tier"));
            String note = group.requiredString("note");
            for (YamlNode p : group.list("packages")) {
                out.add(new Entry(group.pattern(p, "packages"), level, note, p.line()));
            }
        }
        return List.copyOf(out);
    }
}
