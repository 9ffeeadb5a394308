// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.InstallScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeModulesHunterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "left-pad/package.json, left-pad",
            "@scope/pkg/package.json, @scope/pkg",
            "a/node_modules/b/package.json, a/node_modules/b",
            "a/node_modules/@s/b/node_modules/c/package.json, a/node_modules/@s/b/node_modules/c",
            ".pnpm/lodash@4.17.21/node_modules/lodash/package.json, .pnpm/lodash@4.17.21/node_modules/lodash",
            "a/lib/package.json, none",
            "a/test/fixtures/node_modules/x/package.json, none",
            ".bin/package.json, none",
            "package.json, none",
            "@scope/package.json, none"})
    void manifestsAreTheirPackagesOwn(String rel, String dir) {
        assertEquals(Optional.ofNullable(dir), NodeModulesHunter.packageDir(rel));
    }

    @Test
    void readsNestedScopedAndPnpmPackagesWithTheirInstallScripts() throws Exception {
        Path nm = tmp.resolve("node_modules");
        InstalledTrees.npmPackage(nm.resolve("app-lib"), "app-lib", "2.0.0", "");
        InstalledTrees.npmPackage(nm.resolve("app-lib/node_modules/evil-dep"), "evil-dep", "1.0.1",
                "{\"postinstall\": \"node steal.js\", \"test\": \"jest\"}");
        InstalledTrees.npmPackage(nm.resolve("@scope/pkg"), "@scope/pkg", "3.1.0", "");
        InstalledTrees.npmPackage(nm.resolve(".pnpm/lodash@4.17.21/node_modules/lodash"), "lodash", "4.17.21", "");
        InstalledTrees.write(nm.resolve("broken/package.json"), "{\"name\": \"broken\",\n");
        InstalledTrees.write(nm.resolve("app-lib/test/package.json"), "{\"name\": \"fixture\"}");
        Files.createDirectories(nm.resolve(".bin"));
        Files.createSymbolicLink(nm.resolve(".bin/steal"), Path.of("../app-lib/node_modules/evil-dep/index.js"));
        Files.createSymbolicLink(nm.resolve("linked-workspace"), Path.of("../../packages/linked-workspace"));
        String payload = "module.exports = 'evil-dep';\n";

        RootResult r = new Hunt(new HuntSettings(1 << 20, Set.of(InstalledTrees.sha256Hex(payload))::contains))
                .run(HuntTarget.of(nm)).roots().get(0);
        assertEquals("npm/node_modules", r.format());
        List<Component> packages = r.components().stream().filter(c -> c.ecosystem() == Ecosystem.NPM).toList();
        assertEquals(List.of("lodash@4.17.21", "@scope/pkg@3.1.0", "app-lib@2.0.0", "evil-dep@1.0.1"),
                packages.stream().map(Component::coordinates).toList());
        Component evil = packages.get(3);
        assertEquals(InstallScript.RUNS, evil.installScript());
        assertEquals(nm + "/app-lib/node_modules/evil-dep/package.json", evil.location().file());
        assertEquals(List.of(false, true, true, false), packages.stream().map(Component::direct).toList());
        assertEquals(List.of(new Dependency("pkg:npm/app-lib@2.0.0", "pkg:npm/evil-dep@1.0.1")), r.dependencies());
        List<String> findings = r.findings().stream().map(f -> f.severity().label() + " " + f.ruleId() + " "
                + f.message()).sorted().toList();
        assertEquals(3, findings.size(), findings.toString());
        assertEquals("info installed/install-script evil-dep@1.0.1 ran install-time scripts: postinstall: node "
                + "steal.js", findings.get(0));
        assertTrue(findings.get(1).startsWith("info installed/unverified 1 entry under " + nm
                + ": symbolic links out of the root, not followed: linked-workspace -> ../../packages/"
                + "linked-workspace"), findings.get(1));
        assertTrue(findings.get(2).startsWith("warn installed/unverified broken/package.json is not JSON (line 2)"),
                findings.get(2));
        List<Component> bad = r.components().stream().filter(c -> c.ecosystem() == Ecosystem.OTHER).toList();
        assertEquals(List.of(nm + "/app-lib/node_modules/evil-dep/index.js"),
                bad.stream().map(c -> c.location().file()).toList());
        assertEquals("pkg:npm/evil-dep@1.0.1", bad.get(0).attributes().get("installed:package"));
    }
}
