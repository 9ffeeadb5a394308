// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which OpenPGP keys may sign which Maven artifacts, in the keysmap format Maven users know from
 * pgpverify-maven-plugin: one {@code PATTERN = FINGERPRINT[, FINGERPRINT...]} per line, the pattern
 * {@code groupId[:artifactId[:version]]} with {@code *} as a wildcard, fingerprints as 40 hex digits (a {@code 0x}
 * prefix and spaces allowed), {@code #} comments. The first matching line wins; a line's fingerprints are the only
 * keys accepted for what it matches. Fingerprints are policy, not keys: the keys themselves come from keyrings.
 */
public final class PgpKeysMap {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}");

    /** One line: what it covers, the keys it allows, where it is. */
    public record Entry(String pattern, List<String> fingerprints, String where) {
        boolean matches(String group, String artifact, String version) {
            String[] parts = pattern.split(":", -1);
            String[] actual = {group, artifact, version};
            for (int i = 0; i < parts.length; i++) {
                if (!glob(parts[i]).matcher(actual[i]).matches()) {
                    return false;
                }
            }
            return true;
        }

        private static Pattern glob(String part) {
            return Pattern.compile(Arrays.stream(part.split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse(""));
        }
    }

    private final List<Entry> entries;

    private PgpKeysMap(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static PgpKeysMap empty() {
        return new PgpKeysMap(List.of());
    }

    /** Reads the file; a missing file is an empty map, a malformed line an input error naming file and line. */
    public static PgpKeysMap load(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String pattern = eq < 0 ? "" : line.substring(0, eq).strip();
            if (pattern.isEmpty() || pattern.split(":", -1).length > 3) {
                throw new ProvgateException(file.toString(), i + 1, "expected groupId[:artifactId[:version]] = "
                        + "FINGERPRINT, got '" + lines.get(i).strip() + "'");
            }
            List<String> fingerprints = new ArrayList<>();
            for (String f : line.substring(eq + 1).split(",")) {
                String hex = f.strip().replace(" ", "").replaceFirst("^0[xX]", "").toUpperCase(Locale.ROOT);
                if (!FINGERPRINT.matcher(hex).matches()) {
                    throw new ProvgateException(file.toString(), i + 1, "not a full OpenPGP v4 fingerprint (40 hex "
                            + "digits): '" + f.strip() + "'");
                }
                fingerprints.add(hex);
            }
            entries.add(new Entry(pattern, fingerprints, file + ":" + (i + 1)));
        }
        return new PgpKeysMap(entries);
    }

    /** The first line that covers the artifact, if any. */
    public Optional<Entry> expected(String group, String artifact, String version) {
        return entries.stream().filter(e -> e.matches(group, artifact, version)).findFirst();
    }
}
