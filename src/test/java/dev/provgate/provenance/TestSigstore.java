// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.rekor.client.ImmutableRekorEntry;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private Sigstore for hermetic tests, built with Bouncy Castle: a Fulcio-like CA that issues leaf certificates
 * with an embedded SCT from a test CT log, a Rekor-like log key for SETs and one-leaf inclusion proofs with signed
 * checkpoints, and the trusted_root.json naming all three.
 */
final class TestSigstore {
    static final String LOG_HOST = "rekor.test";
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    final KeyPair ca = newKey();
    final KeyPair ctLog = newKey();
    final KeyPair rekor = newKey();
    final X509Certificate caCert;

    TestSigstore() throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=test-fulcio"),
                BigInteger.ONE, Date.from(EPOCH.minus(Duration.ofDays(365))),
                Date.from(EPOCH.plus(Duration.ofDays(3650))), new X500Name("CN=test-fulcio"), ca.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        caCert = convert(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
    }

    static KeyPair newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leaf for {@code signer} valid from {@code notBefore} for ten minutes, issued by {@code issuer}. */
    X509Certificate leaf(KeyPair signer, String san, String issuerUrl, String repository, Instant notBefore,
                         KeyPair issuer) throws Exception {
        Date from = Date.from(notBefore);
        Date to = Date.from(notBefore.plus(Duration.ofMinutes(10)));
        X509v3CertificateBuilder pre = leafBuilder(signer, san, issuerUrl, repository, from, to);
        byte[] tbs = pre.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate()))
                .toASN1Structure().getTBSCertificate().getEncoded();
        X509v3CertificateBuilder fin = leafBuilder(signer, san, issuerUrl, repository, from, to);
        fin.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"), false,
                new DEROctetString(sctList(tbs, notBefore)));
        return convert(fin.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private X509v3CertificateBuilder leafBuilder(KeyPair signer, String san, String issuerUrl, String repository,
                                                 Date from, Date to) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=test-fulcio"),
                BigInteger.valueOf(42), from, to, new X500Name("CN=sigstore"), signer.getPublic());
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.subjectAlternativeName, true,
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, san)));
        b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.8"), false, new DERUTF8String(issuerUrl));
        b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.57264.1.12"), false, new DERUTF8String(repository));
        return b;
    }

    /** RFC 6962 SignedCertificateTimestampList with one v1 SCT over the precertificate TBS. */
    private byte[] sctList(byte[] tbs, Instant at) throws Exception {
        long ts = at.toEpochMilli();
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0); // v1
        signed.write(0); // certificate_timestamp
        writeLong(signed, ts);
        signed.write(new byte[] {0, 1}); // precert_entry
        signed.write(sha256(caCert.getPublicKey().getEncoded()));
        signed.write(new byte[] {(byte) (tbs.length >> 16), (byte) (tbs.length >> 8), (byte) tbs.length});
        signed.write(tbs);
        signed.write(new byte[] {0, 0}); // no extensions
        byte[] sig = sign(ctLog.getPrivate(), signed.toByteArray());
        ByteArrayOutputStream sct = new ByteArrayOutputStream();
        sct.write(0);
        sct.write(sha256(ctLog.getPublic().getEncoded()));
        writeLong(sct, ts);
        sct.write(new byte[] {0, 0});
        sct.write(new byte[] {4, 3}); // sha256, ecdsa
        sct.write(new byte[] {(byte) (sig.length >> 8), (byte) sig.length});
        sct.write(sig);
        byte[] one = sct.toByteArray();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        int total = one.length + 2;
        list.write(new byte[] {(byte) (total >> 8), (byte) total, (byte) (one.length >> 8), (byte) one.length});
        list.write(one);
        return list.toByteArray();
    }

    /** A Rekor v1 tlog entry (bundle JSON form) for this body, with a SET and a one-leaf proof and checkpoint. */
    JsonObject tlogEntry(String kind, String version, byte[] body, Instant integrated) throws Exception {
        String logIdHex = java.util.HexFormat.of().formatHex(sha256(rekor.getPublic().getEncoded()));
        ImmutableRekorEntry forSet = ImmutableRekorEntry.builder().body(b64(body)).logID(logIdHex).logIndex(0)
                .integratedTime(integrated.getEpochSecond())
                .verification(dev.sigstore.rekor.client.ImmutableVerification.builder().build()).build();
        byte[] root = sha256(concat(new byte[] {0}, body));
        String note = LOG_HOST + " - 1\n1\n" + b64(root) + "\n";
        byte[] hint = Arrays.copyOf(sha256(rekor.getPublic().getEncoded()), 4);
        String checkpoint = note + "\n\u2014 " + LOG_HOST + " "
                + b64(concat(hint, sign(rekor.getPrivate(), note.getBytes(StandardCharsets.UTF_8)))) + "\n";
        JsonObject proof = obj("logIndex", "0", "rootHash", b64(root), "treeSize", "1", "hashes", arr(),
                "checkpoint", obj("envelope", checkpoint));
        return obj("logIndex", "0",
                "logId", obj("keyId", b64(sha256(rekor.getPublic().getEncoded()))),
                "kindVersion", obj("kind", kind, "version", version),
                "integratedTime", String.valueOf(integrated.getEpochSecond()),
                "inclusionPromise", obj("signedEntryTimestamp",
                        b64(sign(rekor.getPrivate(), forSet.getSignableContent()))),
                "inclusionProof", proof,
                "canonicalizedBody", b64(body));
    }

    /** trusted_root.json naming the test CA, CT log and Rekor log, valid from a year before {@link #EPOCH}. */
    byte[] trustedRoot() throws Exception {
        JsonObject ca = obj("subject", obj("organization", "test", "commonName", "test-fulcio"),
                "uri", "https://fulcio.test",
                "certChain", obj("certificates", arr(obj("rawBytes", b64(caCert.getEncoded())))),
                "validFor", validFor());
        JsonObject root = obj("mediaType", "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
                "tlogs", arr(log("https://" + LOG_HOST, rekor)),
                "certificateAuthorities", arr(ca),
                "ctlogs", arr(log("https://ct.test", ctLog)),
                "timestampAuthorities", arr());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject log(String url, KeyPair key) throws Exception {
        return obj("baseUrl", url, "hashAlgorithm", "SHA2_256",
                "publicKey", obj("rawBytes", b64(key.getPublic().getEncoded()),
                        "keyDetails", "PKIX_ECDSA_P256_SHA_256", "validFor", validFor()),
                "logId", obj("keyId", b64(sha256(key.getPublic().getEncoded()))));
    }

    private static JsonObject validFor() {
        return obj("start", EPOCH.minus(Duration.ofDays(365)).toString());
    }

    /** A JSON object from name, value pairs; values are strings or JSON elements. */
    static JsonObject obj(Object... pairs) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] instanceof JsonElement e) {
                o.add((String) pairs[i], e);
            } else {
                o.addProperty((String) pairs[i], (String) pairs[i + 1]);
            }
        }
        return o;
    }

    static JsonArray arr(JsonElement... elements) {
        JsonArray a = new JsonArray();
        for (JsonElement e : elements) {
            a.add(e);
        }
        return a;
    }

    static String pem(X509Certificate cert) throws Exception {
        return Certificates.toPemString(cert);
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int i = 7; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
