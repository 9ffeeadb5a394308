// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.maven.model.Repository;
import org.apache.maven.model.RepositoryPolicy;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.impl.NamedLockFactorySelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.resolution.ArtifactDescriptorPolicy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * The Maven Resolver set up as Maven 3 sets it up, built once per parser on first use. All network access of
 * pom.xml resolution goes through the sessions made here, which honour {@code offline}. Two departures, because
 * the POMs are hostile: locks live in this process only (Maven's file locks would create and delete files at paths
 * made of a POM's coordinates), and every dependency's coordinates are checked before the resolver uses them.
 */
final class MavenSessions {
    private static final String MIRROR_ID = "provgate-maven-repo";
    private static final String HTTP_BLOCKER_ID = "maven-default-http-blocker";

    private final Supplier<MavenResolutionSettings> configured;
    private MavenResolutionSettings settings;
    private RepositorySystem system;

    /** The settings are read on first use: reading settings.xml may fail, and that is an input error then. */
    MavenSessions(Supplier<MavenResolutionSettings> configured) {
        this.configured = configured;
    }

    synchronized MavenResolutionSettings settings() {
        if (settings == null) {
            settings = configured.get();
        }
        return settings;
    }

    synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier() {
                @Override
                protected NamedLockFactorySelector createNamedLockFactorySelector() {
                    return new InProcessLocks();
                }
            }.get();
        }
        return system;
    }

    /**
     * A session on the local repository. A POM that is missing or broken is an error rather than Maven's warning:
     * its dependencies would go unlisted.
     */
    RepositorySystemSession.CloseableSession open(WorkspaceReader workspace) {
        MavenResolutionSettings settings = settings();
        ArtifactDescriptorPolicy strict = new SimpleArtifactDescriptorPolicy(false, false);
        RepositorySystemSession.SessionBuilder b = new SessionBuilderSupplier(system()) {
                    @Override
                    protected DependencySelector getDependencySelector() {
                        return new CoordinateCheckingSelector(super.getDependencySelector(), null);
                    }
                }.get()
                .withLocalRepositoryBaseDirectories(settings.localRepository())
                .setOffline(settings.offline())
                .setArtifactDescriptorPolicy(strict)
                .setSystemProperties(systemProperties())
                .setWorkspaceReader(workspace);
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        if (!settings.remoteRepository().isEmpty()) {
            mirrors.add(MIRROR_ID, settings.remoteRepository(), "default", false, false, "*", "*");
        } else {
            settings.mirrors().forEach(m -> mirrors.add(m.id(), m.url(), "default", false, false, m.mirrorOf(), "*"));
            // As Maven 3.8.1 and later do: a repository a POM declares over plain http is never contacted.
            mirrors.add(HTTP_BLOCKER_ID, "http://0.0.0.0/", "default", false, true, "external:http:*", "*");
        }
        return b.setMirrorSelector(mirrors).build();
    }

    /** The POM's repositories as the resolver sees them, mirrors applied. */
    List<RemoteRepository> remoteRepositories(RepositorySystemSession session, List<Repository> declared) {
        List<RemoteRepository> repos = new ArrayList<>();
        for (Repository r : declared) {
            repos.add(remote(r));
        }
        return system().newResolutionRepositories(session, repos);
    }

    static RemoteRepository remote(Repository r) {
        return new RemoteRepository.Builder(r.getId(), "default", r.getUrl())
                .setReleasePolicy(policy(r.getReleases()))
                .setSnapshotPolicy(policy(r.getSnapshots()))
                .build();
    }

    /** Maven's defaults (daily updates, warn on checksum mismatch) where the POM leaves a policy out. */
    private static org.eclipse.aether.repository.RepositoryPolicy policy(RepositoryPolicy p) {
        if (p == null) {
            return new org.eclipse.aether.repository.RepositoryPolicy();
        }
        String update = p.getUpdatePolicy() == null || p.getUpdatePolicy().isBlank()
                ? org.eclipse.aether.repository.RepositoryPolicy.UPDATE_POLICY_DAILY : p.getUpdatePolicy();
        String checksum = p.getChecksumPolicy() == null || p.getChecksumPolicy().isBlank()
                ? org.eclipse.aether.repository.RepositoryPolicy.CHECKSUM_POLICY_WARN : p.getChecksumPolicy();
        return new org.eclipse.aether.repository.RepositoryPolicy(p.isEnabled(), update, checksum);
    }

    /** What Maven gives the model builder: Java system properties and the environment as {@code env.*}. */
    static Properties systemProperties() {
        Properties p = new Properties();
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.forEach((k, v) -> p.setProperty("env." + k, v));
        p.putAll(System.getProperties());
        return p;
    }
}
