// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.YamlLimits;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * A CI file (workflow, action metadata, GitLab CI) as a tree whose every node knows its line, every scalar the
 * comment beside it, and every alias the line it is written on. Anchors and aliases are resolved without copying
 * (CI files use them: GitHub Actions since 2025, GitLab always); the {@link YamlLimits} bound the aliases to
 * collections and the nesting, and duplicate keys are refused, as GitHub and GitLab refuse them.
 */
final class CiYaml {
    private final LockfileSource source;
    private final String[] lines;
    private final Map<String, Node> anchors = new HashMap<>();
    private int collectionAliases;

    /** A value in the file. */
    sealed interface Node permits Scalar, Mapping, Sequence, Alias {
        int line();
    }

    /**
     * A scalar as text (YAML types are not resolved: {@code 1.10} stays {@code 1.10}).
     *
     * @param comment the {@code #} comment after the value on its last line, without the {@code #}; empty if none
     */
    record Scalar(String text, int line, String comment) implements Node {
    }

    /** One key of a mapping with the line of the key. */
    record Entry(String key, int line, Node value) {
    }

    /** A mapping in file order; {@code <<} merge keys are read by {@link #get}. */
    record Mapping(int line, List<Entry> entries) implements Node {
        Mapping {
            entries = List.copyOf(entries);
        }

        /** The entry of this key, else the one a {@code <<: *anchor} merge brings in. */
        Optional<Entry> entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return Optional.of(e);
                }
            }
            for (Entry e : entries) {
                if (e.key().equals("<<") && resolve(e.value()) instanceof Mapping merged) {
                    Optional<Entry> found = merged.entry(key);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }

        Optional<Node> get(String key) {
            return entry(key).map(Entry::value);
        }
    }

    record Sequence(int line, List<Node> items) implements Node {
        Sequence {
            items = List.copyOf(items);
        }
    }

    /** {@code *name} where it is written ({@code line}) and the anchored value it stands for. */
    record Alias(int line, Node target) implements Node {
    }

    private CiYaml(LockfileSource source, String text) {
        this.source = source;
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    /** The anchored value an alias stands for; any other node as it is. */
    static Node resolve(Node n) {
        return n instanceof Alias a ? a.target() : n;
    }

    /**
     * The root of the file's only document; null for an empty file.
     *
     * @throws LockfileParseException naming the file and line, for broken YAML or anything over the limits
     */
    static Node read(LockfileSource source) {
        String text = source.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CiYaml reader = new CiYaml(source, text);
        try {
            Parser parser = new ParserImpl(new StreamReader(text), YamlLimits.loaderOptions());
            parser.getEvent();
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return null;
            }
            parser.getEvent();
            Node root = reader.value(parser, parser.getEvent(), 1);
            parser.getEvent();
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                throw new LockfileParseException(source, line(parser.peekEvent().getStartMark()),
                        "more than one YAML document");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new LockfileParseException(source.displayPath(), mark == null ? 0 : line(mark),
                    "invalid YAML: " + firstLine(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new LockfileParseException(source.displayPath(), 0, "invalid YAML: " + firstLine(e.getMessage()),
                    e);
        }
    }

    private Node value(Parser parser, Event event, int depth) {
        if (depth > YamlLimits.MAX_NESTING) {
            throw new LockfileParseException(source, line(event.getStartMark()),
                    "nested deeper than " + YamlLimits.MAX_NESTING);
        }
        int line = line(event.getStartMark());
        Node node;
        if (event instanceof AliasEvent alias) {
            return alias(alias, line);
        } else if (event instanceof ScalarEvent s) {
            node = new Scalar(s.getValue(), line, commentAfter(s.getEndMark()));
        } else if (event instanceof MappingStartEvent) {
            node = mapping(parser, line, depth);
        } else if (event instanceof SequenceStartEvent) {
            List<Node> items = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(value(parser, parser.getEvent(), depth + 1));
            }
            parser.getEvent();
            node = new Sequence(line, items);
        } else {
            throw new LockfileParseException(source, line, "unexpected YAML " + event.getEventId());
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private Mapping mapping(Parser parser, int line, int depth) {
        List<Entry> entries = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.getEvent();
            int keyLine = line(keyEvent.getStartMark());
            Node key = resolve(value(parser, keyEvent, depth + 1));
            if (!(key instanceof Scalar k)) {
                throw new LockfileParseException(source, keyLine, "a mapping key must be plain text");
            }
            if (!k.text().equals("<<") && entries.stream().anyMatch(e -> e.key().equals(k.text()))) {
                throw new LockfileParseException(source, keyLine, "duplicate key '" + k.text() + "'");
            }
            entries.add(new Entry(k.text(), keyLine, value(parser, parser.getEvent(), depth + 1)));
        }
        parser.getEvent();
        return new Mapping(line, entries);
    }

    private Node alias(AliasEvent alias, int line) {
        Node target = anchors.get(alias.getAnchor());
        if (target == null) {
            throw new LockfileParseException(source, line, "alias *" + alias.getAnchor() + " names no anchor");
        }
        if (!(target instanceof Scalar) && ++collectionAliases > YamlLimits.MAX_COLLECTION_ALIASES) {
            throw new LockfileParseException(source, line, "more than " + YamlLimits.MAX_COLLECTION_ALIASES
                    + " aliases to mappings or lists, refused");
        }
        if (target instanceof Scalar s) {
            return new Alias(line, new Scalar(s.text(), line, commentAfter(alias.getEndMark())));
        }
        return new Alias(line, target);
    }

    /** The comment that follows a value on the line where the value ends. */
    private String commentAfter(Mark end) {
        if (end == null || end.getLine() >= lines.length) {
            return "";
        }
        String text = lines[end.getLine()];
        int from;
        try {
            from = text.offsetByCodePoints(0, Math.min(end.getColumn(), text.codePointCount(0, text.length())));
        } catch (IndexOutOfBoundsException e) {
            return "";
        }
        String rest = text.substring(from).strip();
        return rest.startsWith("#") ? rest.substring(1).strip() : "";
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
