// SPDX-License-Identifier: Apache-2.0
package dev.provgate.e2e;

import static dev.provgate.e2e.CheckRun.insertBefore;
import static dev.provgate.e2e.CheckRun.lineOf;
import static dev.provgate.e2e.CheckRun.project;
import static dev.provgate.e2e.CheckRun.read;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.e2e.CheckRun.Seen;
import dev.provgate.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-stream incident injected into npm's own package-lock.json (v3) as a transitive dependency of the dev
 * dependency cli-table3, and ua-parser-js 0.7.29 into vue's yarn.lock (classic) under unbzip2-stream. Remediations
 * worked out by hand from the records: GHSA-mh6f-8j2x-4483 has event-stream introduced 3.3.6, fixed 4.0.0 and
 * flatmap-stream introduced 0; MAL-2025-20690 has flatmap-stream introduced 0 (the two name no common id, so they stay
 * two findings); GHSA-pjwm-rvh2-c87w has ua-parser-js introduced 0.7.29, fixed 0.7.30 (and two other entries).
 */
class NpmInjectionTest {
    private static final String PACKAGE_LOCK = "npm/package-lock-v3/npm-cli__package-lock.json";
    private static final String YARN_LOCK = "npm/yarn-lock-v1-classic/vuejs-core-2021__yarn.lock";
    private static final String CLI_TABLE3_DEPENDENCIES = """
                  "license": "MIT",
                  "dependencies": {
                    "string-width": "^4.2.0"
                  },
                  "engines": {
                    "node": "10.* || >= 12.*"\
            """;
    private static final String EVENT_STREAM = """
                "node_modules/event-stream": {
                  "version": "3.3.6",
                  "resolved": "https://npm.registry.invalid/event-stream/-/event-stream-3.3.6.tgz",
                  "dev": true,
                  "dependencies": {
                    "flatmap-stream": "^0.1.0"
                  }
                },
                "node_modules/flatmap-stream": {
                  "version": "0.1.1",
                  "resolved": "https://npm.registry.invalid/flatmap-stream/-/flatmap-stream-0.1.1.tgz",
                  "dev": true
                },
            """;
    private static final String EVENT_STREAM_FROM_GIT = """
                "node_modules/event-stream": {
                  "version": "3.3.6",
                  "resolved": "git+ssh://git@git.example.invalid/dominictarr/event-stream.git#%s",
                  "dev": true
                },
            """.formatted("e".repeat(40));
    private static final String EVENT_STREAM_GHSA = "GHSA-mh6f-8j2x-4483";

    @TempDir
    Path tmp;

    private Path emptyDb() {
        return tmp.resolve("empty-db");
    }

    /** npm's lockfile with the entries added before cli-table3's, and cli-table3 depending on event-stream. */
    private static String packageLockWith(String entries) {
        String text = read(SharedData.corpus(PACKAGE_LOCK));
        assertTrue(text.contains(CLI_TABLE3_DEPENDENCIES), "cli-table3 entry as expected");
        text = text.replace(CLI_TABLE3_DEPENDENCIES, CLI_TABLE3_DEPENDENCIES.replace("\"string-width\": \"^4.2.0\"",
                "\"event-stream\": \"3.3.6\",\n        \"string-width\": \"^4.2.0\""));
        return insertBefore(text, "    \"node_modules/cli-table3\": {", entries);
    }

    @Test
    void eventStreamAndFlatmapStreamAsTransitiveDependencies() {
        String text = packageLockWith(EVENT_STREAM);
        String eventStream = "package-lock.json:" + lineOf(text, "\"node_modules/event-stream\"");
        String flatmap = "package-lock.json:" + lineOf(text, "\"node_modules/flatmap-stream\"");
        CheckRun.of(emptyDb(), "block", project(tmp, "npm", "package-lock.json", text)).assertFindings(1,
                new Seen("advisory/malicious", "npm/event-stream@3.3.6", EVENT_STREAM_GHSA, List.of(), eventStream,
                        "cli-table3@0.6.5 > event-stream@3.3.6",
                        "pin event-stream to 3.3.5 or earlier, or upgrade to 4.0.0 or later"),
                new Seen("advisory/malicious", "npm/flatmap-stream@0.1.1", EVENT_STREAM_GHSA, List.of(), flatmap,
                        "cli-table3@0.6.5 > event-stream@3.3.6 > flatmap-stream@0.1.1",
                        "remove flatmap-stream (every version is affected)"),
                new Seen("advisory/malicious", "npm/flatmap-stream@0.1.1", "MAL-2025-20690", List.of(), flatmap,
                        "cli-table3@0.6.5 > event-stream@3.3.6 > flatmap-stream@0.1.1",
                        "remove flatmap-stream (every version is affected)"));
    }

    @Test
    void eventStreamFromGitSharesOnlyTheName() {
        String text = packageLockWith(EVENT_STREAM_FROM_GIT);
        Path project = project(tmp, "git", "package-lock.json", text);
        Seen warning = new Seen("advisory/name-only", "npm/event-stream@3.3.6", EVENT_STREAM_GHSA, List.of(),
                "package-lock.json:" + lineOf(text, "\"node_modules/event-stream\""),
                "cli-table3@0.6.5 > event-stream@3.3.6", "not the registry package (it comes from git git+ssh://"
                + "git@git.example.invalid/dominictarr/event-stream.git#" + "e".repeat(40) + "): check that its code "
                + "is not the compromised release");
        CheckRun.of(emptyDb(), "block", project).assertFindings(0, warning);
        CheckRun.of(emptyDb(), "warn", project).assertFindings(1, warning);
    }

    @Test
    void uaParserJsUnderUnbzip2Stream() {
        String text = read(SharedData.corpus(YARN_LOCK));
        String unbzip2Dependencies = "    through \"^2.3.8\"\n\nuniversalify@^0.1.0";
        assertTrue(text.contains(unbzip2Dependencies), "unbzip2-stream entry as expected");
        text = text.replace(unbzip2Dependencies, "    through \"^2.3.8\"\n    ua-parser-js \"^0.7.28\"\n\n"
                + "universalify@^0.1.0");
        text = insertBefore(text, "uglify-js@^3.1.4:", """
                ua-parser-js@^0.7.28:
                  version "0.7.29"
                  resolved "https://yarn.registry.invalid/ua-parser-js/-/ua-parser-js-0.7.29.tgz#%s"

                """.formatted("0".repeat(40)));
        CheckRun.of(emptyDb(), "block", project(tmp, "yarn", "yarn.lock", text)).assertFindings(1,
                new Seen("advisory/malicious", "npm/ua-parser-js@0.7.29", "GHSA-pjwm-rvh2-c87w", List.of(),
                        "yarn.lock:" + lineOf(text, "ua-parser-js@^0.7.28:"),
                        "puppeteer@10.4.0 > unbzip2-stream@1.3.3 > ua-parser-js@0.7.29",
                        "pin ua-parser-js to 0.7.28 or earlier, or upgrade to 0.7.30 or later"));
    }
}
