// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One-megabyte lines where patterns or libraries were quadratic (or recursed per character): each is parsed, or
 * refused with its line, in linear time. The timeout only guards against a hang (such lines took hours before);
 * speed is measured by scripts/fuzz.sh, whose long-line cases cover every line-oriented format.
 */
class MegabyteLinesTest {
    private static final int MB = 1024 * 1024;

    private static String line(String kind) {
        String a = "a".repeat(MB);
        return switch (kind) {
            case "url" -> "https://h/" + a;
            case "vcs" -> "git+https://h/" + a;
            case "sdist" -> "https://h/a-" + "1".repeat(MB);
            case "extras" -> "./x[" + "[".repeat(MB);
            case "specifier" -> "pkg" + "==1,".repeat(MB / 4) + "!";
            case "tree-indent" -> "org.x:app:jar:1\n" + "|  ".repeat(MB / 3) + "+- a:b:jar:1:compile";
            case "pnpm" -> "lockfileVersion: '9.0'\npackages:\n  a@1:\n    resolution: {integrity: " + a + "}";
            case "toml" -> "a" + ".a".repeat(MB / 2) + " = 1";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "url, requirements.txt, ok",
        "vcs, requirements.txt, ok",
        "sdist, requirements.txt, ok",
        "extras, requirements.txt, ok",
        "specifier, requirements.txt, 1",
        "tree-indent, dependency-tree.txt, 2",
        "pnpm, pnpm-lock.yaml, 4",
        "toml, uv.lock, 1",
    })
    void aMegabyteLineIsParsedOrRefusedWithItsLine(String kind, String file, String expected) {
        LockfileParser parser = LockfileParsers.all().stream().filter(p -> p.accepts(file)).findFirst().orElseThrow();
        LockfileSource source = new LockfileSource(file, (line(kind) + "\n").getBytes(StandardCharsets.UTF_8), "");
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                LockfileInventory inv = parser.parse(source);
                return inv == null ? "null" : "ok";
            } catch (ProvgateException e) {
                return String.valueOf(e.line());
            }
        });
        assertEquals(expected, outcome);
    }
}
