// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.InputFiles;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.WorkTree;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads trust-tiers.yaml: a link out of its work tree refused, size-limited read of a regular file, safe YAML,
 * validation with line-numbered errors.
 */
public final class PolicyLoader {
    /** The policy file looked for in the current folder when no {@code --policy} is given. */
    public static final String DEFAULT_FILE = "trust-tiers.yaml";

    private PolicyLoader() {
    }

    /** Reads and validates a policy file; the path as given is the name errors show. */
    public static Policy load(Path file) {
        String shown = file.toString().replace('\\', '/');
        byte[] bytes;
        try {
            WorkTree.requireInside(file, shown);
            bytes = InputFiles.read(file, shown, YamlReader.MAX_BYTES);
        } catch (ProvgateException e) {
            throw new PolicyException(shown, 0, e.getMessage());
        } catch (NoSuchFileException e) {
            throw new PolicyException(shown, 0, "no such file (run 'provgate init' to write a starter policy)");
        } catch (IOException e) {
            throw new PolicyException(shown, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(shown, bytes);
    }

    /** Parses and validates policy bytes; {@code file} is the name errors and findings show. */
    public static Policy parse(String file, byte[] bytes) {
        YamlNode.Mapping root = new YamlReader(file).read(bytes);
        return new PolicyParser(file).parse(root, BuiltinClassification.entries());
    }
}
