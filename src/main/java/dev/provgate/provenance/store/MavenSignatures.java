// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import java.nio.file.Path;
import java.util.Optional;

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
}
