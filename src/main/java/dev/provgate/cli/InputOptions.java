// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The paths to scan: folders (searched recursively) or lockfiles. Defaults to the current folder. */
public final class InputOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Folders to search for lockfiles (recursively; node_modules, .git, target, build, dist "
                    + "and .venv are skipped) or lockfiles. Default: the current folder.")
    List<Path> paths = new ArrayList<>();

    public List<Path> paths() {
        return paths.isEmpty() ? List.of(Path.of(".")) : List.copyOf(paths);
    }
}
