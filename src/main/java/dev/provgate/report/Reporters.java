// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The output formats of {@code provgate check}: one line per format, nothing else. */
public final class Reporters {
    /** Markdown's default size: what a pull-request comment takes, in characters. */
    public static final int MARKDOWN_COMMENT = 65_536;
    /** The smallest Markdown limit: the heading, the summary and the notice of what was cut fit in it. */
    public static final int MARKDOWN_MIN = 4_096;
    /** Markdown's size never exceeds this: what a GitHub step summary takes, in bytes (1 MiB). */
    public static final int MARKDOWN_MAX = 1_048_576;

    /**
     * What a reporter may need beyond the result.
     *
     * @param toolVersion   provgate's version, as SARIF and JSON name the tool
     * @param colour        ANSI colours allowed (text on a terminal only)
     * @param verbose       list every package of a grouped finding (text)
     * @param markdownLimit the most UTF-8 bytes the Markdown report may take, at most {@link #MARKDOWN_MAX}
     * @param fullReport    where the complete JSON report is written, or empty: named when Markdown is cut
     * @param notices       set-up problems to state once, at the top (e.g. no attestation store)
     * @param sourcePath    a lockfile's path as shown, to its path relative to the repository root (SARIF's
     *                      {@code %SRCROOT%})
     */
    public record Settings(String toolVersion, boolean colour, boolean verbose, int markdownLimit, String fullReport,
                           List<String> notices, UnaryOperator<String> sourcePath) {
        public Settings {
            if (markdownLimit < MARKDOWN_MIN || markdownLimit > MARKDOWN_MAX) {
                throw new IllegalArgumentException("markdownLimit out of range: " + markdownLimit);
            }
            notices = List.copyOf(notices);
        }

        public Settings(String toolVersion, boolean colour) {
            this(toolVersion, colour, false, MARKDOWN_COMMENT, "", List.of(), UnaryOperator.identity());
        }
    }

    private static final Map<String, Function<Settings, Reporter>> FORMATS = new TreeMap<>(Map.of(
            "text", TextReporter::new,
            "json", s -> new JsonReporter(s.toolVersion()),
            "sarif", s -> new SarifReporter(s.toolVersion(), s.sourcePath()),
            "junit", s -> new JunitReporter(),
            "markdown", MarkdownReporter::new));

    private Reporters() {
    }

    /** Format names, sorted. */
    public static List<String> names() {
        return List.copyOf(FORMATS.keySet());
    }

    /** Whether the format states the settings' notices itself (the others leave them to standard error). */
    public static boolean showsNotices(String format) {
        return format.equals("text") || format.equals("markdown");
    }

    public static Optional<Reporter> create(String format, Settings settings) {
        return Optional.ofNullable(FORMATS.get(format)).map(f -> f.apply(settings));
    }
}
