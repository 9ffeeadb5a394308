// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.PgpKeysMap;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a user gets PGP keys: a keys map in the store (pattern to fingerprints), keyrings in the store's keys/ folder,
 * and the signer pinned per groupId on first use, compared even when no keyring holds the key. Real signatures of
 * junit-jupiter-api 5.10.2 (by FF6E2C00...) and sigstore-java 2.0.0 (by 300B49C1..., a key no public source here has).
 */
class PgpKeysTest {
    private static final String JUNIT_KEY = "FF6E2C001948C5F2F38B0CC385911F425EC61B51";
    private static final String SIGSTORE_JAVA_KEY = "300B49C14DFA7E0AD9D8515400E008229F5DAF37";

    @TempDir
    Path dir;

    private CliRunner.Result check(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "check";
        args[1] = dir.toString();
        args[2] = "--maven-local";
        args[3] = dir.resolve("no-m2").toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRunner.run(args);
    }

    @Test
    void anUnknownSignerIsNamedByFullFingerprintAndPinnedPerGroup() throws Exception {
        ProvenanceProject p = new ProvenanceProject(dir).mavenSigned();
        CliRunner.Result first = check("--pin-identities", "--format", "json");
        assertEquals(0, first.exitCode(), first.out() + first.err());
        Path groupPins = p.store().root().resolve("maven/org.junit.jupiter/identities.json");
        assertTrue(Files.readString(groupPins).contains(JUNIT_KEY), Files.readString(groupPins));
        assertTrue(Files.readString(groupPins).contains("org.junit.jupiter:junit-jupiter-api@5.10.2"));

        Files.writeString(groupPins, Files.readString(groupPins).replace(JUNIT_KEY, SIGSTORE_JAVA_KEY));
        CliRunner.Result changed = check();
        assertEquals(1, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.out().contains("provenance/unexpected-signer"), changed.out());
        assertTrue(changed.out().contains("signer changed since org.junit.jupiter:junit-jupiter-api@5.10.2"),
                changed.out());
    }

    @Test
    void theKeysMapNamesTheKeysAllowedAndAnotherKeyIsAMismatchWithoutAnyKeyring() throws Exception {
        ProvenanceProject p = new ProvenanceProject(dir).mavenSigned();
        Path map = p.store().root().resolve(ProvenanceEnricher.KEYS_MAP);
        Files.createDirectories(map.getParent());
        Files.writeString(map, "# group or artifact pattern = fingerprints\n"
                + "org.junit.*:junit-jupiter-* = 0x" + SIGSTORE_JAVA_KEY + "\n");
        CliRunner.Result other = check();
        assertEquals(1, other.exitCode(), other.out() + other.err());
        assertTrue(other.out().contains("signed by key " + JUNIT_KEY + ", but the keys map (" + map + ":2) allows "
                + "only " + SIGSTORE_JAVA_KEY), other.out());

        Files.writeString(map, "org.junit.jupiter = " + JUNIT_KEY.substring(0, 20) + " " + JUNIT_KEY.substring(20)
                + "\n");
        Files.copy(ProvenanceProject.shared(ProvenanceProject.JUNIT_KEYRING), map.resolveSibling("junit.asc"));
        CliRunner.Result same = check("--format", "json");
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertFalse(same.out().contains("signed by key"), same.out());
    }

    @Test
    void aMalformedKeysMapLineIsAnInputErrorWithItsLine() throws Exception {
        Path map = Files.writeString(dir.resolve("keysmap.list"), "org.example = 0x1234\n");
        ProvgateException e = assertThrows(ProvgateException.class, () -> PgpKeysMap.load(map));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("not a full OpenPGP v4 fingerprint"), e.getMessage());
    }
}
