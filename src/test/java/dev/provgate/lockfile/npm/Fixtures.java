// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.InstallScript;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Test fixtures of this package and one-line summaries of what a parser made of them, for sorted comparison. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = Fixtures.class.getResourceAsStream(fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture under the file name the parser expects, so messages name {@code dir/FILE}. */
    static LockfileSource source(String fixture, String lockfileName) {
        return new LockfileSource("fixtures/" + fixture + "/" + lockfileName, bytes(fixture), "");
    }

    /** {@code name@version scope direct kind url line=N [hashes] [attributes] [install]}, sorted. */
    static List<String> summaries(LockfileInventory inventory) {
        return inventory.components().stream().map(Fixtures::summary).sorted().toList();
    }

    static String summary(Component c) {
        String hashes = c.hashes().stream().map(Fixtures::hash).collect(Collectors.joining(" "));
        String attributes = c.attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return String.join(" ", List.of(c.coordinates(), c.scope().label(), c.direct() ? "direct" : "transitive",
                c.source().kind().label(), c.source().url(), "line=" + c.location().line(), hashes, attributes,
                c.installScript() == InstallScript.RUNS ? "install" : "")).replaceAll(" +", " ").strip();
    }

    /** Edges as {@code from -> to}, sorted. */
    static List<String> edges(LockfileInventory inventory) {
        return inventory.dependencies().stream().map(d -> d.from() + " -> " + d.to()).toList();
    }

    private static String hash(Hash h) {
        return h.algorithm().name().toLowerCase() + ":" + h.hex().substring(0, 8);
    }
}
