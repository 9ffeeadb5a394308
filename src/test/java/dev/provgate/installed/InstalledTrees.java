// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds installed environments the way pip and npm leave them, for the hunt's tests. */
public final class InstalledTrees {
    /** setuptools' distutils-precedence.pth, as setuptools 70 writes it. */
    public static final String DISTUTILS_PRECEDENCE = "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = "
            + "os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n";
    /** The start-up line of the test incident: runs a payload at every Python start, as litellm_init.pth did. */
    public static final String INIT_PTH = "import os, subprocess, sys; subprocess.Popen([sys.executable, \"-c\", "
            + "\"import base64; exec(base64.b64decode('cHJpbnQoMSk='))\"])\n";

    private InstalledTrees() {
    }

    /** A virtual environment: pyvenv.cfg, bin/, lib/python3.12/site-packages; returns site-packages. */
    public static Path venv(Path dir) {
        try {
            Files.createDirectories(dir.resolve("bin"));
            Files.writeString(dir.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.12.3\n");
            return Files.createDirectories(dir.resolve("lib/python3.12/site-packages"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs a distribution as pip does: its files (paths relative to site-packages, {@code ../../../bin/x} for
     * scripts), METADATA, INSTALLER, and a RECORD with a sha256 row for each, {@code RECORD,,} for itself and a
     * digest-less row for each compiled file given in {@code compiled}.
     */
    public static void install(Path sitePackages, String name, String version, Map<String, String> files,
                               List<String> compiled) {
        String info = name.replace('-', '_') + "-" + version + ".dist-info";
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(info + "/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                + "\nSummary: test\n\nA long description.\nVersion: not-a-header\n");
        all.put(info + "/INSTALLER", "pip\n");
        List<String> rows = new ArrayList<>();
        all.forEach((rel, content) -> {
            write(sitePackages.resolve(rel), content);
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            rows.add(csv(rel) + ",sha256=" + recordDigest(b) + "," + b.length);
        });
        for (String pyc : compiled) {
            write(sitePackages.resolve(pyc), "compiled");
            rows.add(pyc + ",,");
        }
        rows.add(info + "/RECORD,,");
        write(sitePackages.resolve(info + "/RECORD"), String.join("\n", rows) + "\n");
    }

    /** An npm package folder with its package.json. */
    public static void npmPackage(Path dir, String name, String version, String scriptsJson) {
        write(dir.resolve("package.json"), "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version + "\""
                + (scriptsJson.isEmpty() ? "" : ",\n  \"scripts\": " + scriptsJson) + "\n}\n");
        write(dir.resolve("index.js"), "module.exports = '" + name + "';\n");
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256Hex(String content) {
        return HexFormat.of().formatHex(sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String recordDigest(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(b));
    }

    private static String csv(String path) {
        return path.contains(",") ? "\"" + path.replace("\"", "\"\"") + "\"" : path;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
