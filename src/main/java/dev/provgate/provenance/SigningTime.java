// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The checks sigstore-java 2.0.0 leaves out: the log's integrated time must fall inside the signing certificate's
 * validity (a short-lived Fulcio certificate proves nothing about a later signature) and must not lie in the future.
 * Harmless after an upgrade that adds them upstream.
 */
final class SigningTime {
    static final Duration FUTURE_SKEW = Duration.ofMinutes(2);

    private SigningTime() {
    }

    static void check(Instant integratedTime, X509Certificate leaf, Clock clock) throws VerificationFailure {
        notInFuture(integratedTime, clock);
        if (leaf == null) {
            return;
        }
        try {
            leaf.checkValidity(Date.from(integratedTime));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw VerificationFailure.failed("signing time " + integratedTime + " is outside the certificate's "
                    + "validity " + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant());
        }
    }

    static void notInFuture(Instant integratedTime, Clock clock) throws VerificationFailure {
        if (integratedTime.isAfter(clock.instant().plus(FUTURE_SKEW))) {
            throw VerificationFailure.failed("integrated time " + integratedTime + " is in the future");
        }
    }
}
