// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The small per-case fixtures under src/test/resources/dev/provgate/lockfile/python/. */
final class PythonFixtures {
    private PythonFixtures() {
    }

    static Path path(String fixture) {
        try {
            return Path.of(PythonFixtures.class.getResource(fixture).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + fixture, e);
        }
    }

    /** The fixture as the finder would hand it over: display path = fixture name, origin = its path on disk. */
    static LockfileSource source(String fixture) {
        Path p = path(fixture);
        try {
            return new LockfileSource(fixture, Files.readAllBytes(p), p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LockfileInventory parse(LockfileParser parser, String fixture) {
        return parser.parse(source(fixture));
    }

    /** One line per component, sorted: {@code name@version scope kind direct|transitive hashes=N line=L}. */
    static List<String> summary(LockfileInventory inv) {
        return inv.components().stream().map(PythonFixtures::summary).sorted().toList();
    }

    static String summary(Component c) {
        return c.name() + "@" + c.version() + " " + c.scope().label() + " " + c.source().kind().label() + " "
                + (c.direct() ? "direct" : "transitive") + " hashes=" + c.hashes().size()
                + " line=" + c.location().line();
    }
}
