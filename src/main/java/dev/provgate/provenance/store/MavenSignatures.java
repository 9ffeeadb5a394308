// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the store holds for one Maven artifact file.
 *
 * @param fileName        the artifact file, e.g. {@code sigstore-java-2.0.0.jar}
 * @param sigstoreBundle  {@code <file>.sigstore.json}, when the repository serves one
 * @param pgpSignature    {@code <file>.asc}, when the repository serves one
 * @param sha256          the artifact's sha256 (hex) computed at fetch time, stored only when the lockfile has no
 *                        hash for the file
 */
public record MavenSignatures(String fileName, Optional<Path> sigstoreBundle, Optional<Path> pgpSignature,
                              Optional<String> sha256) {
    public boolean isEmpty() {
        return sigstoreBundle.isEmpty() && pgpSignature.isEmpty() && sha256.isEmpty();
    }

    /**
     * The locked file names, or the main artifact {@code artifact-version[-classifier].type} when none is named: the
     * files fetch stores signatures for and the provenance enricher verifies.
     */
    public static Set<String> fileNames(Component c, String artifact) {
        Set<String> names = new TreeSet<>();
        c.hashes().stream().map(Hash::fileName).filter(n -> !n.isEmpty()).forEach(names::add);
        if (names.isEmpty()) {
            String classifier = c.attributes().getOrDefault("maven:classifier", "");
            String type = c.attributes().getOrDefault("maven:type", "jar");
            names.add(artifact + "-" + c.version() + (classifier.isEmpty() ? "" : "-" + classifier) + "."
                    + ("bundle".equals(type) ? "jar" : type));
        }
        return names;
    }
}
