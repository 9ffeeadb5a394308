// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * yarn.lock v1 ("classic"), a line format of its own: an unindented key line lists descriptors, two-space lines give
 * {@code field value}, and {@code dependencies:} / {@code optionalDependencies:} open four-space {@code name range}
 * lines.
 */
final class YarnClassicReader {
    private static final String HEADER = "yarn lockfile v1";

    private final LockfileSource source;
    private final List<YarnEntry> entries = new ArrayList<>();
    private int entryLine;
    private List<String> descriptors;
    private Map<String, String> fields;
    private Map<String, String> dependencies;
    private Set<String> optional;
    private String section;

    private YarnClassicReader(LockfileSource source) {
        this.source = source;
    }

    static List<YarnEntry> read(LockfileSource source, String text) {
        return new YarnClassicReader(source).readAll(text);
    }

    private List<YarnEntry> readAll(String text) {
        String[] lines = text.split("\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                header |= trimmed.contains(HEADER);
                continue;
            }
            readLine(line, i + 1);
        }
        finishEntry();
        if (entries.isEmpty() && !header) {
            throw new LockfileParseException(source, 1,
                    "not a yarn.lock: neither classic ('# " + HEADER + "') nor berry ('__metadata:')");
        }
        return entries;
    }

    private void readLine(String line, int number) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        String content = line.substring(indent);
        if (indent == 0) {
            finishEntry();
            startEntry(content, number);
        } else if (indent == 2 && descriptors != null) {
            readField(content, number);
        } else if (indent == 4 && section != null) {
            String[] kv = YarnTokens.keyValue(source, number, content);
            dependencies.put(kv[0], kv[1]);
            if (section.equals("optionalDependencies")) {
                optional.add(kv[0]);
            }
        } else {
            throw new LockfileParseException(source, number, "unexpected indentation for yarn.lock v1");
        }
    }

    private void startEntry(String content, int number) {
        if (!content.endsWith(":")) {
            throw new LockfileParseException(source, number, "not yarn.lock syntax: expected an entry key ending with ':'");
        }
        entryLine = number;
        descriptors = YarnTokens.descriptors(source, number, content.substring(0, content.length() - 1));
        fields = new LinkedHashMap<>();
        dependencies = new LinkedHashMap<>();
        optional = new LinkedHashSet<>();
        section = null;
    }

    private void readField(String content, int number) {
        if (content.endsWith(":")) {
            section = YarnTokens.unquote(source, number, content.substring(0, content.length() - 1));
            return;
        }
        section = null;
        String[] kv = YarnTokens.keyValue(source, number, content);
        if (fields.put(kv[0], kv[1]) != null) {
            throw new LockfileParseException(source, number, "duplicate field '" + kv[0] + "'");
        }
    }

    private void finishEntry() {
        if (descriptors == null) {
            return;
        }
        String version = fields.get("version");
        if (version == null) {
            throw new LockfileParseException(source, entryLine, "entry has no version");
        }
        String first = descriptors.get(0);
        String alias = YarnEntry.nameOf(first);
        String range = YarnEntry.rangeOf(first);
        String name = range.startsWith("npm:") ? YarnEntry.nameOf(range.substring(4)) : alias;
        String resolved = fields.getOrDefault("resolved", "");
        if (resolved.isEmpty() && !range.startsWith("npm:") && (range.contains(":") || range.contains("/"))) {
            resolved = range;
        }
        List<Hash> hashes = new ArrayList<>(Integrity.parse(fields.get("integrity"), source, entryLine));
        Integrity.sha1Fragment(resolved).stream().filter(h -> !hashes.contains(h)).forEach(hashes::add);
        Component.Builder component = Component.builder(Ecosystem.NPM, name, version)
                .source(NpmSources.of(resolved))
                .hashes(hashes)
                .location(source.at(entryLine))
                .attribute("npm:alias", alias.equals(name) ? "" : alias);
        entries.add(new YarnEntry(entryLine, descriptors, component, dependencies, optional));
        descriptors = null;
    }
}
