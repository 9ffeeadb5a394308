// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

/** Typed reading of single policy values, with errors that name the file and the value's line. */
final class Values {
    private final String file;

    Values(String file) {
        this.file = file;
    }

    /** A non-empty text scalar; numbers are accepted as their text (a tier named 0, a version 1.10). */
    String text(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s && s.type() != YamlNode.Scalar.Type.NULL
                && s.type() != YamlNode.Scalar.Type.BOOLEAN) {
            if (s.text().isBlank()) {
                throw error(n, "'" + key + "' must not be empty");
            }
            return s.text().strip();
        }
        throw error(n, "'" + key + "' must be text, found " + n.describe());
    }

    boolean bool(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN) {
            return "true".equals(s.text());
        }
        throw error(n, "'" + key + "' must be true or false, found " + n.describe());
    }

    /** A package pattern value. */
    PurlPattern pattern(YamlNode n, String key) {
        String text = text(n, key);
        PurlPattern.Parsed parsed = PurlPattern.parse(text);
        if (parsed.pattern() == null) {
            throw error(n, "bad package pattern '" + text + "': " + parsed.error());
        }
        return parsed.pattern();
    }

    PolicyException error(YamlNode n, String message) {
        return new PolicyException(file, n.line(), message);
    }

    String file() {
        return file;
    }
}
