// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** SARIF locations are relative to the repository root ({@code %SRCROOT%}) however the lockfiles were named. */
class SarifLocationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"absolute root", "absolute subfolder", "relative root", "lockfile itself", "--ref HEAD",
            "--staged"})
    void theLockfileIsNamedFromTheRepositoryRoot(String how) throws Exception {
        Path repoDir = Files.createDirectory(dir.resolve("checkout"));
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            repo.stage("app/requirements.txt", GitCheckTest.COMPROMISED);
            List<String> args = new ArrayList<>(List.of("check", "--no-policy", "--format", "sarif"));
            switch (how) {
                case "absolute root" -> args.add(repoDir.toString());
                case "absolute subfolder" -> args.add(repoDir.resolve("app").toString());
                case "relative root" -> args.add(Path.of("").toAbsolutePath().relativize(repoDir).toString());
                case "lockfile itself" -> args.add(repoDir.resolve("app/requirements.txt").toString());
                case "--ref HEAD" -> {
                    repo.commit("lockfile");
                    args.addAll(List.of("--ref", "HEAD", repoDir.resolve("app").toString()));
                }
                default -> args.addAll(List.of("--staged", repoDir.toString()));
            }
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            JsonNode location = new ObjectMapper().readTree(r.out())
                    .at("/runs/0/results/0/locations/0/physicalLocation");
            assertEquals("app/requirements.txt", location.at("/artifactLocation/uri").asText(), r.out());
            assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
            assertEquals(1, location.at("/region/startLine").asInt());
            assertFalse(r.out().contains(dir.toString()), "no path of the machine it ran on");
        }
    }
}
