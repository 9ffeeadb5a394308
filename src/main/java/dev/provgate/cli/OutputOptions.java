// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.report.Reporters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --format} for standard output and {@code --output FORMAT=FILE} for report files, several at once. */
public final class OutputOptions {
    /** One report file to write. */
    public record Target(String format, Path file) {
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = FormatNames.class, converter = FormatConverter.class,
            description = "Report format on standard output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FORMAT=FILE", converter = TargetConverter.class,
            description = "Also write a report in FORMAT to FILE; repeat for several formats "
                    + "(e.g. --output sarif=provgate.sarif --output junit=provgate.xml).")
    List<Target> outputs = new ArrayList<>();

    @Option(names = "--verbose",
            description = "Text: list every package of a finding that many packages share (default: the first "
                    + "ten, and how many more).")
    boolean verbose;

    @Option(names = "--markdown-limit", paramLabel = "BYTES", defaultValue = "65536",
            converter = MarkdownLimitConverter.class,
            description = "Markdown: the most it may take, 4096 to 1048576 (default: ${DEFAULT-VALUE}, what a "
                    + "pull-request comment takes; 1048576 for $GITHUB_STEP_SUMMARY). What does not fit is counted "
                    + "at the end.")
    int markdownLimit;

    public String format() {
        return format;
    }

    public List<Target> outputs() {
        return List.copyOf(outputs);
    }

    public boolean verbose() {
        return verbose;
    }

    public int markdownLimit() {
        return markdownLimit;
    }

    static final class MarkdownLimitConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int limit = Integer.parseInt(value);
                if (limit >= Reporters.MARKDOWN_MIN && limit <= Reporters.MARKDOWN_MAX) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size from "
                    + Reporters.MARKDOWN_MIN + " to " + Reporters.MARKDOWN_MAX
                    + " (a step summary takes at most 1 MiB)");
        }
    }

    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Reporters.names().iterator();
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Reporters.names().contains(value)) {
                throw new CommandLine.TypeConversionException(
                        "unknown format '" + value + "' (one of " + String.join(", ", Reporters.names()) + ")");
            }
            return value;
        }
    }

    static final class TargetConverter implements CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not FORMAT=FILE (e.g. sarif=provgate.sarif)");
            }
            return new Target(new FormatConverter().convert(value.substring(0, eq)), Path.of(value.substring(eq + 1)));
        }
    }
}
