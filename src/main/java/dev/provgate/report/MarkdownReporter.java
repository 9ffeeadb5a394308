// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import java.io.PrintWriter;
import java.util.List;

/**
 * For a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: the summary, a table of the findings about one package
 * each (blocking first), one folded entry per cause that many packages share, then the details. Never larger than
 * the settings' limit: what does not fit is counted in a closing notice that says where the full report is.
 */
final class MarkdownReporter implements Reporter {
    private static final String CLOSE_DETAILS = "\n</details>\n";
    private static final String MORE = "- and %s more (in the full report)\n";

    private final Reporters.Settings settings;

    MarkdownReporter(Reporters.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void write(CheckResult r, PrintWriter out) {
        long total = r.verdict().findings().size();
        MarkdownBudget doc = new MarkdownBudget(settings.markdownLimit(), MarkdownBudget.size(notice(total, total)));
        doc.add("## provgate check: " + (r.blocked() ? "blocked" : "passed") + "\n\n");
        doc.add("**" + FindingText.summary(r) + "**\n\n");
        settings.notices().forEach(n -> doc.add("> **Note:** " + cell(n) + "\n\n"));
        if (r.verdict().findings().isEmpty()) {
            doc.add("No findings.\n");
            out.print(doc);
            out.flush();
            return;
        }
        tally(doc, "By rule", FindingText.byRule(r));
        tally(doc, "By tier", FindingText.byTier(r));
        FindingGroups groups = FindingGroups.of(r);
        List<String> heads = groups.grouped().stream().map(MarkdownReporter::groupHead).toList();
        // Group headings are kept room for, but never more than half: the findings about one package come first.
        long headsRoom = Math.min(heads.stream().mapToLong(MarkdownReporter::fixedSize).sum(),
                settings.markdownLimit() / 2);
        long shown = table(groups.single(), r, doc, headsRoom);
        for (Finding f : groups.single()) {
            doc.add(details(f), headsRoom);
        }
        shown += grouped(groups.grouped(), heads, doc);
        if (doc.cut()) {
            doc.append(notice(total - shown, total));
        }
        out.print(doc);
        out.flush();
    }

    private static void tally(MarkdownBudget doc, String label, String counts) {
        if (!counts.isEmpty()) {
            doc.add("**" + label + ":** " + cell(counts) + "\n\n");
        }
    }

    /**
     * The findings about one package each, one row per finding, with {@code keep} bytes left for what must follow;
     * returns how many rows fitted.
     */
    private static long table(List<Finding> findings, CheckResult r, MarkdownBudget doc, long keep) {
        if (findings.isEmpty() || !doc.add("| Severity | Package | Rule | Advisory | Lockfile | Dependency |\n"
                + "| --- | --- | --- | --- | --- | --- |\n", keep + 1)) {
            return 0;
        }
        long shown = 0;
        for (Finding f : findings) {
            if (!doc.add("| " + String.join(" | ", severity(f, r), code(f.component().coordinates()),
                    cell(f.ruleId()), cell(FindingText.advisoryIds(f)), code(f.location().toString()),
                    cell(FindingText.origin(f))) + " |\n", keep + 1)) {
                break;
            }
            shown++;
        }
        doc.append("\n");
        return shown;
    }

    /**
     * One folded entry per shared cause, under its heading ({@code heads}, kept room for by the caller); the
     * package lists fill what is left, in order. Returns how many packages were listed.
     */
    private static long grouped(List<FindingGroups.Group> groups, List<String> heads, MarkdownBudget doc) {
        long headsLeft = heads.stream().mapToLong(MarkdownReporter::fixedSize).sum();
        long listed = 0;
        for (int i = 0; i < groups.size(); i++) {
            headsLeft -= fixedSize(heads.get(i));
            long keep = headsLeft + fixedSize("");
            if (!doc.add(heads.get(i), keep)) {
                continue;
            }
            List<Finding> findings = groups.get(i).findings();
            int n = 0;
            while (n < findings.size() && doc.add("- " + code(findings.get(n).component().coordinates()) + " "
                    + code(findings.get(n).location().toString()) + "\n", keep)) {
                n++;
            }
            if (n < findings.size()) {
                doc.append(MORE.formatted(FindingText.number(findings.size() - n)));
            }
            listed += n;
            doc.append(CLOSE_DETAILS);
        }
        return listed;
    }

    /** What a grouped entry takes whatever its package list: heading, closing tag, the "and N more" line. */
    private static long fixedSize(String head) {
        return MarkdownBudget.size(head + CLOSE_DETAILS + MORE) + 16;
    }

    private static String groupHead(FindingGroups.Group g) {
        Finding first = g.first();
        String tiers = g.tiers().isEmpty() ? "" : ", tiers: " + String.join(", ", g.tiers());
        String label = g.blocking() ? "<b>" + first.severity().label() + "</b>" : first.severity().label();
        StringBuilder b = new StringBuilder("\n<details>\n<summary>").append(label)
                .append(first.suppressed() ? " (suppressed)" : "").append(" ").append(html(g.ruleId())).append(": ")
                .append(html(FindingText.counted(g.findings().size(), "package"))).append(html(tiers))
                .append("</summary>\n\n").append(cell(g.cause())).append("\n\n");
        if (!g.fix().isEmpty()) {
            b.append("- **Fix:** ").append(cell(g.fix())).append("\n");
        }
        if (first.suppressed()) {
            b.append("- **Suppressed:** ").append(cell(FindingText.suppression(first.suppression()))).append("\n");
        }
        return b.append("\n").toString();
    }

    /** What was cut and where the whole report is. */
    private String notice(long left, long total) {
        String full = settings.fullReport().isEmpty()
                ? "run <code>provgate check --output json=provgate.json</code> for the full report"
                : "the full report is in " + code(settings.fullReport());
        return "\n---\n\n**Cut to fit " + FindingText.number(settings.markdownLimit()) + " bytes (--markdown-limit): "
                + FindingText.number(left) + " of " + FindingText.number(total)
                + " findings are not listed here; " + full + ".**\n";
    }

    private static String severity(Finding f, CheckResult r) {
        String label = r.blocks(f) ? "**" + f.severity().label() + "**" : f.severity().label();
        return f.suppressed() ? label + " (suppressed)" : label;
    }

    private static String details(Finding f) {
        String ids = FindingText.advisoryIds(f);
        StringBuilder b = new StringBuilder("\n<details>\n<summary>").append(html(f.component().coordinates()))
                .append(": ").append(html(ids.isEmpty() ? f.ruleId() : ids)).append("</summary>\n\n")
                .append(cell(f.message())).append("\n\n");
        item(b, "Rule", f.ruleId());
        item(b, "Aliases", FindingText.aliases(f));
        item(b, "Tier", f.tier());
        item(b, "Where", f.location() + ", " + FindingText.origin(f));
        item(b, "Fix", f.remediation());
        if (f.suppressed()) {
            item(b, "Suppressed", FindingText.suppression(f.suppression()));
        }
        return b.append(CLOSE_DETAILS).toString();
    }

    private static void item(StringBuilder b, String label, String value) {
        if (!value.isEmpty()) {
            b.append("- **").append(label).append(":** ").append(cell(value)).append("\n");
        }
    }

    /** Inline code that survives backticks and pipes in the text. */
    private static String code(String s) {
        return "<code>" + html(s).replace("|", "&#124;") + "</code>";
    }

    /** Table-cell and list text: no markup from the lockfile gets through. */
    static String cell(String s) {
        return html(s).replace("|", "\\|").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
                .replace("[", "\\[").replace("]", "\\]");
    }

    private static String html(String s) {
        return FindingText.clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
