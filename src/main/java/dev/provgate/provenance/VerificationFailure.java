// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

/** A check that did not pass, inside the verifiers; becomes a {@link VerificationResult} at the public edge. */
final class VerificationFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final VerificationResult.Outcome outcome;

    private VerificationFailure(VerificationResult.Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    static VerificationFailure failed(String message) {
        return new VerificationFailure(VerificationResult.Outcome.FAILED, message, null);
    }

    static VerificationFailure failed(String message, Throwable cause) {
        return new VerificationFailure(VerificationResult.Outcome.FAILED, message, cause);
    }

    static VerificationFailure unsupported(String message) {
        return new VerificationFailure(VerificationResult.Outcome.UNSUPPORTED, message, null);
    }

    /** Not checkable for want of trust material (an unknown key): "unknown signer", not "bad signature". */
    static VerificationFailure unverified(String message) {
        return new VerificationFailure(VerificationResult.Outcome.UNVERIFIED, message, null);
    }

    VerificationResult.Outcome outcome() {
        return outcome;
    }
}
