// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A table of findings with the details under each row, and the one-line summary last. */
final class TextReporter implements Reporter {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final String INDENT = "    ";
    private static final List<String> HEADER = List.of("SEVERITY", "PACKAGE", "RULE", "LOCATION");

    private final boolean colour;

    TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(CheckResult result, PrintWriter out) {
        List<Finding> findings = result.verdict().findings();
        if (!findings.isEmpty()) {
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
        String summary = FindingText.summary(result);
        out.print(paint(summary, BOLD + (result.blocked() ? RED : GREEN)) + "\n");
        out.flush();
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
        return colour && !code.isEmpty() ? code + s + RESET : s;
    }
}
