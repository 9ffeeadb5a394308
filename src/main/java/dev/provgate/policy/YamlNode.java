// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so every policy error can name its line. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    int line();

    /** What the value is, for "expected X, found Y" messages. */
    String describe();

    /** A mapping; entries keep file order, keys are unique. */
    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with the key's own line. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written. {@code type} says how YAML resolved it: string, integer, float, boolean or null.
     */
    record Scalar(int line, String text, Type type) implements YamlNode {
        @Override
        public String describe() {
            return type == Type.NULL ? "an empty value"
                    : "the " + type.label + " '" + dev.provgate.model.Printable.excerpt(text) + "'";
        }

        enum Type {
            STRING("text"), INTEGER("number"), FLOAT("number"), BOOLEAN("boolean"), NULL("empty value");

            private final String label;

            Type(String label) {
                this.label = label;
            }
        }
    }
}
