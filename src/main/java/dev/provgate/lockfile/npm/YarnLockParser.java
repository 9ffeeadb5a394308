// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.regex.Pattern;

/**
 * {@code yarn.lock}, classic (v1) or berry (yarn 2+), told apart by the content: berry has a top-level
 * {@code __metadata} key. Workspaces are not components. See the package documentation.
 */
public final class YarnLockParser implements LockfileParser {
    public static final String FILE_NAME = "yarn.lock";
    private static final Pattern BERRY_METADATA = Pattern.compile("^\"?__metadata\"?:", Pattern.MULTILINE);

    @Override
    public String name() {
        return "npm/yarn-lock";
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.NPM;
    }

    @Override
    public boolean accepts(String relativePath) {
        return NpmPaths.isProjectLockfile(relativePath, FILE_NAME);
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        String text = TextInput.decode(source);
        boolean berry = BERRY_METADATA.matcher(text).find();
        return YarnGraph.inventory(source, name(), berry ? YarnBerryReader.read(source, text)
                : YarnClassicReader.read(source, text), berry);
    }
}
