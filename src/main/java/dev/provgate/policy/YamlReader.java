// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.provgate.model.TextLines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a policy file into {@link YamlNode}s with hard limits: a policy is a few kilobytes, so anything far larger,
 * deeper or built from aliases is refused before it can cost memory or time (no "billion laughs").
 */
final class YamlReader {
    /** Largest policy file accepted. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 40;
    private static final int MAX_ALIASES = 0;

    private final String file;

    YamlReader(String file) {
        this.file = file;
    }

    /** The document's root value, a mapping. */
    YamlNode.Mapping read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new PolicyException(file, 0, "file is " + bytes.length + " bytes, over the limit of " + MAX_BYTES);
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new PolicyException(file, 1, "empty policy file (run 'provgate init' for a starter file)");
        }
        try (JsonParser p = factory().createParser(text)) {
            JsonToken first = p.nextToken();
            YamlNode root = first == null ? null : readValue(p, 1);
            if (!(root instanceof YamlNode.Mapping mapping)) {
                throw new PolicyException(file, root == null ? line(p) : root.line(),
                        "expected a mapping of policy keys at the top level, found "
                        + (root == null ? "nothing" : root.describe()));
            }
            if (p.nextToken() != null) {
                throw new PolicyException(file, line(p), "more than one YAML document; a policy is one document");
            }
            return mapping;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new PolicyException(file, loc == null ? 0 : Math.max(loc.getLineNr(), 0),
                    "invalid YAML: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new PolicyException(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        return YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10).build())
                .build();
    }

    private YamlNode readValue(JsonParser p, int depth) throws IOException {
        int line = line(p);
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            throw new PolicyException(file, line, "YAML aliases (*" + p.getText()
                    + ") are not allowed in a policy file; write the value out");
        }
        if (depth > MAX_DEPTH) {
            throw new PolicyException(file, line, "nested more than " + MAX_DEPTH + " levels deep");
        }
        return switch (p.currentToken()) {
            case START_OBJECT -> readMapping(p, line, depth);
            case START_ARRAY -> readSequence(p, line, depth);
            case VALUE_STRING -> new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.STRING);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.INTEGER);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, p.getText(), YamlNode.Scalar.Type.FLOAT);
            case VALUE_TRUE -> new YamlNode.Scalar(line, "true", YamlNode.Scalar.Type.BOOLEAN);
            case VALUE_FALSE -> new YamlNode.Scalar(line, "false", YamlNode.Scalar.Type.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(line, "", YamlNode.Scalar.Type.NULL);
            default -> throw new PolicyException(file, line, "unsupported YAML value (" + p.currentToken() + ")");
        };
    }

    private YamlNode.Mapping readMapping(JsonParser p, int line, int depth) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            p.nextToken();
            entries.put(key, new YamlNode.Entry(key, keyLine, readValue(p, depth + 1)));
        }
        return new YamlNode.Mapping(line, entries);
    }

    private YamlNode.Sequence readSequence(JsonParser p, int line, int depth) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(p, depth + 1));
        }
        return new YamlNode.Sequence(line, items);
    }

    private String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            int nul = s.indexOf('\0');
            if (nul >= 0) {
                throw new PolicyException(file, TextLines.lineAt(bytes, s.substring(0, nul).getBytes(StandardCharsets.UTF_8).length), "binary content (NUL byte), not a YAML policy");
            }
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new PolicyException(file, TextLines.lineOfInvalid(bytes, StandardCharsets.UTF_8), "not valid UTF-8 text", e);
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
