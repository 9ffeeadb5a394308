// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads trust-tiers.yaml: size-limited read, safe YAML, validation with line-numbered errors. */
public final class PolicyLoader {
    /** The policy file looked for in the current folder when no {@code --policy} is given. */
    public static final String DEFAULT_FILE = "trust-tiers.yaml";

    private PolicyLoader() {
    }

    /** Reads and validates a policy file; the path as given is the name errors show. */
    public static Policy load(Path file) {
        String shown = file.toString().replace('\\', '/');
        try {
            long size = Files.size(file);
            if (size > YamlReader.MAX_BYTES) {
                throw new PolicyException(shown, 0, "file is " + size + " bytes, over the limit of "
                        + YamlReader.MAX_BYTES);
            }
            return parse(shown, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new PolicyException(shown, 0, "no such file (run 'provgate init' to write a starter policy)");
        } catch (IOException e) {
            throw new PolicyException(shown, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses and validates policy bytes; {@code file} is the name errors and findings show. */
    public static Policy parse(String file, byte[] bytes) {
        YamlNode.Mapping root = new YamlReader(file).read(bytes);
        return new PolicyParser(file).parse(root, BuiltinClassification.entries());
    }
}
