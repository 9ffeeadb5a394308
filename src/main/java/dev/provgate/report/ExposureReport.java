// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.model.CommitInfo;
import dev.provgate.model.Exposure;
import dev.provgate.model.Interval;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The answer of {@code query}: exposures (repository, ref, package, lockfile line, the commit that introduced the
 * version and the merge that brought it, the commit that removed it) in text, JSON (schema:
 * docs/query-report.schema.json), CSV or Markdown. Times in UTC. A repository scanned from a shallow clone says
 * that its introduction times are lower bounds, in every format.
 */
public final class ExposureReport {
    public static final List<String> FORMATS = List.of("text", "json", "csv", "markdown");
    private static final String LOWER_BOUND = "shallow clone: history is truncated, introduced time is a lower bound";

    /**
     * What was asked, echoed in JSON.
     *
     * @param from,to the window ({@code --between}), or both null
     * @param at      the instant ({@code --at}), or null
     * @param ref     the {@code --ref} pattern, or null
     */
    public record Query(List<String> packages, Instant from, Instant to, Instant at, String ref) {
        public Query {
            packages = List.copyOf(packages);
        }
    }

    private ExposureReport() {
    }

    public static void write(String format, Query query, List<Exposure> exposures, PrintWriter out) {
        switch (format) {
            case "json" -> json(query, exposures, out);
            case "csv" -> csv(exposures, out);
            case "markdown" -> markdown(exposures, out);
            case "text" -> text(exposures, out);
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        out.flush();
    }

    private static void text(List<Exposure> exposures, PrintWriter out) {
        for (Exposure e : exposures) {
            Interval i = e.interval();
            out.print(FindingText.clean(e.repository() + "  " + i.ref() + "  " + i.purl() + "  " + i.lockfile() + ":"
                    + i.line()) + "\n");
            CommitInfo c = e.introduced();
            out.print("  introduced " + c.committed() + "  " + c.sha().substring(0, 12) + "  "
                    + FindingText.clean(c.author() + "  \"" + c.subject() + "\"")
                    + (i.merge() == null ? "" : "  merged by " + i.merge().substring(0, 12)) + "\n");
            if (e.truncated()) {
                out.print("  (" + LOWER_BOUND + ")\n");
            }
            out.print(e.removed() == null ? "  still locked at the tip\n" : "  removed    " + e.removed().committed()
                    + "  " + e.removed().sha().substring(0, 12) + "  "
                    + FindingText.clean(e.removed().author() + "  \"" + e.removed().subject() + "\"") + "\n");
        }
        long repositories = exposures.stream().map(Exposure::repository).distinct().count();
        out.print(exposures.isEmpty() ? "no exposures\n" : String.format(Locale.ROOT, "%d exposure%s in %d "
                + "repositor%s%n", exposures.size(), exposures.size() == 1 ? "" : "s", repositories,
                repositories == 1 ? "y" : "ies").replace(System.lineSeparator(), "\n"));
    }

    private static void json(Query query, List<Exposure> exposures, PrintWriter out) {
        ObjectNode doc = JsonWriting.object();
        ObjectNode q = doc.putObject("query");
        q.set("packages", JsonWriting.strings(query.packages()));
        if (query.from() != null) {
            q.putObject("between").put("from", query.from().toString()).put("to", query.to().toString());
        } else {
            q.putNull("between");
        }
        q.put("at", query.at() == null ? null : query.at().toString());
        q.put("ref", query.ref());
        ArrayNode list = doc.putArray("exposures");
        for (Exposure e : exposures) {
            Interval i = e.interval();
            ObjectNode x = list.addObject().put("repository", e.repository()).put("ref", i.ref())
                    .put("purl", i.purl()).put("lockfile", i.lockfile()).put("line", i.line());
            CommitInfo c = e.introduced();
            x.putObject("introduced").put("commit", c.sha()).put("merge", i.merge())
                    .put("time", c.committed().toString()).put("author", c.author()).put("committer", c.committer())
                    .put("subject", c.subject()).put("timeIsLowerBound", e.truncated());
            if (e.removed() == null) {
                x.putNull("removed");
            } else {
                x.putObject("removed").put("commit", e.removed().sha())
                        .put("time", e.removed().committed().toString());
            }
            x.put("truncatedHistory", e.truncated());
        }
        JsonWriting.write(doc, out);
    }

    private static void csv(List<Exposure> exposures, PrintWriter out) {
        out.print("repository,ref,purl,lockfile,line,introduced_commit,merge_commit,introduced_time,author,committer,"
                + "subject,removed_commit,removed_time,truncated_history\n");
        for (Exposure e : exposures) {
            Interval i = e.interval();
            CommitInfo c = e.introduced();
            out.print(Stream.of(e.repository(), i.ref(), i.purl(), i.lockfile(), Integer.toString(i.line()), c.sha(),
                    nullable(i.merge()), c.committed().toString(), c.author(), c.committer(), c.subject(),
                    e.removed() == null ? "" : e.removed().sha(),
                    e.removed() == null ? "" : e.removed().committed().toString(), Boolean.toString(e.truncated()))
                    .map(ExposureReport::csvField).collect(Collectors.joining(",")) + "\n");
        }
    }

    private static void markdown(List<Exposure> exposures, PrintWriter out) {
        out.print("## Exposures\n\n");
        if (exposures.isEmpty()) {
            out.print("No exposures.\n");
            return;
        }
        out.print("| Repository | Ref | Package | Lockfile | Introduced | Removed |\n|---|---|---|---|---|---|\n");
        for (Exposure e : exposures) {
            Interval i = e.interval();
            CommitInfo c = e.introduced();
            String introduced = c.sha().substring(0, 12) + " " + c.committed() + (e.truncated() ? " (lower bound)" : "")
                    + " by " + c.author() + ": " + c.subject()
                    + (i.merge() == null ? "" : " (merged by " + i.merge().substring(0, 12) + ")");
            String removed = e.removed() == null ? "still locked"
                    : e.removed().sha().substring(0, 12) + " " + e.removed().committed();
            out.print("| " + String.join(" | ", MarkdownReporter.cell(e.repository()), MarkdownReporter.cell(i.ref()),
                    MarkdownReporter.cell(i.purl()), MarkdownReporter.cell(i.lockfile() + ":" + i.line()),
                    MarkdownReporter.cell(introduced), MarkdownReporter.cell(removed)) + " |\n");
        }
        if (exposures.stream().anyMatch(Exposure::truncated)) {
            out.print("\nRepositories scanned from a shallow clone have truncated history: their introduced times "
                    + "are lower bounds.\n");
        }
    }

    private static String nullable(String s) {
        return s == null ? "" : s;
    }

    private static String csvField(String s) {
        String clean = FindingText.clean(s);
        return clean.contains(",") || clean.contains("\"") || clean.startsWith("=") || clean.startsWith("+")
                || clean.startsWith("-") || clean.startsWith("@")
                ? "\"" + (clean.matches("^[=+\\-@].*") ? "'" : "") + clean.replace("\"", "\"\"") + "\"" : clean;
    }
}
