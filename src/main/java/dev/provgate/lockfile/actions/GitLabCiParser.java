// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.RefKind;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * GitLab CI ({@code .gitlab-ci.yml}): the top-level {@code include:} of other projects ({@code project} with
 * {@code ref}), CI/CD components ({@code component: HOST/PATH@VERSION}) and remote files ({@code remote: URL}) are
 * components. {@code local} and {@code template} includes are this repository's own files and GitLab's built-in
 * templates: not components. See docs/formats-actions.md.
 */
public final class GitLabCiParser implements LockfileParser {
    @Override
    public String name() {
        return "gitlab/ci";
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.OTHER;
    }

    @Override
    public boolean accepts(String relativePath) {
        String file = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return file.equals(".gitlab-ci.yml") || file.equals(".gitlab-ci.yaml");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        CiYaml.Node root = CiYaml.read(source);
        if (root != null && !(root instanceof CiYaml.Mapping)) {
            throw new LockfileParseException(source, root.line(), "not a GitLab CI file: expected a mapping of jobs");
        }
        List<Component> out = new ArrayList<>();
        if (root instanceof CiYaml.Mapping ci) {
            ci.entry("include").ifPresent(e -> {
                CiYaml.Node value = CiYaml.resolve(e.value());
                List<CiYaml.Node> items = value instanceof CiYaml.Sequence s ? s.items() : List.of(value);
                items.forEach(item -> include(source, item, out));
            });
        }
        return new LockfileInventory(source.displayPath(), name(), ecosystem(), out, List.of());
    }

    private static void include(LockfileSource source, CiYaml.Node item, List<Component> out) {
        int line = item.line();
        CiYaml.Node node = CiYaml.resolve(item);
        if (node instanceof CiYaml.Scalar s) {
            String text = s.text().strip();
            if (text.startsWith("https://") || text.startsWith("http://")) {
                out.add(remote(source, text, line));
            }
            return;
        }
        if (!(node instanceof CiYaml.Mapping include)) {
            throw new LockfileParseException(source, line, "an include must be text or a mapping");
        }
        include.get("project").ifPresent(p -> out.add(project(source, include, text(source, p, "project"), line)));
        include.get("component").ifPresent(c -> out.add(component(source, text(source, c, "component"), line)));
        include.get("remote").ifPresent(r -> out.add(remote(source, text(source, r, "remote"), line)));
    }

    private static Component project(LockfileSource source, CiYaml.Mapping include, String project, int line) {
        String ref = include.get("ref").map(r -> text(source, r, "ref")).orElse("");
        String files = include.get("file").map(CiYaml::resolve).map(f -> f instanceof CiYaml.Sequence s
                ? String.join(", ", s.items().stream().map(i -> text(source, i, "file")).toList())
                : text(source, f, "file")).orElse("");
        return reference(source, project, ref, RefKind.ofGitRef(ref), line, "include")
                .attribute("ci:file", files).build();
    }

    /** {@code HOST/GROUP/PROJECT/NAME@VERSION}; {@code ~latest} and partial versions can move. */
    private static Component component(LockfileSource source, String component, int line) {
        int at = component.lastIndexOf('@');
        String name = at < 0 ? component : component.substring(0, at);
        String version = at < 0 ? "" : component.substring(at + 1);
        RefKind kind = RefKind.ofGitRef(version);
        // A component version like 1.0 or ~latest resolves to the newest matching release: only a SHA is fixed.
        return reference(source, name, version, kind == RefKind.TAG && !version.matches("\\d+\\.\\d+\\.\\d+")
                ? RefKind.TAG_OR_BRANCH : kind, line, "component").build();
    }

    private static Component remote(LockfileSource source, String url, int line) {
        boolean commit = List.of(url.split("/")).stream().anyMatch(s -> RefKind.ofGitRef(s) == RefKind.SHA);
        return Component.builder(Ecosystem.OTHER, url, "")
                .purl(purl(url.substring(url.lastIndexOf('/') + 1), null, "", url))
                .direct(true)
                .source(Source.of(SourceKind.URL, url))
                .location(source.at(line))
                .attribute(RefKind.ATTRIBUTE, commit ? RefKind.SHA.label() : RefKind.TAG_OR_BRANCH.label())
                .attribute(RefKind.USAGE, "remote")
                .attribute(RefKind.BUILD_TIME, "true")
                .build();
    }

    private static Component.Builder reference(LockfileSource source, String path, String ref, RefKind kind,
                                               int line, String usage) {
        int slash = path.lastIndexOf('/');
        return Component.builder(Ecosystem.OTHER, path, ref)
                .purl(purl(path.substring(slash + 1), slash < 0 ? null : path.substring(0, slash), ref, null))
                .direct(true)
                .source(Source.registry(""))
                .location(source.at(line))
                .attribute(RefKind.REF, ref)
                .attribute(RefKind.ATTRIBUTE, kind.label())
                .attribute(RefKind.USAGE, usage)
                .attribute(RefKind.BUILD_TIME, "true");
    }

    /** A generic purl: GitLab CI references have no purl type of their own. */
    private static String purl(String name, String namespace, String version, String downloadUrl) {
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (downloadUrl != null) {
            qualifiers.put("download_url", downloadUrl);
        }
        try {
            return new PackageURL("generic", namespace, name.isEmpty() ? "include" : name,
                    version.isEmpty() ? null : version, qualifiers.isEmpty() ? null : qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a purl for " + name + ": " + e.getMessage(), e);
        }
    }

    private static String text(LockfileSource source, CiYaml.Node node, String key) {
        if (!(CiYaml.resolve(node) instanceof CiYaml.Scalar s) || s.text().isBlank()) {
            throw new LockfileParseException(source, node.line(), "'" + key + "' must be non-empty text");
        }
        return s.text().strip();
    }
}
