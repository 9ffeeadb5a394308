// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.Map;

/**
 * {@code pnpm-lock.yaml}, lockfileVersion 5.x, 6.x and 9.0. Components are the {@code packages} entries (peer
 * variants of one version in 5.x and 6.x are separate entries with the same purl); importers (workspaces) are not
 * components. See the package documentation.
 */
public final class PnpmLockParser implements LockfileParser {
    public static final String FILE_NAME = "pnpm-lock.yaml";

    @Override
    public String name() {
        return "npm/pnpm-lock";
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
        Map<String, YamlDocument.Section> doc = YamlDocument.read(source, TextInput.decode(source));
        YamlDocument.Section version = doc.get("lockfileVersion");
        if (version == null || !version.value().isValueNode()) {
            throw new LockfileParseException(source, version == null ? 1 : version.line(),
                    "no lockfileVersion: not a pnpm-lock.yaml");
        }
        PnpmDialect dialect = PnpmDialect.of(source, version.line(), version.value().asText());
        return new PnpmLock(source, dialect, doc).inventory(name());
    }
}
