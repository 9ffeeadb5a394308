// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gradle dependency locking: {@code gradle.lockfile} (and {@code buildscript-gradle.lockfile}, and the older
 * per-configuration {@code gradle/dependency-locks/*.lockfile}). Each line is {@code group:artifact:version=conf,...}.
 */
public final class GradleLockfileParser extends MavenFileParser {
    public static final String NAME = "maven/gradle-lockfile";

    private static final Pattern LINE = Pattern.compile("([^:=\\s]+):([^:=\\s]+):([^:=\\s]+)(?:=(\\S*))?");
    /** Compile and runtime classpaths; group 1 is the source set, empty for main. */
    private static final Pattern CLASSPATH =
            Pattern.compile("(.*)(?:CompileClasspath|RuntimeClasspath)|compile|runtime|compileClasspath|runtimeClasspath");

    public GradleLockfileParser() {
        super(NAME);
    }



    @Override
    public boolean accepts(String relativePath) {
        String file = fileName(relativePath);
        return file.endsWith("gradle.lockfile")
                || (file.endsWith(".lockfile") && relativePath.replace('\\', '/').contains("gradle/dependency-locks/"));
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        String[] lines = TextInput.decode(source).split("\r?\n", -1);
        String legacyConfiguration = legacyConfiguration(source);
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
                continue;
            }
            components.add(component(source, i + 1, line, legacyConfiguration));
        }
        return new LockfileInventory(source.displayPath(), NAME, Ecosystem.MAVEN, components, List.of());
    }

    private static Component component(LockfileSource source, int lineNo, String line, String legacyConfiguration) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new LockfileParseException(source, lineNo,
                    "expected 'group:artifact:version=configurations', found '" + abbreviate(line) + "'");
        }
        List<String> configurations = m.group(4) != null
                ? Arrays.stream(m.group(4).split(",")).filter(c -> !c.isEmpty()).toList()
                : List.of(legacyConfiguration);
        boolean production = configurations.stream().anyMatch(GradleLockfileParser::isProductionClasspath);
        return Component.builder(Ecosystem.MAVEN, m.group(1) + ":" + m.group(2), m.group(3))
                .purl(MavenComponents.purl(source, lineNo, m.group(1), m.group(2), m.group(3), "", ""))
                .scope(production ? Scope.RUNTIME : Scope.DEV)
                .location(source.at(lineNo))
                .attribute("gradle:configurations", String.join(",", configurations))
                .build();
    }

    /**
     * A compile or runtime classpath of a source set that is not a test or benchmark set. Everything else (tests,
     * benchmarks, annotation processors, tool configurations such as checkstyle or spotbugs) builds or checks the
     * project without shipping in it.
     */
    static boolean isProductionClasspath(String configuration) {
        Matcher m = CLASSPATH.matcher(configuration);
        if (!m.matches()) {
            return false;
        }
        String sourceSet = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
        return !(sourceSet.contains("test") || sourceSet.contains("jmh") || sourceSet.contains("benchmark"));
    }

    /** The older layout names the configuration in the file name: {@code compileClasspath.lockfile}. */
    private static String legacyConfiguration(LockfileSource source) {
        String file = source.fileName();
        return file.endsWith("gradle.lockfile") ? "" : file.substring(0, file.length() - ".lockfile".length());
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
