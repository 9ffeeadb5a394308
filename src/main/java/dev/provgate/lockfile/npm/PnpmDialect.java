// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.util.List;
import java.util.regex.Pattern;

/** How a pnpm lockfileVersion spells package keys and dependency references. */
enum PnpmDialect {
    /** 5.x: {@code /name/1.0.0_peer@1.0.0}. */
    V5,
    /** 6.x: {@code /name@1.0.0(peer@1.0.0)}. */
    V6,
    /** 9.0: {@code name@1.0.0} in packages, {@code name@1.0.0(peer@1.0.0)} in snapshots. */
    V9;

    private static final Pattern V5_VERSION = Pattern.compile("5(\\.\\d+)?");
    private static final Pattern V6_VERSION = Pattern.compile("6\\.\\d+");

    static PnpmDialect of(LockfileSource source, int line, String lockfileVersion) {
        if (V5_VERSION.matcher(lockfileVersion).matches()) {
            return V5;
        }
        if (V6_VERSION.matcher(lockfileVersion).matches()) {
            return V6;
        }
        if (lockfileVersion.equals("9.0")) {
            return V9;
        }
        throw new LockfileParseException(source, line, "unsupported pnpm lockfileVersion '" + lockfileVersion
                + "' (this version reads 5.x, 6.x and 9.0)");
    }

    /** 5.x and 6.x mark packages with install scripts {@code requiresBuild: true}; 9.0 dropped the field. */
    boolean recordsBuildScripts() {
        return this != V9;
    }

    /** What a package key names; {@link #NONE} for keys that name no registry version (git, tarball, folder). */
    record NameVersion(String name, String version) {
    }

    static final NameVersion NONE = new NameVersion("", "");

    /** Name and version a package key names, peer and patch suffixes dropped. */
    NameVersion nameAndVersion(String key) {
        if (this == V5) {
            int slash = key.lastIndexOf('/');
            if (!key.startsWith("/") || slash < 1) {
                return NONE;
            }
            String version = key.substring(slash + 1);
            int peers = version.indexOf('_');
            return new NameVersion(key.substring(1, slash), peers < 0 ? version : version.substring(0, peers));
        }
        if (this == V6 && !key.startsWith("/")) {
            return NONE;
        }
        String k = withoutSuffix(this == V6 ? key.substring(1) : key);
        int at = k.indexOf('@', 1);
        return at < 0 ? NONE : new NameVersion(k.substring(0, at), k.substring(at + 1));
    }

    /** The snapshot or package key without its peer-dependency suffix: the package it is a variant of. */
    static String withoutSuffix(String key) {
        int paren = key.indexOf('(');
        return paren < 0 ? key : key.substring(0, paren);
    }

    /**
     * Keys a dependency reference may stand for, most likely first: the version of the named package, or (for
     * aliases, tarballs, git and local folders) a key on its own.
     */
    List<String> candidates(String name, String reference) {
        return switch (this) {
            case V5 -> List.of("/" + name + "/" + reference, reference);
            case V6 -> List.of("/" + name + "@" + reference, reference);
            case V9 -> List.of(name + "@" + reference, reference);
        };
    }
}
