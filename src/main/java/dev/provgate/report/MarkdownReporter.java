// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import java.io.PrintWriter;

/** For a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: the summary, a table, details folded away. */
final class MarkdownReporter implements Reporter {
    @Override
    public void write(CheckResult r, PrintWriter out) {
        out.print("## provgate check: " + (r.blocked() ? "blocked" : "passed") + "\n\n");
        out.print("**" + FindingText.summary(r) + "**\n\n");
        if (r.verdict().findings().isEmpty()) {
            out.print("No findings.\n");
            out.flush();
            return;
        }
        out.print("| Severity | Package | Rule | Advisory | Lockfile | Dependency |\n");
        out.print("| --- | --- | --- | --- | --- | --- |\n");
        for (Finding f : r.verdict().findings()) {
            out.print("| " + String.join(" | ", severity(f, r), code(f.component().coordinates()), cell(f.ruleId()),
                    cell(FindingText.advisoryIds(f)), code(f.location().toString()), cell(FindingText.origin(f)))
                    + " |\n");
        }
        for (Finding f : r.verdict().findings()) {
            details(f, out);
        }
        out.flush();
    }

    private static String severity(Finding f, CheckResult r) {
        String label = r.blocks(f) ? "**" + f.severity().label() + "**" : f.severity().label();
        return f.suppressed() ? label + " (suppressed)" : label;
    }

    private static void details(Finding f, PrintWriter out) {
        String ids = FindingText.advisoryIds(f);
        out.print("\n<details>\n<summary>" + html(f.component().coordinates()) + ": "
                + html(ids.isEmpty() ? f.ruleId() : ids) + "</summary>\n\n");
        out.print(cell(f.message()) + "\n\n");
        item(out, "Rule", f.ruleId());
        item(out, "Aliases", FindingText.aliases(f));
        item(out, "Tier", f.tier());
        item(out, "Where", f.location() + ", " + FindingText.origin(f));
        item(out, "Fix", f.remediation());
        if (f.suppressed()) {
            item(out, "Suppressed", FindingText.suppression(f.suppression()));
        }
        out.print("\n</details>\n");
    }

    private static void item(PrintWriter out, String label, String value) {
        if (!value.isEmpty()) {
            out.print("- **" + label + ":** " + cell(value) + "\n");
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
