// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Inventory;
import dev.provgate.report.InventoryListing;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists what the lockfiles lock. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "List every locked package: ecosystem, name, version, scope, direct or transitive, "
                + "and the lockfile line that declares it.",
        footer = {"", "Examples:",
                "  provgate inventory                 # lockfiles under the current folder",
                "  provgate inventory app/ --format json",
                "  provgate inventory package-lock.json",
                "  provgate inventory --ref v1.2          # the lockfiles as they are at a git tag",
                "  provgate inventory poetry.lock:deps/poetry-ci.lock   # a lockfile under another name",
                "",
                "Formats and the file names they are found by (a file under another name: FORMAT:FILE, with",
                "the format or one of its file names):",
                "  npm/package-lock                   package-lock.json",
                "  npm/shrinkwrap                     npm-shrinkwrap.json",
                "  npm/yarn-lock                      yarn.lock (classic and berry)",
                "  npm/pnpm-lock                      pnpm-lock.yaml",
                "  python/requirements                *requirements*.txt, *constraints*.txt,",
                "                                     requirements/*.txt",
                "  python/poetry-lock                 poetry.lock",
                "  python/uv-lock                     uv.lock",
                "  python/pipfile-lock                Pipfile.lock",
                "  python/pdm-lock                    pdm.lock",
                "  python/pylock                      pylock.toml, pylock.NAME.toml",
                "  maven/pom                          pom.xml (resolved like Maven does)",
                "  maven/maven-lockfile               lockfile.json",
                "  maven/gradle-lockfile              gradle.lockfile,",
                "                                     gradle/dependency-locks/*.lockfile",
                "  maven/gradle-verification-metadata verification-metadata.xml",
                "  maven/dependency-tree              *dependency-tree*.txt, *dep-tree*.txt,",
                "                                     *mvn*tree*.txt",
                "  sbom/cyclonedx-json                bom.json, *.bom.json, *.cdx.json",
                "  sbom/cyclonedx-xml                 bom.xml, *.cdx.xml",
                "  sbom/spdx-json                     *.spdx.json",
                "  githubactions/workflow             .github/workflows/*.yml,",
                "                                     .github/workflows/*.yaml",
                "  githubactions/action               action.yml, action.yaml",
                "  gitlab/ci                          .gitlab-ci.yml, .gitlab-ci.yaml"})
final class InventoryCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    InputOptions input;

    @Mixin
    InputOptions.Git git;

    @Mixin
    DebugOption debug;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    MavenOptions maven;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inventory inventory = git.read(input.paths(), maven.reader(), InputOptions.parsers(maven));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            InventoryListing.json(inventory, out);
        } else {
            InventoryListing.text(inventory, out);
        }
        out.flush();
        return ExitCodes.PASSED;
    }
}
