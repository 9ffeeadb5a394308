// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import java.util.List;
import java.util.Optional;

/** The format registry: one line per format, no logic beyond lookup. */
public final class LockfileParsers {
    private static final List<LockfileParser> ALL = List.of(
            new dev.provgate.sbom.CycloneDxJsonReader(),
            new dev.provgate.sbom.CycloneDxXmlReader(),
            new dev.provgate.sbom.SpdxJsonReader(),
            dev.provgate.lockfile.npm.PackageLockParser.packageLock(),
            dev.provgate.lockfile.npm.PackageLockParser.shrinkwrap(),
            new dev.provgate.lockfile.npm.YarnLockParser(),
            new dev.provgate.lockfile.npm.PnpmLockParser(),
            new dev.provgate.lockfile.python.RequirementsParser(),
            new dev.provgate.lockfile.python.PoetryLockParser(),
            new dev.provgate.lockfile.python.UvLockParser(),
            new dev.provgate.lockfile.python.PipfileLockParser(),
            new dev.provgate.lockfile.python.PdmLockParser(),
            new dev.provgate.lockfile.python.PylockParser(),
            new dev.provgate.lockfile.maven.PomParser(),
            new dev.provgate.lockfile.maven.MavenLockfileParser(),
            new dev.provgate.lockfile.maven.GradleLockfileParser(),
            new dev.provgate.lockfile.maven.VerificationMetadataParser(),
            new dev.provgate.lockfile.maven.DependencyTreeParser(),
            new dev.provgate.lockfile.actions.GitHubWorkflowParser(),
            new dev.provgate.lockfile.actions.ActionMetadataParser(),
            new dev.provgate.lockfile.actions.GitLabCiParser()
    );

    private LockfileParsers() {
    }

    public static List<LockfileParser> all() {
        return ALL;
    }

    /** The parser whose file name this is, if any. */
    public static Optional<LockfileParser> forPath(String relativePath) {
        return ALL.stream().filter(p -> p.accepts(relativePath)).findFirst();
    }

    public static Optional<LockfileParser> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
