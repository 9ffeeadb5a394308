// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry settings of one {@code .npmrc}: {@code registry=URL} and {@code @scope:registry=URL}, with
 * {@code ${VAR}} taken from the environment as npm does. Other keys (auth tokens among them) are not read.
 */
final class Npmrc {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private final Map<String, String> registries;

    private Npmrc(Map<String, String> registries) {
        this.registries = registries;
    }

    /** The file's settings; a missing file has none. */
    static Npmrc read(Path file, UserConfig user) {
        Map<String, String> registries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return new Npmrc(registries);
        }
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#") && !line.startsWith(";")) {
                    String key = line.substring(0, eq).strip();
                    if (key.equals("registry") || key.endsWith(":registry")) {
                        registries.put(key, expand(line.substring(eq + 1).strip(), user));
                    }
                }
            }
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        return new Npmrc(registries);
    }

    /** The registry for a package: its scope's registry when set, else the default one. */
    Optional<String> registryFor(String packageName) {
        if (packageName.startsWith("@") && packageName.indexOf('/') > 0) {
            String scoped = registries.get(packageName.substring(0, packageName.indexOf('/')) + ":registry");
            if (scoped != null) {
                return Optional.of(scoped);
            }
        }
        return Optional.ofNullable(registries.get("registry"));
    }

    private static String expand(String value, UserConfig user) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(user.env().getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
