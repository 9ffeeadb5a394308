// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;

/**
 * Finds parent and imported POMs for the model builder: first among the project's own modules, then through the
 * resolver (local repository, then the remote ones unless offline).
 */
final class RepositoryModelResolver implements ModelResolver {
    private final MavenSessions sessions;
    private final RepositorySystemSession session;
    private final Map<String, File> reactor;
    private final List<RemoteRepository> repositories;

    RepositoryModelResolver(MavenSessions sessions, RepositorySystemSession session, Map<String, File> reactor,
                            List<RemoteRepository> repositories) {
        this.sessions = sessions;
        this.session = session;
        this.reactor = reactor;
        this.repositories = new ArrayList<>(repositories);
    }

    @Override
    public ModelSource resolveModel(String groupId, String artifactId, String version)
            throws UnresolvableModelException {
        requireSafe(groupId, artifactId, version);
        File module = reactor.get(groupId + ":" + artifactId + ":" + version);
        if (module != null) {
            return new FileModelSource(module);
        }
        Artifact pom = new DefaultArtifact(groupId, artifactId, "", "pom", version);
        try {
            Artifact resolved = sessions.system()
                    .resolveArtifact(session, new ArtifactRequest(pom, repositories, null)).getArtifact();
            return new FileModelSource(resolved.getPath().toFile());
        } catch (ArtifactResolutionException e) {
            throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
        }
    }

    @Override
    public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
        requireSafe(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        String version = highest(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        parent.setVersion(version);
        return resolveModel(parent.getGroupId(), parent.getArtifactId(), version);
    }

    @Override
    public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
        requireSafe(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        String version = highest(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        dependency.setVersion(version);
        return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), version);
    }

    private static void requireSafe(String groupId, String artifactId, String version)
            throws UnresolvableModelException {
        var problem = SafeCoordinates.problem(groupId, artifactId, version, null, null);
        if (problem.isPresent()) {
            throw new UnresolvableModelException(problem.get(), groupId, artifactId, version,
                    new IllegalArgumentException(problem.get()));
        }
    }

    /** A plain version as is; for a range, the highest version the repositories have. */
    private String highest(String groupId, String artifactId, String version) throws UnresolvableModelException {
        if (version == null || !(version.startsWith("[") || version.startsWith("("))) {
            return version;
        }
        Artifact pom = new DefaultArtifact(groupId, artifactId, "", "pom", version);
        try {
            VersionRangeResult r = sessions.system()
                    .resolveVersionRange(session, new VersionRangeRequest(pom, repositories, null));
            if (r.getHighestVersion() == null) {
                throw new UnresolvableModelException("no version in range " + version, groupId, artifactId, version);
            }
            return r.getHighestVersion().toString();
        } catch (VersionRangeResolutionException e) {
            throw new UnresolvableModelException(e.getMessage(), groupId, artifactId, version, e);
        }
    }

    @Override
    public void addRepository(Repository repository) {
        addRepository(repository, false);
    }

    @Override
    public void addRepository(Repository repository, boolean replace) {
        boolean known = repositories.stream().anyMatch(r -> r.getId().equals(repository.getId()));
        if (known && !replace) {
            return;
        }
        repositories.removeIf(r -> r.getId().equals(repository.getId()));
        repositories.addAll(sessions.system().newResolutionRepositories(session,
                List.of(MavenSessions.remote(repository))));
    }

    @Override
    public ModelResolver newCopy() {
        return new RepositoryModelResolver(sessions, session, reactor, repositories);
    }
}
