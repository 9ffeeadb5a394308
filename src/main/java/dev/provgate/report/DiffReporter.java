// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.diff.ChangeKind;
import dev.provgate.diff.Comparison;
import dev.provgate.diff.LockfileDiff;
import dev.provgate.diff.PackageChange;
import dev.provgate.model.Component;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code provgate diff}: what changed per lockfile, as text, JSON or Markdown (a pull-request comment). */
public final class DiffReporter {
    public static final List<String> FORMATS = List.of("text", "json", "markdown");

    private final String head;

    /** @param head what the head side is called (a revision, "the working tree", a file) */
    public DiffReporter(String head) {
        this.head = head;
    }

    public void write(String format, Comparison c, PrintWriter out) {
        switch (format) {
            case "json" -> json(c, out);
            case "markdown" -> markdown(c, out);
            default -> text(c, out);
        }
        out.flush();
    }

    private void text(Comparison c, PrintWriter out) {
        for (LockfileDiff d : c.lockfiles()) {
            if (d.isEmpty()) {
                continue;
            }
            out.print(d.path() + (d.inBase() ? "" : " (new lockfile)") + "\n");
            for (PackageChange ch : d.changes()) {
                out.print(String.format("  %-15s %s%s", ch.kind().label(), ch.summary(),
                        ch.detail().isEmpty() ? "" : "  (" + ch.detail() + ")") + "\n");
            }
        }
        out.print(summaryLine(c) + "\n");
    }

    private void markdown(Comparison c, PrintWriter out) {
        out.print("### provgate diff: " + code(c.base()) + " to " + code(head) + "\n\n");
        out.print(summaryLine(c) + "\n");
        for (LockfileDiff d : c.lockfiles()) {
            if (d.isEmpty()) {
                continue;
            }
            out.print("\n#### " + code(d.path()) + (d.inBase() ? "" : " (new lockfile)") + "\n\n");
            out.print("| change | package | before | after | detail |\n|---|---|---|---|---|\n");
            for (PackageChange ch : d.changes()) {
                out.print("| " + ch.kind().label() + " | " + cell(ch.component().name()) + " | "
                        + cell(ch.beforeEntry().map(Component::version).orElse("")) + " | "
                        + cell(ch.afterEntry().map(Component::version).orElse("")) + " | " + cell(ch.detail())
                        + " |\n");
            }
        }
    }

    private void json(Comparison c, PrintWriter out) {
        ObjectNode doc = JsonWriting.object();
        doc.put("base", c.base());
        doc.put("head", head);
        ObjectNode summary = doc.putObject("summary");
        counts(c).forEach((kind, n) -> summary.put(kind.id(), n));
        ArrayNode lockfiles = doc.putArray("lockfiles");
        for (LockfileDiff d : c.lockfiles()) {
            ObjectNode l = lockfiles.addObject();
            l.put("path", d.path());
            l.put("inBase", d.inBase());
            ArrayNode changes = l.putArray("changes");
            for (PackageChange ch : d.changes()) {
                ObjectNode o = changes.addObject();
                o.put("kind", ch.kind().id());
                o.put("ecosystem", ch.component().ecosystem().purlType());
                o.put("name", ch.component().name());
                ch.beforeEntry().ifPresent(b -> o.set("before", side(b)));
                ch.afterEntry().ifPresent(a -> o.set("after", side(a)));
                o.put("detail", ch.detail());
            }
        }
        JsonWriting.write(doc, out);
    }

    private static ObjectNode side(Component c) {
        ObjectNode o = JsonWriting.object();
        o.put("version", c.version());
        o.put("purl", c.purl());
        o.set("digests", JsonWriting.strings(c.hashes().stream()
                .map(h -> h.algorithm().name().toLowerCase(Locale.ROOT) + ":" + h.hex()).toList()));
        o.put("source", c.source().kind().label());
        o.put("url", c.source().url());
        o.put("file", c.location().file());
        o.put("line", c.location().line());
        return o;
    }

    private static Map<ChangeKind, Integer> counts(Comparison c) {
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (ChangeKind k : ChangeKind.values()) {
            counts.put(k, 0);
        }
        c.lockfiles().forEach(d -> d.changes().forEach(ch -> counts.merge(ch.kind(), 1, Integer::sum)));
        return counts;
    }

    static String summaryLine(Comparison c) {
        long changed = c.lockfiles().stream().filter(d -> !d.isEmpty()).count();
        String kinds = counts(c).entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
        return kinds.isEmpty() ? "No package changes in " + c.lockfiles().size() + " lockfile"
                + (c.lockfiles().size() == 1 ? "" : "s")
                : kinds + " in " + changed + " of " + c.lockfiles().size() + " lockfile"
                + (c.lockfiles().size() == 1 ? "" : "s");
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
