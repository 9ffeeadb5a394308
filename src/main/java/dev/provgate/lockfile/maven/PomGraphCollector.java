// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Location;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Model;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactProperties;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;

/**
 * Dependency collection with the resolver (Maven 3's selectors and nearest-wins conflict resolution), one project
 * at a time, merged into one list: a component once per purl, direct when any project declares it.
 */
final class PomGraphCollector {
    private final MavenSessions sessions;
    private final RepositorySystemSession session;
    private final PomErrors errors;
    private final Map<String, File> reactor;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Set<Dependency> edges = new LinkedHashSet<>();

    PomGraphCollector(MavenSessions sessions, RepositorySystemSession session, PomErrors errors,
                      Map<String, File> reactor) {
        this.sessions = sessions;
        this.session = session;
        this.errors = errors;
        this.reactor = reactor;
    }

    List<Component> components() {
        return List.copyOf(components.values());
    }

    List<Dependency> edges() {
        return List.copyOf(edges);
    }

    void collect(PomModels.Project project) {
        Model m = project.model();
        CollectRequest request = new CollectRequest();
        request.setRootArtifact(new DefaultArtifact(m.getGroupId(), m.getArtifactId(), "", "pom", m.getVersion()));
        Map<String, Integer> lines = new HashMap<>();
        for (org.apache.maven.model.Dependency d : m.getDependencies()) {
            request.addDependency(toResolver(d));
            lines.put(key(d.getGroupId(), d.getArtifactId(), d.getClassifier()), declarationLine(m, d));
        }
        if (m.getDependencyManagement() != null) {
            m.getDependencyManagement().getDependencies().forEach(d -> request.addManagedDependency(toResolver(d)));
        }
        request.setRepositories(sessions.remoteRepositories(session, m.getRepositories()));
        PomErrors.LineOfDirect lineOf = a -> lines.getOrDefault(
                key(a.getGroupId(), a.getArtifactId(), a.getClassifier()), 0);
        DependencyNode root;
        try {
            root = sessions.system().collectDependencies(session, request).getRoot();
        } catch (DependencyCollectionException e) {
            throw errors.collection(project.displayPath(), e, lineOf);
        } catch (CoordinateCheckingSelector.UnsafeDependencyException e) {
            Artifact a = e.artifact();
            Artifact declaredBy = e.parent() == null || e.parent().equals(request.getRootArtifact()) ? null
                    : e.parent();
            throw new LockfileParseException(project.displayPath(), lineOf.line(declaredBy == null ? a : declaredBy),
                    "dependency " + a.getGroupId() + ":" + a.getArtifactId()
                            + (declaredBy == null ? "" : " (needed by " + PomErrors.gav(declaredBy) + ")")
                            + ": " + e.getMessage() + " (not resolved)");
        }
        walk(project, root, lineOf);
    }

    /** Breadth first, so each component's location is the direct dependency it is nearest to. */
    private void walk(PomModels.Project project, DependencyNode root, PomErrors.LineOfDirect lineOf) {
        Map<DependencyNode, Integer> lineOfNode = new IdentityHashMap<>();
        Deque<DependencyNode> queue = new ArrayDeque<>();
        for (DependencyNode direct : root.getChildren()) {
            lineOfNode.put(direct, lineOf.line(direct.getArtifact()));
            queue.add(direct);
        }
        Set<DependencyNode> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!queue.isEmpty()) {
            DependencyNode node = queue.poll();
            if (!seen.add(node)) {
                continue;
            }
            Location at = new Location(project.displayPath(), lineOfNode.get(node));
            String purl = add(node, root.getChildren().contains(node), at);
            for (DependencyNode child : node.getChildren()) {
                lineOfNode.putIfAbsent(child, lineOfNode.get(node));
                edges.add(new Dependency(purl, component(child, false, at).purl()));
                queue.add(child);
            }
        }
    }

    private String add(DependencyNode node, boolean direct, Location at) {
        Component c = component(node, direct, at);
        Component existing = components.get(c.purl());
        if (existing == null) {
            components.put(c.purl(), c);
        } else if (rank(c) < rank(existing) || (direct && !existing.direct())) {
            boolean keepDirect = direct || existing.direct();
            Component stronger = rank(c) < rank(existing) ? c : existing;
            components.put(c.purl(), stronger.toBuilder().direct(keepDirect).build());
        }
        return c.purl();
    }

    /** When two projects of a build disagree, runtime beats optional beats test. */
    private static int rank(Component c) {
        return c.scope() == Scope.RUNTIME ? 0 : c.scope() == Scope.OPTIONAL ? 1 : 2;
    }

    private Component component(DependencyNode node, boolean direct, Location at) {
        Artifact a = node.getArtifact();
        org.eclipse.aether.graph.Dependency d = node.getDependency();
        String type = a.getProperty(ArtifactProperties.TYPE, a.getExtension());
        Component.Builder b = MavenComponents.builder(a.getGroupId(), a.getArtifactId(), a.getVersion(),
                a.getClassifier(), type, d.getScope(), d.isOptional()).direct(direct).location(at);
        if (reactor.containsKey(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion())) {
            b.source(Source.of(SourceKind.WORKSPACE, ""));
        }
        return b.build();
    }

    private org.eclipse.aether.graph.Dependency toResolver(org.apache.maven.model.Dependency d) {
        ArtifactType stereotype = session.getArtifactTypeRegistry().get(d.getType());
        if (stereotype == null) {
            stereotype = new DefaultArtifactType(d.getType());
        }
        Map<String, String> props = new HashMap<>();
        if (d.getSystemPath() != null) {
            props.put(ArtifactProperties.LOCAL_PATH, d.getSystemPath());
        }
        Artifact artifact = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(), null,
                d.getVersion(), props, stereotype);
        List<Exclusion> exclusions = new ArrayList<>();
        d.getExclusions().forEach(x -> exclusions.add(new Exclusion(x.getGroupId(), x.getArtifactId(), "*", "*")));
        return new org.eclipse.aether.graph.Dependency(artifact, d.getScope(), d.isOptional(), exclusions);
    }

    /** The line in this project's own pom.xml; a dependency inherited from a parent points at {@code <parent>}. */
    private static int declarationLine(Model m, org.apache.maven.model.Dependency d) {
        InputLocation at = d.getLocation("");
        if (at != null && at.getSource() != null && m.getPomFile() != null
                && m.getPomFile().getAbsolutePath().equals(at.getSource().getLocation())) {
            return Math.max(at.getLineNumber(), 0);
        }
        if (at != null && at.getSource() != null && m.getPomFile() == null
                && modelId(m).equals(at.getSource().getModelId())) {
            return Math.max(at.getLineNumber(), 0);
        }
        InputLocation parent = m.getParent() == null ? null : m.getParent().getLocation("");
        return parent == null ? 0 : Math.max(parent.getLineNumber(), 0);
    }

    private static String modelId(Model m) {
        return m.getGroupId() + ":" + m.getArtifactId() + ":" + m.getVersion();
    }

    private static String key(String group, String artifact, String classifier) {
        return group + ":" + artifact + ":" + (classifier == null ? "" : classifier);
    }
}
