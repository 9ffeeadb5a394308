// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trust material the user names is read at once: a broken file is an input error even with nothing to verify. */
class TrustOptionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--trusted-root | root.json | {        | root.json:",
        "--npm-keys     | keys.json | [1,      | keys.json:",
        "--pgp-keyring  | key.asc   |          | key.asc"})
    void aBrokenTrustFileIsAnInputError(String option, String name, String content, String named) throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "idna==3.4\n");
        Path file = dir.resolve(name);
        if (content != null) {
            Files.writeString(file, content + "\n");
        }
        CliRunner.Result r = CliRunner.run("check", "--pin-identities", option, file.toString(), dir.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(named), r.err());
    }
}
