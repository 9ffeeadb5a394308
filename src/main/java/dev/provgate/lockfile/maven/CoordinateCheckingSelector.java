// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.collection.DependencyCollectionContext;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.Dependency;

/**
 * Maven's own selection, preceded by the coordinate check on every dependency the collector meets, the transitive
 * ones (from POMs in the repositories) included: the resolver reads a dependency's POM from a path made of its
 * coordinates right after selecting it.
 */
record CoordinateCheckingSelector(DependencySelector maven, Artifact parent) implements DependencySelector {

    /** A dependency whose coordinates would lead a path out of the local repository. */
    static final class UnsafeDependencyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Artifact artifact;
        private final transient Artifact parent;

        UnsafeDependencyException(Artifact artifact, Artifact parent, String problem) {
            super(problem);
            this.artifact = artifact;
            this.parent = parent;
        }

        Artifact artifact() {
            return artifact;
        }

        /** The artifact whose POM declares it; null for the project's own dependencies. */
        Artifact parent() {
            return parent;
        }
    }

    @Override
    public boolean selectDependency(Dependency dependency) {
        Artifact a = dependency.getArtifact();
        SafeCoordinates.problem(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getClassifier(),
                a.getExtension()).ifPresent(p -> {
                    throw new UnsafeDependencyException(a, parent, p);
                });
        return maven.selectDependency(dependency);
    }

    @Override
    public DependencySelector deriveChildSelector(DependencyCollectionContext context) {
        DependencySelector child = maven.deriveChildSelector(context);
        return new CoordinateCheckingSelector(child, context.getArtifact());
    }
}
