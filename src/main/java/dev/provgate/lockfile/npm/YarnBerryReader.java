// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Printable;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * yarn.lock of yarn 2 and later ("berry"): YAML with {@code __metadata} (versions 4 to 10) and one entry per
 * resolution. {@code checksum} is yarn's digest of its own zip cache archive, not of the registry tarball, so it is
 * kept as the attribute {@code yarn:checksum} and never as a {@link dev.provgate.model.Hash}.
 */
final class YarnBerryReader {
    static final int MIN_METADATA_VERSION = 4;
    static final int MAX_METADATA_VERSION = 10;

    private YarnBerryReader() {
    }

    static List<YarnEntry> read(LockfileSource source, String text) {
        Map<String, YamlDocument.Section> doc = YamlDocument.read(source, text);
        checkMetadata(source, doc.get("__metadata"));
        List<YarnEntry> entries = new ArrayList<>();
        for (YamlDocument.Section s : doc.values()) {
            if (!s.key().equals("__metadata")) {
                if (!s.value().isObject()) {
                    throw new LockfileParseException(source, s.line(), "entry '" + s.key() + "' must be a mapping");
                }
                entries.add(entry(source, s));
            }
        }
        return entries;
    }

    private static void checkMetadata(LockfileSource source, YamlDocument.Section meta) {
        if (meta == null || !meta.value().isObject()) {
            throw new LockfileParseException(source, meta == null ? 1 : meta.line(), "'__metadata' must be a mapping");
        }
        String version = new Fields(source, meta.line(), meta.value()).text("version", "");
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < MIN_METADATA_VERSION || v > MAX_METADATA_VERSION) {
            throw new LockfileParseException(source, meta.line(), "unsupported yarn.lock __metadata version '"
                    + version + "' (this version reads " + MIN_METADATA_VERSION + " to " + MAX_METADATA_VERSION + ")");
        }
    }

    private static YarnEntry entry(LockfileSource source, YamlDocument.Section s) {
        Fields f = new Fields(source, s.line(), s.value());
        List<String> descriptors = YarnTokens.descriptors(source, s.line(), s.key());
        String resolution = f.text("resolution", "");
        if (resolution.isEmpty()) {
            throw new LockfileParseException(source, s.line(), "entry has no resolution");
        }
        Set<String> optional = new LinkedHashSet<>();
        f.object("dependenciesMeta").properties().forEach(m -> {
            if (new Fields(source, s.line(), m.getValue()).flag("optional")) {
                optional.add(m.getKey());
            }
        });
        String name = YarnEntry.nameOf(resolution);
        String reference = YarnEntry.rangeOf(resolution);
        Component.Builder component = reference.startsWith("workspace:") ? null
                : component(source, s.line(), f, name, reference, descriptors);
        return new YarnEntry(s.line(), descriptors, component, f.strings("dependencies"), optional);
    }

    private static Component.Builder component(LockfileSource source, int line, Fields f, String name,
                                               String reference, List<String> descriptors) {
        String alias = descriptors.stream().map(YarnEntry::nameOf).filter(n -> !n.equals(name)).findFirst()
                .orElse("");
        Source origin;
        try {
            origin = sourceOf(reference);
        } catch (IllegalArgumentException e) { // a patch locator with a broken %-escape
            throw new LockfileParseException(source, line, "resolution '" + Printable.excerpt(reference)
                    + "': " + e.getMessage());
        }
        return Component.builder(Ecosystem.NPM, name, f.text("version", ""))
                .source(origin)
                .location(source.at(line))
                .attribute("npm:alias", alias)
                .attribute("yarn:checksum", f.text("checksum", ""))
                .attribute("yarn:patch", reference.startsWith("patch:") ? reference : "");
    }

    /** The source a resolution reference names; a patch is judged by the package it patches. */
    static Source sourceOf(String reference) {
        if (reference.startsWith("patch:")) {
            String patched = reference.substring("patch:".length());
            int hash = patched.indexOf('#');
            String locator = URLDecoder.decode(hash < 0 ? patched : patched.substring(0, hash), StandardCharsets.UTF_8);
            return sourceOf(YarnEntry.rangeOf(locator));
        }
        if (reference.startsWith("npm:")) {
            return Source.registry("");
        }
        if (reference.startsWith("portal:") || reference.startsWith("link:")) {
            return Source.of(SourceKind.LINK, reference);
        }
        if (reference.startsWith("file:") || reference.startsWith("exec:")) {
            return Source.of(SourceKind.PATH, reference);
        }
        if (NpmSources.isGit(reference) || reference.startsWith("git:")) {
            return Source.of(SourceKind.GIT, reference);
        }
        return NpmSources.isHttp(reference) ? Source.of(SourceKind.URL, reference) : Source.of(SourceKind.PATH,
                reference);
    }
}
