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
    /**
     * What a reporter may need beyond the result.
     *
     * @param toolVersion provgate's version, as SARIF and JSON name the tool
     * @param colour      ANSI colours allowed (text on a terminal only)
     * @param sourcePath  a lockfile's path as shown, to its path relative to the repository root (SARIF's
     *                    {@code %SRCROOT%})
     */
    public record Settings(String toolVersion, boolean colour, UnaryOperator<String> sourcePath) {
        public Settings(String toolVersion, boolean colour) {
            this(toolVersion, colour, UnaryOperator.identity());
        }
    }

    private static final Map<String, Function<Settings, Reporter>> FORMATS = new TreeMap<>(Map.of(
            "text", s -> new TextReporter(s.colour()),
            "json", s -> new JsonReporter(s.toolVersion()),
            "sarif", s -> new SarifReporter(s.toolVersion(), s.sourcePath()),
            "junit", s -> new JunitReporter(),
            "markdown", s -> new MarkdownReporter()));

    private Reporters() {
    }

    /** Format names, sorted. */
    public static List<String> names() {
        return List.copyOf(FORMATS.keySet());
    }

    public static Optional<Reporter> create(String format, Settings settings) {
        return Optional.ofNullable(FORMATS.get(format)).map(f -> f.apply(settings));
    }
}
