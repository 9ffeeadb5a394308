// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary first (counts by severity, rule and tier, and any set-up notice), then a table of the findings about
 * one package each with the details under each row, then one entry per cause that many packages share, and the
 * one-line summary again last.
 */
final class TextReporter implements Reporter {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final String INDENT = "    ";
    private static final List<String> HEADER = List.of("SEVERITY", "PACKAGE", "RULE", "LOCATION");
    /** Packages named per grouped entry without --verbose. */
    static final int PACKAGES_SHOWN = 10;

    private final Reporters.Settings settings;

    TextReporter(Reporters.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void write(CheckResult result, PrintWriter out) {
        String summary = paint(FindingText.summary(result), BOLD + (result.blocked() ? RED : GREEN));
        settings.notices().forEach(n -> out.print(paint("note: " + n, BOLD) + "\n"));
        if (!result.verdict().findings().isEmpty()) {
            out.print(summary + "\n");
            tally(out, "by rule: ", FindingText.byRule(result));
            tally(out, "by tier: ", FindingText.byTier(result));
            out.print("\n");
            FindingGroups groups = FindingGroups.of(result);
            table(groups.single(), result, out);
            groups.grouped().forEach(g -> group(g, result, out));
        }
        out.print(summary + "\n");
        out.flush();
    }

    private static void tally(PrintWriter out, String label, String counts) {
        if (!counts.isEmpty()) {
            out.print(INDENT + label + counts + "\n");
        }
    }

    private void table(List<Finding> findings, CheckResult result, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        findings.forEach(f -> rows.add(cells(f)));
        int[] widths = widths(rows);
        out.print(line(HEADER, widths) + "\n");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.print(paint(line(rows.get(i), widths), colourOf(f, result)) + "\n");
            details(f).forEach(d -> out.print(INDENT + d + "\n"));
        }
        out.print("\n");
    }

    /** {@code warn  tier/release-age  3,199 packages  tiers: product, tooling}, the cause, the fix, the packages. */
    private void group(FindingGroups.Group g, CheckResult result, PrintWriter out) {
        Finding first = g.first();
        String tiers = g.tiers().isEmpty() ? "" : "  tiers: " + String.join(", ", g.tiers());
        String head = first.severity().label() + (first.suppressed() ? " (suppressed)" : "") + "  " + g.ruleId()
                + "  " + FindingText.counted(g.findings().size(), "package") + tiers;
        out.print(paint(head, colourOf(first, result)) + "\n");
        out.print(INDENT + FindingText.clean(g.cause()) + "\n");
        if (!g.fix().isEmpty()) {
            out.print(INDENT + "fix: " + FindingText.clean(g.fix()) + "\n");
        }
        if (first.suppressed()) {
            out.print(INDENT + "suppressed: " + FindingText.clean(FindingText.suppression(first.suppression())) + "\n");
        }
        if (settings.verbose()) {
            out.print(INDENT + "packages:\n");
            g.findings().forEach(f -> out.print(INDENT + "  " + FindingText.clean(f.component().coordinates()) + "  "
                    + FindingText.clean(f.location().toString()) + "\n"));
        } else {
            List<String> names = g.findings().stream().limit(PACKAGES_SHOWN)
                    .map(f -> FindingText.clean(f.component().coordinates())).toList();
            int more = g.findings().size() - names.size();
            out.print(INDENT + "packages: " + String.join(", ", names)
                    + (more > 0 ? ", and " + FindingText.number(more) + " more (--verbose lists them all)" : "")
                    + "\n");
        }
        out.print("\n");
    }

    private static List<String> cells(Finding f) {
        String severity = f.severity().label() + (f.suppressed() ? " (suppressed)" : "");
        return List.of(severity, FindingText.clean(f.component().coordinates()), f.ruleId(),
                FindingText.clean(f.location().toString()));
    }

    private static List<String> details(Finding f) {
        List<String> lines = new ArrayList<>();
        lines.add(f.message());
        String aliases = FindingText.aliases(f);
        if (!aliases.isEmpty()) {
            lines.add("aliases: " + aliases);
        }
        if (!f.tier().isEmpty()) {
            lines.add("tier: " + f.tier());
        }
        lines.add(FindingText.origin(f));
        if (!f.remediation().isEmpty()) {
            lines.add("fix: " + f.remediation());
        }
        if (f.suppressed()) {
            lines.add("suppressed: " + FindingText.suppression(f.suppression()));
        }
        return lines.stream().map(FindingText::clean).toList();
    }

    private static int[] widths(List<List<String>> rows) {
        int[] w = HEADER.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        return w;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            boolean last = i == cells.size() - 1;
            b.append(last ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        return b.toString();
    }

    private static String colourOf(Finding f, CheckResult result) {
        if (f.suppressed() || f.severity() == Severity.INFO) {
            return "";
        }
        return result.blocks(f) || f.severity() == Severity.BLOCK ? RED : YELLOW;
    }

    private String paint(String s, String code) {
        return settings.colour() && !code.isEmpty() ? code + s + RESET : s;
    }
}
