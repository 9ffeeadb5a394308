// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.BuildFacts;
import dev.provgate.model.SignerIdentity;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/** Reads who signed from a Fulcio certificate's SAN and its 1.3.6.1.4.1.57264.1.* extensions. */
final class CertificateClaims {
    private static final String FULCIO = "1.3.6.1.4.1.57264.1.";
    private static final String ISSUER_LEGACY = FULCIO + "1";
    private static final String ISSUER = FULCIO + "8";
    private static final String SOURCE_REPOSITORY_URI = FULCIO + "12";
    private static final String SOURCE_REPOSITORY_REF = FULCIO + "14";
    private static final String SOURCE_REPOSITORY_DIGEST = FULCIO + "13";
    private static final String BUILD_CONFIG_URI = FULCIO + "18";
    private static final String BUILD_TRIGGER = FULCIO + "20";
    private static final int SAN_EMAIL = 1;
    private static final int SAN_URI = 6;

    private CertificateClaims() {
    }

    static SignerIdentity of(X509Certificate leaf) {
        String issuer = derString(leaf, ISSUER);
        if (issuer.isEmpty()) {
            issuer = rawString(leaf, ISSUER_LEGACY);
        }
        String san = subjectAlternativeName(leaf);
        String buildConfig = derString(leaf, BUILD_CONFIG_URI);
        if (buildConfig.isEmpty() && san.contains("://")) {
            buildConfig = san; // certificates from before the Build Config URI extension (early 2023)
        }
        String ref = derString(leaf, SOURCE_REPOSITORY_REF);
        if (ref.isEmpty() && buildConfig.contains("@")) {
            ref = buildConfig.substring(buildConfig.lastIndexOf('@') + 1);
        }
        SignerIdentity signer = new SignerIdentity(issuer, san, derString(leaf, SOURCE_REPOSITORY_URI), buildConfig,
                ref, "");
        return signer.withBuild(new BuildFacts(workflowPath(buildConfig, signer.repository()), ref,
                derString(leaf, BUILD_TRIGGER), "", derString(leaf, SOURCE_REPOSITORY_DIGEST)));
    }

    /** {@code https://github.com/o/r/.github/workflows/x.yml@ref} in repository {@code https://github.com/o/r}. */
    private static String workflowPath(String buildConfig, String repository) {
        int at = buildConfig.lastIndexOf('@');
        String uri = at < 0 ? buildConfig : buildConfig.substring(0, at);
        if (repository.isEmpty() || !uri.startsWith(repository + "/")) {
            return "";
        }
        String path = uri.substring(repository.length() + 1);
        return path.startsWith("/") ? path.substring(1) : path; // GitLab: REPO//FILE
    }

    private static String subjectAlternativeName(X509Certificate leaf) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names == null) {
                return "";
            }
            for (List<?> name : names) {
                int type = (Integer) name.get(0);
                if (type == SAN_URI || type == SAN_EMAIL) {
                    return String.valueOf(name.get(1));
                }
            }
            return "";
        } catch (CertificateParsingException e) {
            return "";
        }
    }

    /** Extensions .8 and later hold a DER string inside the extension's octet string. */
    private static String derString(X509Certificate leaf, String oid) {
        byte[] octets = octets(leaf, oid);
        if (octets.length == 0) {
            return "";
        }
        try {
            return ASN1Primitive.fromByteArray(octets) instanceof ASN1String s ? s.getString() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Extensions .1 to .6 hold the raw UTF-8 bytes. */
    private static String rawString(X509Certificate leaf, String oid) {
        return new String(octets(leaf, oid), StandardCharsets.UTF_8);
    }

    private static byte[] octets(X509Certificate leaf, String oid) {
        byte[] ext = leaf.getExtensionValue(oid);
        return ext == null ? new byte[0] : ASN1OctetString.getInstance(ext).getOctets();
    }
}
