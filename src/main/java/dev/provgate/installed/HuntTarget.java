// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One root to hunt in, and how to read it.
 *
 * @param path    the root
 * @param display how reports show it
 * @param kind    what it holds
 */
public record HuntTarget(Path path, String display, Kind kind) {
    public enum Kind {
        SITE_PACKAGES, NODE_MODULES, FILES
    }

    /**
     * What a PATH the user gave stands for: a node_modules folder, a site-packages folder, a virtual environment
     * (its site-packages), a project folder (its node_modules and virtual environments), or else a folder or file
     * whose files are only hashed. A missing PATH is an input error.
     */
    public static List<HuntTarget> of(Path given) {
        String display = given.toString().replace('\\', '/');
        if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvgateException(display, 0, "no such file or folder");
        }
        if (!Files.isDirectory(given, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new HuntTarget(given, display, Kind.FILES));
        }
        Kind kind = kindOf(given);
        if (kind != Kind.FILES) {
            return List.of(new HuntTarget(given, display, kind));
        }
        List<HuntTarget> inside = new ArrayList<>(sitePackagesOfVenv(given, display));
        if (inside.isEmpty()) {
            for (Path child : children(given)) {
                String name = child.getFileName().toString();
                if (name.equals("node_modules")) {
                    inside.add(new HuntTarget(child, display + "/" + name, Kind.NODE_MODULES));
                } else {
                    inside.addAll(sitePackagesOfVenv(child, display + "/" + name));
                }
            }
        }
        return inside.isEmpty() ? List.of(new HuntTarget(given, display, Kind.FILES)) : inside;
    }

    private static Kind kindOf(Path dir) {
        if (dir.getFileName() != null && dir.getFileName().toString().equals("node_modules")) {
            return Kind.NODE_MODULES;
        }
        return SitePackagesHunter.looksLikeSitePackages(dir) ? Kind.SITE_PACKAGES : Kind.FILES;
    }

    /** A virtual environment (it has pyvenv.cfg): its lib/pythonX.Y/site-packages or Lib/site-packages. */
    static List<HuntTarget> sitePackagesOfVenv(Path dir, String display) {
        if (!Files.isRegularFile(dir.resolve("pyvenv.cfg"), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<HuntTarget> out = new ArrayList<>();
        for (Path lib : List.of(dir.resolve("lib"), dir.resolve("Lib"))) {
            for (Path python : children(lib)) {
                String name = python.getFileName().toString();
                if (name.equals("site-packages")) {
                    out.add(new HuntTarget(python, display + "/Lib/site-packages", Kind.SITE_PACKAGES));
                } else if (name.startsWith("python") && Files.isDirectory(python.resolve("site-packages"),
                        LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new HuntTarget(python.resolve("site-packages"), display + "/lib/" + name
                            + "/site-packages", Kind.SITE_PACKAGES));
                }
            }
        }
        return out;
    }

    /** Sub-folders (not links), sorted. */
    static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new ProvgateException(dir.toString(), 0, "cannot list: " + e.getMessage());
        }
    }
}
