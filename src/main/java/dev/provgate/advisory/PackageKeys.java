// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.Purls;
import java.util.Locale;

/**
 * The lookup key of a package: its ecosystem and its name normalized as the ecosystem compares names (PEP 503 for
 * PyPI, lower case for npm, {@code group:artifact} as written for Maven).
 */
public final class PackageKeys {
    private PackageKeys() {
    }

    /** The ecosystem of an OSV record ({@code PyPI}, {@code npm}, {@code Maven}); OTHER for any other. */
    public static Ecosystem ecosystemOf(String osvEcosystem) {
        String base = osvEcosystem.contains(":") ? osvEcosystem.substring(0, osvEcosystem.indexOf(':')) : osvEcosystem;
        for (Ecosystem e : Ecosystem.values()) {
            if (e != Ecosystem.OTHER && e.osvName().equalsIgnoreCase(base)) {
                return e;
            }
        }
        return Ecosystem.OTHER;
    }

    public static String normalizeName(Ecosystem ecosystem, String name) {
        return switch (ecosystem) {
            case PYPI -> Purls.normalizePypiName(name.strip());
            case NPM, GITHUB_ACTIONS -> name.strip().toLowerCase(Locale.ROOT);
            case MAVEN, OTHER -> name.strip();
        };
    }

    /** The {@code OWNER/REPO} of a GitHub Actions name with a sub-path; the name itself otherwise. */
    public static String repositoryOf(Ecosystem ecosystem, String name) {
        return ecosystem == Ecosystem.GITHUB_ACTIONS ? Purls.githubRepository(name) : name;
    }

    /** {@code ecosystem/name}: the key the index sorts and searches by. */
    public static String key(String osvEcosystem, String name) {
        Ecosystem e = ecosystemOf(osvEcosystem);
        String eco = e == Ecosystem.OTHER ? osvEcosystem.strip() : e.osvName();
        return eco + "/" + normalizeName(e, name);
    }
}
