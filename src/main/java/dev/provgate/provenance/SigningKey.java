// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import java.security.PublicKey;
import java.time.Instant;

/**
 * A plain public key that signed a bundle (npm's registry key, a managed key), found by the bundle's key hint.
 *
 * @param keyId     the key id to report as the signer
 * @param publicKey the key
 */
record SigningKey(String keyId, PublicKey publicKey) {
    /** Finds the key a bundle's {@code publicKey.hint} names, valid at the log's integrated time. */
    @FunctionalInterface
    interface Resolver {
        SigningKey resolve(String hint, Instant integratedTime) throws VerificationFailure;

        Resolver NONE = (hint, at) -> {
            throw VerificationFailure.unverified("unknown signer: bundle is signed with a plain public key (hint '" + hint
                    + "'), not a certificate, and no key was given for it");
        };
    }
}
