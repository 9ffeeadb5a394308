// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.SpecificationVersion;
import dev.provgate.model.CommitInfo;
import dev.provgate.model.Exposure;
import dev.provgate.model.Interval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** query's formats: exact text, CSV and Markdown; JSON valid against docs/query-report.schema.json. */
class ExposureReportTest {
    static final String A = "a".repeat(40);
    static final String M = "e".repeat(40);
    static final String R = "b".repeat(40);

    static CommitInfo commit(String sha, long time, String subject) {
        return new CommitInfo(sha, List.of(), "Erin", "erin@example.test", time, 60, "Erin", "erin@example.test",
                time, 60, subject);
    }

    static List<Exposure> exposures() {
        Interval merged = new Interval("refs/heads/main", "pkg:pypi/litellm@1.82.8", "pkg:pypi/litellm", "1.82.8",
                "requirements.txt", 1, A, M, R, 1_774_360_800L, 1_774_371_600L);
        Interval open = new Interval("refs/heads/legacy", "pkg:pypi/litellm@1.82.8", "pkg:pypi/litellm", "1.82.8",
                "app/requirements.txt", 3, A, null, null, 1_774_360_800L, null);
        return List.of(new Exposure("/srv/git/acme.git", false, merged, commit(A, 1_774_360_800L,
                        "hotfix, =1+1"), commit(R, 1_774_371_600L, "pin back")),
                new Exposure("/srv/git/shallow.git", true, open, commit(A, 1_774_360_800L, "bump\u001b[31m"),
                        null));
    }

    static String render(String format, List<Exposure> exposures) {
        StringWriter out = new StringWriter();
        ExposureReport.write(format, new ExposureReport.Query(List.of("pkg:pypi/litellm@1.82.8"),
                Instant.parse("2026-03-24T10:39:00Z"), Instant.parse("2026-03-24T16:00:00Z"), null, null), exposures,
                new PrintWriter(out));
        return out.toString();
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws IOException {
        SchemaAssert schema = SchemaAssert.load(Files.newInputStream(Path.of("docs/query-report.schema.json")),
                SpecificationVersion.DRAFT_2020_12);
        schema.valid(render("json", exposures()));
        schema.valid(render("json", List.of()));
        assertFalse(schema.errors(render("json", exposures()).replace("\"merge\"", "\"mergedBy\"")).isEmpty());
    }

    @Test
    void textSaysEverythingInUtcAndMarksShallowClones() {
        assertEquals("""
                /srv/git/acme.git  refs/heads/main  pkg:pypi/litellm@1.82.8  requirements.txt:1
                  introduced 2026-03-24T14:00:00Z  aaaaaaaaaaaa  Erin <erin@example.test>  "hotfix, =1+1"  merged by eeeeeeeeeeee
                  removed    2026-03-24T17:00:00Z  bbbbbbbbbbbb  Erin <erin@example.test>  "pin back"
                /srv/git/shallow.git  refs/heads/legacy  pkg:pypi/litellm@1.82.8  app/requirements.txt:3
                  introduced 2026-03-24T14:00:00Z  aaaaaaaaaaaa  Erin <erin@example.test>  "bump\uFFFD[31m"
                  (shallow clone: history is truncated, introduced time is a lower bound)
                  still locked at the tip
                2 exposures in 2 repositories
                """, render("text", exposures()));
        assertEquals("no exposures\n", render("text", List.of()));
    }

    @Test
    void csvQuotesCommasAndDefusesFormulas() {
        List<String> lines = render("csv", exposures()).lines().toList();
        assertEquals("/srv/git/acme.git,refs/heads/main,pkg:pypi/litellm@1.82.8,requirements.txt,1," + A + "," + M
                + ",2026-03-24T14:00:00Z,Erin <erin@example.test>,Erin <erin@example.test>,\"hotfix, =1+1\"," + R
                + ",2026-03-24T17:00:00Z,false", lines.get(1));
        assertEquals(3, lines.size());
    }

    @Test
    void markdownTable() {
        String md = render("markdown", exposures());
        assertEquals("| /srv/git/acme.git | refs/heads/main | pkg:pypi/litellm@1.82.8 | requirements.txt:1 | "
                + "aaaaaaaaaaaa 2026-03-24T14:00:00Z by Erin &lt;erin@example.test&gt;: hotfix, =1+1 (merged by "
                + "eeeeeeeeeeee) | bbbbbbbbbbbb 2026-03-24T17:00:00Z |", md.lines().toList().get(4));
        assertEquals("Repositories scanned from a shallow clone have truncated history: their introduced times are "
                + "lower bounds.", md.lines().reduce((a, b) -> b).orElseThrow());
    }
}
