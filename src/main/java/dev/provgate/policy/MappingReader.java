// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one mapping of the policy file. Unknown keys are refused on construction, with a "did you mean"
 * hint; every error names the line of the offending key or value.
 */
final class MappingReader {
    private final Values values;
    private final YamlNode.Mapping mapping;
    private final String where;

    /**
     * @param where what the mapping is, for messages ("a tier", "an exception")
     */
    MappingReader(String file, YamlNode node, String where, Set<String> known) {
        this.values = new Values(file);
        this.where = where;
        if (!(node instanceof YamlNode.Mapping m)) {
            throw error(node, "expected " + where + " (a mapping), found " + node.describe());
        }
        this.mapping = m;
        for (YamlNode.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                throw new PolicyException(file, e.keyLine(), "unknown key '" + e.key() + "' in " + where
                        + DidYouMean.hint(e.key(), known) + "; known keys: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    int line() {
        return mapping.line();
    }

    /** The line of a key, or of the mapping when the key is absent. */
    int keyLine(String key) {
        YamlNode.Entry e = mapping.entries().get(key);
        return e == null ? mapping.line() : e.keyLine();
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.entries().get(key)).map(YamlNode.Entry::value);
    }

    YamlNode requiredNode(String key) {
        return node(key).orElseThrow(() -> new PolicyException(values.file(), mapping.line(),
                "missing key '" + key + "' in " + where));
    }

    Optional<String> string(String key) {
        return node(key).map(n -> text(n, key));
    }

    String requiredString(String key) {
        return text(requiredNode(key), key);
    }

    boolean bool(String key, boolean otherwise) {
        return node(key).map(n -> bool(n, key)).orElse(otherwise);
    }

    /** The items of a list value; absent means empty. */
    List<YamlNode> list(String key) {
        return node(key).map(n -> {
            if (n instanceof YamlNode.Sequence s) {
                return s.items();
            }
            if (n instanceof YamlNode.Scalar sc && sc.type() == YamlNode.Scalar.Type.NULL) {
                return List.<YamlNode>of();
            }
            throw error(n, "'" + key + "' must be a list, found " + n.describe());
        }).orElse(List.of());
    }

    String text(YamlNode n, String key) {
        return values.text(n, key);
    }

    boolean bool(YamlNode n, String key) {
        return values.bool(n, key);
    }

    PurlPattern pattern(YamlNode n, String key) {
        return values.pattern(n, key);
    }

    PurlPattern requiredPattern(String key) {
        return pattern(requiredNode(key), key);
    }

    /** {@code severity: block|warn}, or the given default. */
    Severity severity(Severity otherwise) {
        return node("severity").map(n -> {
            String s = text(n, "severity");
            return switch (s) {
                case "block" -> Severity.BLOCK;
                case "warn" -> Severity.WARN;
                default -> throw error(n, "bad severity '" + s + "': use block or warn"
                        + DidYouMean.hint(s, List.of("block", "warn")));
            };
        }).orElse(otherwise);
    }

    PolicyException error(YamlNode n, String message) {
        return values.error(n, message);
    }

    String file() {
        return values.file();
    }
}
