// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.eclipse.aether.RepositorySystemSession;

/**
 * pom.xml resolved as Maven resolves it, with the Maven model builder and Maven Resolver, without running Maven.
 * Unlike the other parsers this one reads files beside the POM (relativePath parents, modules) and may use the
 * network (only through the resolver; never when {@link MavenResolutionSettings#offline()}).
 *
 * <p>A multi-module build is listed under its aggregator: the root pom.xml resolves every module, and a module's
 * pom.xml whose folder the pom.xml in the folder above lists in {@code <modules>} yields nothing of its own.
 */
public final class PomParser extends MavenFileParser {
    public static final String NAME = "maven/pom";

    private final MavenSessions sessions;

    public PomParser(MavenResolutionSettings settings) {
        this(() -> settings);
    }

    /** With settings asked for when the first pom.xml is parsed, so runs without one never read them. */
    public PomParser(Supplier<MavenResolutionSettings> settings) {
        super(NAME);
        this.sessions = new MavenSessions(settings);
    }

    /** With {@link MavenResolutionSettings#fromEnvironment()}, read when the first pom.xml is parsed. */
    public PomParser() {
        this(MavenResolutionSettings::fromEnvironment);
    }

    /** The given parsers with every pom.xml parser replaced by one using these settings (asked for lazily). */
    public static List<LockfileParser> withSettings(List<LockfileParser> parsers,
                                                    Supplier<MavenResolutionSettings> settings) {
        return parsers.stream().map(p -> p instanceof PomParser ? new PomParser(settings) : p).toList();
    }



    @Override
    public boolean accepts(String relativePath) {
        return fileName(relativePath).equals("pom.xml");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        SecureXml.requireWellFormed(source);
        File pomFile = fileOf(source.origin());
        if (pomFile != null && isClaimedModule(pomFile.toPath())) {
            return new LockfileInventory(source.displayPath(), NAME, Ecosystem.MAVEN, List.of(), List.of());
        }
        PomErrors errors = new PomErrors(source, pomFile, sessions.settings());
        Map<String, File> reactor = new HashMap<>();
        try (RepositorySystemSession.CloseableSession session = sessions.open(new ReactorWorkspace(reactor))) {
            RepositoryModelResolver resolver = new RepositoryModelResolver(sessions, session, reactor,
                    sessions.remoteRepositories(session, PomModels.superPomRepositories()));
            List<PomModels.Project> projects = new PomModels(errors, resolver, reactor).build(source, pomFile);
            PomGraphCollector collector = new PomGraphCollector(sessions, session, errors, reactor);
            projects.forEach(collector::collect);
            return new LockfileInventory(source.displayPath(), NAME, Ecosystem.MAVEN, collector.components(),
                    collector.edges());
        }
    }

    /** The POM's file when the source was read from a folder; empty for a git ref or the staged index. */
    private static File fileOf(String origin) {
        try {
            Path p = Path.of(origin);
            return !origin.isEmpty() && Files.isRegularFile(p) ? p.toAbsolutePath().normalize().toFile() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** True when the pom.xml in the folder above lists this POM's folder among its modules. */
    static boolean isClaimedModule(Path pom) {
        Path dir = pom.toAbsolutePath().normalize().getParent();
        Path above = dir.getParent() == null ? null : dir.getParent().resolve("pom.xml");
        if (above == null || !Files.isRegularFile(above)) {
            return false;
        }
        Model aggregator;
        try (InputStream in = Files.newInputStream(above)) {
            aggregator = new MavenXpp3Reader().read(in, false);
        } catch (IOException | XmlPullParserException | RuntimeException e) {
            return false;
        }
        List<String> modules = new ArrayList<>(aggregator.getModules());
        for (Profile profile : aggregator.getProfiles()) {
            modules.addAll(profile.getModules());
        }
        return modules.stream().map(m -> above.getParent().resolve(m).normalize())
                .anyMatch(m -> m.equals(dir) || m.equals(pom.toAbsolutePath().normalize()));
    }
}
