// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text {@code mvn dependency:tree} prints (default format, with or without {@code [INFO] } prefixes). One
 * component per tree line; a line without tree marks starts a project (a module of a reactor build); direct means
 * depth 1. Verbose lines in parentheses ({@code omitted for duplicate/conflict}) are edges, not components.
 */
public final class DependencyTreeParser extends MavenFileParser {
    public static final String NAME = "maven/dependency-tree";

    private static final Pattern FILE_NAME = Pattern.compile(".*(dependency-tree|dep-tree|mvn.*tree).*\\.txt");
    private static final Pattern TREE_LINE = Pattern.compile("((?:[| ]  )*)[+\\\\]- (.*)");
    private static final Pattern OMITTED = Pattern.compile("\\((.*?) - (?:omitted for (?:duplicate|conflict with "
            + "(\\S+?))|version managed.*|scope.*)\\)");
    private static final Pattern CONFLICT = Pattern.compile("omitted for conflict with (\\S+?)\\)");
    private static final String LOG_PREFIX = "[INFO] ";

    public DependencyTreeParser() {
        super(NAME);
    }



    @Override
    public boolean accepts(String relativePath) {
        return FILE_NAME.matcher(fileName(relativePath)).matches();
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        String[] lines = TextInput.decode(source).split("\r?\n", -1);
        List<Component> components = new ArrayList<>();
        Set<Dependency> edges = new HashSet<>();
        List<String> path = new ArrayList<>();
        boolean projectSeen = false;
        boolean inTree = false;
        for (int i = 0; i < lines.length; i++) {
            boolean logged = lines[i].startsWith("[");
            if (logged && !lines[i].startsWith(LOG_PREFIX) || lines[i].isBlank()) {
                continue;
            }
            String line = logged ? lines[i].substring(LOG_PREFIX.length()) : lines[i];
            Matcher m = TREE_LINE.matcher(line);
            if (!m.matches()) {
                inTree = isProjectLine(line.strip());
                if (!inTree && !logged) {
                    throw new LockfileParseException(source, i + 1, projectSeen
                            ? "expected a tree line ('+- ' or '\\- ') or a project line 'group:artifact:type:version'"
                            : "not 'mvn dependency:tree' output: expected a project line 'group:artifact:type:version'");
                }
                projectSeen |= inTree;
                path.clear();
                continue;
            }
            int depth = m.group(1).length() / 3 + 1;
            if (!inTree || depth > path.size() + 1) {
                throw new LockfileParseException(source, i + 1, "tree line without a parent line above it");
            }
            path.subList(depth - 1, path.size()).clear();
            Entry entry = entry(source, i + 1, m.group(2).strip(), depth);
            if (depth > 1) {
                edges.add(new Dependency(path.get(depth - 2), entry.purl));
            }
            path.add(entry.purl);
            if (entry.component != null) {
                components.add(entry.component);
            }
        }
        if (!projectSeen) {
            throw new LockfileParseException(source, 1, "no 'mvn dependency:tree' output found");
        }
        Set<String> purls = new HashSet<>();
        components.forEach(c -> purls.add(c.purl()));
        List<Dependency> kept = edges.stream().filter(e -> purls.contains(e.to())).toList();
        return new LockfileInventory(source.displayPath(), NAME, Ecosystem.MAVEN, components, kept);
    }

    private record Entry(String purl, Component component) {
    }

    private static Entry entry(LockfileSource source, int lineNo, String text, int depth) {
        Matcher omitted = OMITTED.matcher(text);
        if (omitted.matches()) {
            Coordinates c = coordinates(source, lineNo, omitted.group(1));
            Matcher conflict = CONFLICT.matcher(text);
            String version = conflict.find() ? conflict.group(1) : c.version;
            return new Entry(MavenComponents.purl(source, lineNo, c.group, c.artifact, version, c.classifier, c.type),
                    null);
        }
        boolean optional = text.endsWith("(optional)");
        String coords = optional ? text.substring(0, text.length() - "(optional)".length()).strip() : text;
        int space = coords.indexOf(' ');
        Coordinates c = coordinates(source, lineNo, space < 0 ? coords : coords.substring(0, space));
        Component component = MavenComponents.builder(source, lineNo, c.group, c.artifact, c.version, c.classifier,
                c.type, c.scope, optional).direct(depth == 1).location(source.at(lineNo)).build();
        return new Entry(component.purl(), component);
    }

    private record Coordinates(String group, String artifact, String type, String classifier, String version,
                               String scope) {
    }

    /** {@code group:artifact:type[:classifier]:version[:scope]}. */
    private static Coordinates coordinates(LockfileSource source, int lineNo, String text) {
        String[] p = text.split(":", -1);
        for (String part : p) {
            if (part.isEmpty()) {
                throw badCoordinates(source, lineNo, text);
            }
        }
        return switch (p.length) {
            case 5 -> new Coordinates(p[0], p[1], p[2], "", p[3], p[4]);
            case 6 -> new Coordinates(p[0], p[1], p[2], p[3], p[4], p[5]);
            default -> throw badCoordinates(source, lineNo, text);
        };
    }

    /** The project a tree starts with: {@code group:artifact:packaging[:classifier]:version}. */
    private static boolean isProjectLine(String text) {
        String[] p = text.split(":", -1);
        return p.length >= 4 && p.length <= 5 && !text.contains(" ")
                && Arrays.stream(p).noneMatch(String::isEmpty);
    }

    private static LockfileParseException badCoordinates(LockfileSource source, int lineNo, String text) {
        return new LockfileParseException(source, lineNo,
                "expected 'group:artifact:type[:classifier]:version:scope', found '" + text + "'");
    }
}
