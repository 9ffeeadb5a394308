// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the user's own package-manager settings live: the home folder ({@code ~/.npmrc}, {@code ~/.m2/settings.xml},
 * pip.conf) and the environment ({@code npm_config_registry}, {@code PIP_INDEX_URL}). Tests give their own.
 */
public record UserConfig(Path home, Map<String, String> env) {
    public UserConfig {
        env = Map.copyOf(env);
    }

    public static UserConfig system() {
        return new UserConfig(Path.of(System.getProperty("user.home", ".")), System.getenv());
    }

    /** An environment variable, looked up as given, then upper case, then lower case (npm accepts both). */
    public Optional<String> variable(String name) {
        for (String n : new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }
}
