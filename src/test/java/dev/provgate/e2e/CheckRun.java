// SPDX-License-Identifier: Apache-2.0
package dev.provgate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code provgate check --no-policy --format json} through the real command line, against the built-in advisory
 * snapshot (an empty {@code --db-dir} holds no imported database, so the snapshot is used), and its findings as
 * {@link Seen} rows that a test compares with the rows it expects.
 */
record CheckRun(int exitCode, List<Seen> findings, String out, String err) {
    /** A transitive finding whose lockfile records no edges (a Gradle lockfile). */
    static final String NO_PATH = "transitive, no path known";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One finding, every field the quality bar names.
     *
     * @param rule        rule id
     * @param pkg         ecosystem/name@version
     * @param advisory    the advisory id
     * @param aliases     its aliases
     * @param at          lockfile name:line
     * @param path        "direct", else the dependency path from a direct dependency (name@version), joined by " > ",
     *                    or {@link #NO_PATH}
     * @param remediation the fix text
     */
    record Seen(String rule, String pkg, String advisory, List<String> aliases, String at, String path,
                String remediation) {
    }

    static CheckRun of(Path emptyDb, String failOn, Path project) {
        CliRunner.Result r = CliRunner.run("check", "--no-policy", "--db-dir", emptyDb.toString(), "--fail-on", failOn,
                "--format", "json", project.toString());
        List<Seen> findings = new ArrayList<>();
        try {
            for (JsonNode f : JSON.readTree(r.out()).path("findings")) {
                findings.add(seen(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON report: " + r.out() + r.err(), e);
        }
        return new CheckRun(r.exitCode(), findings, r.out(), r.err());
    }

    private static Seen seen(JsonNode f) {
        JsonNode p = f.path("package");
        JsonNode evidence = f.path("evidence").path(0);
        List<String> aliases = new ArrayList<>();
        evidence.path("aliases").forEach(a -> aliases.add(a.asText()));
        List<String> path = new ArrayList<>();
        f.path("dependencyPath").forEach(step -> path.add(step.asText()));
        String file = Path.of(f.path("location").path("file").asText()).getFileName().toString();
        return new Seen(f.path("ruleId").asText(),
                p.path("ecosystem").asText() + "/" + p.path("name").asText() + "@" + p.path("version").asText(),
                evidence.path("id").asText(), aliases, file + ":" + f.path("location").path("line").asInt(),
                f.path("direct").asBoolean() ? "direct" : path.isEmpty() ? NO_PATH : String.join(" > ", path),
                f.path("remediation").asText());
    }

    void assertFindings(int expectedExit, Seen... expected) {
        assertEquals(List.of(expected), findings, err);
        assertEquals(expectedExit, exitCode, err);
    }

    /** The 1-based number of the first line of the text that contains the needle. */
    static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }

    /** The 1-based number of the first line that is exactly this one. */
    static int lineEqualTo(String text, String line) {
        int n = text.lines().toList().indexOf(line);
        if (n < 0) {
            throw new AssertionError("no line " + line);
        }
        return n + 1;
    }

    /** Writes the text as the lockfile {@code name} in a folder of its own under the temp folder. */
    static Path project(Path tmp, String folder, String name, String text) {
        try {
            Path dir = Files.createDirectories(tmp.resolve(folder));
            Files.writeString(dir.resolve(name), text);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with the block inserted before the first line that starts with the marker. */
    static String insertBefore(String text, String marker, String block) {
        int at = text.indexOf("\n" + marker);
        if (at < 0) {
            throw new AssertionError("no line starts with " + marker);
        }
        return text.substring(0, at + 1) + block + text.substring(at + 1);
    }
}
