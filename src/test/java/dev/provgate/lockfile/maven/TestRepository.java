// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local Maven repository and project folders written by a test under target/, for offline resolution. */
final class TestRepository {
    private final Path root;

    TestRepository(String name) {
        this.root = Path.of("target", "pom-tests", name).toAbsolutePath();
        deleteTree(root);
    }

    Path localRepository() {
        return root.resolve("repository");
    }

    /** Writes {@code group:artifact:version} as a POM (and an empty jar unless packaging is pom) in the repository. */
    TestRepository artifact(String gav, String packaging, String body) {
        String[] c = gav.split(":");
        Path dir = localRepository().resolve(c[0].replace('.', '/')).resolve(c[1]).resolve(c[2]);
        write(dir.resolve(c[1] + "-" + c[2] + ".pom"), pom(gav, packaging, body));
        if (!packaging.equals("pom")) {
            write(dir.resolve(c[1] + "-" + c[2] + ".jar"), "");
        }
        return this;
    }

    TestRepository jar(String gav, String body) {
        return artifact(gav, "jar", body);
    }

    /** Writes a project file (a pom.xml) under the project folder and returns its path. */
    Path project(String relative, String content) {
        Path p = root.resolve("project").resolve(relative);
        write(p, content);
        return p;
    }

    static String pom(String gav, String packaging, String body) {
        String[] c = gav.split(":");
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>" + c[0] + "</groupId>\n  <artifactId>" + c[1] + "</artifactId>\n"
                + "  <version>" + c[2] + "</version>\n  <packaging>" + packaging + "</packaging>\n"
                + body + "</project>\n";
    }

    /** {@code <dependency>} for {@code group:artifact:version[:scope]}; extra XML goes inside. */
    static String dep(String coordinates, String extra) {
        String[] c = coordinates.split(":");
        return "<dependency><groupId>" + c[0] + "</groupId><artifactId>" + c[1] + "</artifactId>"
                + (c.length > 2 && !c[2].isEmpty() ? "<version>" + c[2] + "</version>" : "")
                + (c.length > 3 ? "<scope>" + c[3] + "</scope>" : "") + extra + "</dependency>\n";
    }

    static String deps(String... dependencies) {
        return "  <dependencies>\n" + String.join("", dependencies) + "  </dependencies>\n";
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
