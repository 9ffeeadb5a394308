// SPDX-License-Identifier: Apache-2.0
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Attributes;

/**
 * Checks the jars provgate runs with (the Class-Path of its jar's manifest) against their pinned SHA-256 digests,
 * before any of them is loaded: a gate has to pin and verify its own dependencies. Run by the launcher after each
 * build, as a single source file with nothing but the JDK on the class path.
 *
 * <pre>
 *   java cli/PinnedDependencies.java check target/provgate.jar cli/dependencies.sha256
 *   java cli/PinnedDependencies.java write target/provgate.jar cli/dependencies.sha256   # after changing pom.xml
 * </pre>
 *
 * The pins file is in sha256sum's format ({@code <hex>  <jar name>}, sorted), so {@code sha256sum -c} in target/lib
 * reads it too. Exit codes: 0 all match, 1 a digest differs or a jar is missing or not pinned, 2 usage error.
 */
public final class PinnedDependencies {
    private PinnedDependencies() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("check") || args[0].equals("write"))) {
            System.err.println("usage: java PinnedDependencies.java check|write PROVGATE_JAR PINS_FILE");
            System.exit(2);
        }
        Path jar = Path.of(args[1]);
        Path pins = Path.of(args[2]);
        Map<String, String> actual = digests(jar);
        if (args[0].equals("write")) {
            StringBuilder out = new StringBuilder();
            actual.forEach((name, hex) -> out.append(hex).append("  ").append(name).append('\n'));
            Files.writeString(pins, out, StandardCharsets.UTF_8);
            System.err.println("pinned " + actual.size() + " jars in " + pins);
            return;
        }
        List<String> problems = compare(read(pins), actual);
        problems.forEach(p -> System.err.println("provgate: " + p));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** SHA-256 of every jar the manifest's Class-Path names, by file name. */
    private static Map<String, String> digests(Path jar) throws IOException {
        String classPath;
        try (JarFile file = new JarFile(jar.toFile())) {
            classPath = file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
        Map<String, String> out = new TreeMap<>();
        for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
            Path dependency = jar.resolveSibling(entry);
            out.put(dependency.getFileName().toString(), sha256(dependency));
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path pins) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(pins)) {
            return out;
        }
        int n = 0;
        for (String line : Files.readAllLines(pins, StandardCharsets.UTF_8)) {
            n++;
            String[] parts = line.trim().split("\\s+\\*?", 2);
            if (line.isBlank() || parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                System.err.println("provgate: " + pins + ":" + n + ": not a '<sha256>  <jar>' line");
                System.exit(2);
            }
            out.put(parts[1], parts[0]);
        }
        return out;
    }

    private static List<String> compare(Map<String, String> pinned, Map<String, String> actual) {
        List<String> problems = new ArrayList<>();
        actual.forEach((name, hex) -> {
            String expected = pinned.get(name);
            if (expected == null) {
                problems.add(name + " is on provgate's class path but not pinned");
            } else if (hex.equals("missing")) {
                problems.add(name + " is pinned but missing from target/lib");
            } else if (!expected.equals(hex)) {
                problems.add(name + " has SHA-256 " + hex + ", pinned " + expected);
            }
        });
        pinned.keySet().stream().filter(name -> !actual.containsKey(name))
                .forEach(name -> problems.add(name + " is pinned but no longer on the class path"));
        return problems;
    }
}
