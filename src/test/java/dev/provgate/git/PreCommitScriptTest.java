// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provgate.lockfile.LockfileParsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** scripts/pre-commit: its lockfile patterns cover the parsers' file names, and its fast path starts no Java. */
class PreCommitScriptTest {
    static final Path SCRIPT = Path.of("scripts/pre-commit");

    /** Lockfile names of every format, in the shapes projects use. */
    static Stream<String> lockfileNames() {
        return Stream.of("package-lock.json", "web/npm-shrinkwrap.json", "a/b/yarn.lock", "pnpm-lock.yaml",
                "requirements.txt", "requirements-dev.txt", "requirements/base.txt", "py/Constraints.txt",
                "dev-requirements.TXT", "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock", "pylock.toml",
                "pylock.dev.toml", "pom.xml", "mod/pom.xml", "lockfile.json", "gradle.lockfile",
                "app/gradle.lockfile", "gradle/dependency-locks/compileClasspath.lockfile",
                "gradle/verification-metadata.xml", "dependency-tree.txt", "mvn-tree.txt", "dep-tree.txt", "bom.json",
                "app.cdx.json", "bom.xml", "app.cdx.xml", "app.spdx.json", "x.bom.json", ".github/workflows/ci.yml",
                "svc/.github/workflows/release.yaml", "action.yml", ".github/actions/setup/action.yaml", ".gitlab-ci.yml");
    }

    /** Files no parser takes, which must not start Java. */
    static Stream<String> ordinaryNames() {
        return Stream.of("README.md", "src/main/java/App.java", "package.json", "pyproject.toml", "build.gradle",
                "docs/notes.txt", ".github/dependabot.yml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockfileNames")
    void everyLockfileNameTheParsersAcceptIsMatched(String path) {
        assertTrue(LockfileParsers.forPath(path).isPresent(), "the parsers accept " + path);
        assertTrue(matches(path), "scripts/pre-commit misses " + path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinaryNames")
    void ordinaryFilesTakeTheFastPath(String path) {
        assertFalse(LockfileParsers.forPath(path).isPresent(), "no parser accepts " + path);
        assertFalse(matches(path), "scripts/pre-commit would start Java for " + path);
    }

    @Test
    void fastPathExitsWithoutRunningProvgate(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("bash") && onPath("git"), "needs bash and git to run the hook script");
        Path fake = dir.resolve("fake-provgate");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\"\nexit 7\n");
        assertTrue(fake.toFile().setExecutable(true));
        Path repo = Files.createDirectory(dir.resolve("repo"));
        try (TestRepo r = TestRepo.init(repo)) {
            r.stage("README.md", "hello\n").commit("readme");
            r.stage("README.md", "changed\n").write("requirements.txt", "litellm==1.82.8\n");
            assertEquals("exit 0: ", runHook(repo, fake), "nothing staged looks like a lockfile");

            r.stage("py/requirements.txt", "idna==3.7\n");
            assertEquals("exit 7: check --staged", runHook(repo, fake));
        }
    }

    private static String runHook(Path repo, Path provgate) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toAbsolutePath().toString()).directory(repo.toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_") || k.equals("PROVGATE_ARGS"));
        pb.environment().put("PROVGATE", provgate.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "hook finished");
        return "exit " + p.exitValue() + ": " + out;
    }

    /** The script's glob patterns as regular expressions; a glob's * spans folders, as bash's [[ == ]] does. */
    static boolean matches(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return patterns().stream().anyMatch(p -> p.matcher(lower).matches());
    }

    static List<Pattern> patterns() {
        try {
            String script = Files.readString(SCRIPT);
            int begin = script.indexOf("# provgate-lockfile-patterns-begin");
            int end = script.indexOf("# provgate-lockfile-patterns-end");
            Matcher quoted = Pattern.compile("'([^']*)'").matcher(script.substring(begin, end));
            return quoted.results().map(m -> Pattern.compile(Pattern.quote(m.group(1)).replace("*", "\\E.*\\Q")))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT, e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
