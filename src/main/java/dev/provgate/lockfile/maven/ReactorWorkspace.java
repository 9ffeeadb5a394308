// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/** The projects of the build being resolved, so that one module's dependency on another finds its POM. */
final class ReactorWorkspace implements WorkspaceReader {
    private static final WorkspaceRepository REPOSITORY = new WorkspaceRepository("provgate-reactor");
    private final Map<String, File> pomByCoordinates;

    ReactorWorkspace(Map<String, File> pomByCoordinates) {
        this.pomByCoordinates = pomByCoordinates;
    }

    @Override
    public WorkspaceRepository getRepository() {
        return REPOSITORY;
    }

    /** Only POMs: listing needs no jars, and a module's jar is not built. */
    @Override
    public File findArtifact(Artifact artifact) {
        return "pom".equals(artifact.getExtension()) ? pomByCoordinates.get(key(artifact)) : null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
        return pomByCoordinates.containsKey(key(artifact)) ? List.of(artifact.getVersion()) : List.of();
    }

    private static String key(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion();
    }
}
