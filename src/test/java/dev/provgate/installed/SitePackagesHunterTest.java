// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site-packages folder read for the hunt: RECORD digests, its quirks, unclaimed files, start-up hooks. */
class SitePackagesHunterTest {
    @TempDir
    Path tmp;

    private RootResult hunt(Path sitePackages, Set<String> knownBad) {
        List<HuntTarget> targets = HuntTarget.of(sitePackages);
        assertEquals(List.of(HuntTarget.Kind.SITE_PACKAGES), targets.stream().map(HuntTarget::kind).toList());
        return new Hunt(new HuntSettings(1 << 20, knownBad::contains)).run(targets).roots().get(0);
    }

    private static List<String> summary(RootResult r) {
        return r.findings().stream().map(f -> f.severity().label() + " " + f.ruleId() + " "
                + f.component().coordinates() + " " + f.location()).sorted().toList();
    }

    /** A clean environment: pip's own layout and the start-up lines of setuptools and editable installs. */
    private Path clean() {
        Path sp = InstalledTrees.venv(tmp.resolve("clean"));
        InstalledTrees.install(sp, "requests", "2.32.3", Map.of(
                        "requests/__init__.py", "from .api import get\n",
                        "requests/api.py", "def get(url): pass\n",
                        "../../../bin/requests-cli", "#!/venv/bin/python\nimport requests\n"),
                List.of("requests/__pycache__/__init__.cpython-312.pyc"));
        InstalledTrees.install(sp, "setuptools", "70.0.0", Map.of(
                "distutils-precedence.pth", InstalledTrees.DISTUTILS_PRECEDENCE,
                "_distutils_hack/__init__.py", "def add_shim(): pass\n"), List.of());
        InstalledTrees.install(sp, "mypkg", "0.1", Map.of(
                "__editable__.mypkg-0.1.pth",
                "import __editable___mypkg_0_1_finder; __editable___mypkg_0_1_finder.install()\n",
                "__editable___mypkg_0_1_finder.py", "def install(): pass\n"), List.of());
        InstalledTrees.install(sp, "hatch-thing", "1.0", Map.of("_hatch_thing.pth", "/home/dev/src/thing\n"),
                List.of());
        // Compiled later by Python itself, never in RECORD: expected beside claimed sources.
        InstalledTrees.write(sp.resolve("requests/__pycache__/api.cpython-312.pyc"), "compiled later");
        InstalledTrees.write(sp.resolve("__pycache__/__editable___mypkg_0_1_finder.cpython-312.pyc"), "c");
        return sp;
    }

    @Test
    void aCleanEnvironmentHasNothingToSay() {
        RootResult r = hunt(clean(), Set.of());
        assertEquals(List.of(), summary(r));
        assertEquals(List.of("pkg:pypi/hatch-thing@1.0", "pkg:pypi/mypkg@0.1", "pkg:pypi/requests@2.32.3",
                "pkg:pypi/setuptools@70.0.0"), r.components().stream().map(Component::purl).toList());
        assertEquals("python/site-packages", r.format());
        assertEquals(3, r.components().get(2).location().line(), "at the Version header of METADATA");
        assertTrue(r.components().get(2).location().file().endsWith("requests-2.32.3.dist-info/METADATA"));
        assertEquals(r.files() + 1, r.hashed(), "every file, and the script in bin/ that RECORD reaches with ..");
    }

    @Test
    void theInfectedEnvironmentShowsEveryTrace() throws Exception {
        Path sp = InstalledTrees.venv(tmp.resolve("infected"));
        InstalledTrees.install(sp, "litellm", "1.82.8", Map.of(
                        "litellm/__init__.py", "from .main import completion\n",
                        "litellm/proxy/proxy_server.py", "app = None\n",
                        "litellm_init.pth", InstalledTrees.INIT_PTH,
                        "../../../bin/litellm", "#!/venv/bin/python\nfrom litellm import cli\n"),
                List.of("litellm/__pycache__/__init__.cpython-312.pyc"));
        Files.writeString(sp.resolve("litellm/proxy/proxy_server.py"), "app = None\nsteal()\n");
        Files.writeString(sp.resolve("../../../bin/litellm"), "#!/venv/bin/python\nsteal()\n");
        Files.delete(sp.resolve("litellm/__pycache__/__init__.cpython-312.pyc"));
        InstalledTrees.write(sp.resolve("sitecustomize.py"), "import os\n");
        InstalledTrees.write(sp.resolve("payload/run.py"), "x\n");
        InstalledTrees.write(sp.resolve("payload/data.bin"), "y\n");

        RootResult r = hunt(sp, Set.of(InstalledTrees.sha256Hex(InstalledTrees.INIT_PTH)));
        String root = sp.toString();
        String venv = tmp.resolve("infected").toString();
        assertEquals(List.of(
                "block installed/modified litellm@1.82.8 " + venv + "/bin/litellm",
                "block installed/modified litellm@1.82.8 " + root + "/litellm/proxy/proxy_server.py",
                "block installed/startup-code litellm@1.82.8 " + root + "/litellm_init.pth:1",
                "info installed/unrecorded payload/ " + root + "/payload/",
                "info installed/unrecorded sitecustomize.py " + root + "/sitecustomize.py",
                "warn installed/startup-code sitecustomize.py " + root + "/sitecustomize.py:1"), summary(r));
        Finding pth = r.findings().stream().filter(f -> f.ruleId().equals(HuntRules.STARTUP_CODE)
                && f.severity() == Severity.BLOCK).findFirst().orElseThrow();
        assertTrue(pth.message().startsWith("litellm_init.pth runs code at every Python start (installed by "
                + "litellm@1.82.8): line 1: import os, subprocess, sys;"), pth.message());
        Finding payload = r.findings().stream().filter(f -> f.component().name().equals("payload/")).findFirst()
                .orElseThrow();
        assertEquals("payload/ holds 2 files claimed by no installed package's RECORD: payload/data.bin, "
                + "payload/run.py", payload.message());
        List<Component> knownBad = r.components().stream().filter(c -> c.ecosystem() == Ecosystem.OTHER).toList();
        assertEquals(1, knownBad.size(), "the .pth file carries its digest to the advisory stage");
        assertEquals(root + "/litellm_init.pth", knownBad.get(0).location().file());
        assertEquals("pkg:pypi/litellm@1.82.8", knownBad.get(0).attributes().get("installed:package"));
        assertEquals(InstalledTrees.sha256Hex(InstalledTrees.INIT_PTH), knownBad.get(0).hashes().get(0).hex());
    }

    @Test
    void missingFilesAreNotedOnceAndUnverifiableRowsSaySo() throws Exception {
        Path sp = InstalledTrees.venv(tmp.resolve("gaps"));
        InstalledTrees.install(sp, "pkg", "1.0", Map.of("pkg/a.py", "a\n", "pkg/b.py", "b\n",
                "../../../bin/pkg", "#!python\n"), List.of());
        Files.delete(sp.resolve("pkg/a.py"));
        Files.delete(sp.resolve("../../../bin/pkg"));
        Path record = sp.resolve("pkg-1.0.dist-info/RECORD");
        Files.writeString(record, Files.readString(record) + "pkg/c.py,,\npkg/d.py,md5=abc,3\nbroken\n",
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        InstalledTrees.write(sp.resolve("pkg/c.py"), "c\n");
        InstalledTrees.write(sp.resolve("pkg/d.py"), "d\n");

        List<Finding> f = hunt(sp, Set.of()).findings();
        Finding missing = f.stream().filter(x -> x.ruleId().equals(HuntRules.MISSING)).findFirst().orElseThrow();
        assertEquals("2 files that pkg@1.0's RECORD lists are missing: pkg/a.py, ../../../bin/pkg",
                missing.message());
        assertEquals(sp + "/pkg-1.0.dist-info/RECORD", missing.location().file());
        List<String> unverified = f.stream().filter(x -> x.ruleId().equals(HuntRules.UNVERIFIED))
                .map(Finding::message).sorted().toList();
        assertEquals(List.of("2 files that pkg@1.0's RECORD lists could not be verified: pkg/c.py (RECORD gives no "
                        + "digest), pkg/d.py (unknown digest algorithm md5)",
                "pkg-1.0.dist-info/RECORD line 9: not a CSV row path,hash,size; that row is not verified"),
                unverified);
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.INFO), f.toString());
    }

    @Test
    void aRecordPathThatLeavesTheEnvironmentIsNotRead() throws Exception {
        Path sp = InstalledTrees.venv(tmp.resolve("env"));
        InstalledTrees.install(sp, "odd", "1.0", Map.of("odd.py", "x\n"), List.of());
        Path record = sp.resolve("odd-1.0.dist-info/RECORD");
        Files.writeString(record, Files.readString(record) + "../../../../outside.txt,sha256=AAAA,1\n"
                + "/etc/passwd,sha256=AAAA,1\n");
        InstalledTrees.write(tmp.resolve("outside.txt"), "not ours");
        List<Finding> f = hunt(sp, Set.of()).findings();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("../../../../outside.txt (outside the environment "), f.get(0).message());
        assertTrue(f.get(0).message().contains("/etc/passwd (outside the environment"), f.get(0).message());
    }

    @Test
    void symbolicLinksAreNeverFollowed() throws Exception {
        Path sp = InstalledTrees.venv(tmp.resolve("links"));
        InstalledTrees.install(sp, "pkg", "1.0", Map.of("pkg/a.py", "a\n"), List.of());
        InstalledTrees.write(tmp.resolve("elsewhere/secret.pth"), InstalledTrees.INIT_PTH);
        Files.createSymbolicLink(sp.resolve("linked.pth"), tmp.resolve("elsewhere/secret.pth"));
        Files.createSymbolicLink(sp.resolve("pkg/escape"), tmp.resolve("elsewhere"));
        RootResult r = hunt(sp, Set.of(InstalledTrees.sha256Hex(InstalledTrees.INIT_PTH)));
        assertEquals(List.of(
                "info installed/unverified pkg/escape " + sp + "/pkg/escape",
                "warn installed/unverified linked.pth " + sp + "/linked.pth"), summary(r));
        assertTrue(r.components().stream().noneMatch(c -> c.ecosystem() == Ecosystem.OTHER), "nothing read");
    }

    @Test
    void distributionsWithoutRecordVouchForNothingButClaimTheirTopLevelNames() {
        Path sp = tmp.resolve("dist-packages");
        InstalledTrees.write(sp.resolve("apt_pkg-2.0.egg-info/PKG-INFO"), "Name: apt-pkg\nVersion: 2.0\n");
        InstalledTrees.write(sp.resolve("apt_pkg-2.0.egg-info/top_level.txt"), "apt_pkg\n");
        InstalledTrees.write(sp.resolve("apt_pkg/__init__.py"), "x\n");
        InstalledTrees.write(sp.resolve("apt_pkg.cpython-312-x86_64-linux-gnu.so"), "elf\n");
        InstalledTrees.write(sp.resolve("old-1.0-py3.8.egg-info"), "Metadata-Version: 1.0\nName: old\nVersion: 1.0\n");
        RootResult r = hunt(sp, Set.of());
        assertEquals(List.of("pkg:pypi/apt-pkg@2.0", "pkg:pypi/old@1.0"),
                r.components().stream().map(Component::purl).toList());
        assertEquals(List.of(
                "info installed/unverified apt-pkg@2.0 " + sp + "/apt_pkg-2.0.egg-info/PKG-INFO:2",
                "info installed/unverified old@1.0 " + sp + "/old-1.0-py3.8.egg-info:3"), summary(r));
    }

    /** Debian's dh-python: RECORD digests in hex, no INSTALLER, compiled modules stripped after the build. */
    @Test
    void systemPackagedDistributionsKeepTheirQuirks() throws Exception {
        Path sp = tmp.resolve("dist-packages");
        InstalledTrees.install(sp, "PyYAML", "6.0", Map.of("yaml/__init__.py", "x\n",
                "yaml/_yaml.cpython-311-x86_64-linux-gnu.so", "unstripped", "yaml/cacert.pem", "ca"), List.of());
        Files.delete(sp.resolve("PyYAML-6.0.dist-info/INSTALLER"));
        Path record = sp.resolve("PyYAML-6.0.dist-info/RECORD");
        String hex = "yaml/__init__.py,sha256=" + InstalledTrees.sha256Hex("x\n") + ",2";
        Files.writeString(record, Files.readString(record).lines()
                .filter(l -> !l.startsWith("PyYAML-6.0.dist-info/INSTALLER,"))
                .map(l -> l.startsWith("yaml/__init__.py,") ? hex : l)
                .reduce("", (a, b) -> a + b + "\n"));
        Files.writeString(sp.resolve("yaml/_yaml.cpython-311-x86_64-linux-gnu.so"), "stripped");
        Files.writeString(sp.resolve("yaml/cacert.pem"), "ca and one more");
        assertEquals(List.of(
                "block installed/modified PyYAML@6.0 " + sp + "/yaml/cacert.pem",
                "warn installed/modified PyYAML@6.0 " + sp + "/yaml/_yaml.cpython-311-x86_64-linux-gnu.so"),
                summary(hunt(sp, Set.of())), "the hex digest of __init__.py matches");
    }

    /** What site.py would run, seen as it sees it: a line hidden after a lone CR, a BOM before the import. */
    @Test
    void startupLinesCannotHideBehindLineEndingsOrABom() {
        Path sp = InstalledTrees.venv(tmp.resolve("hidden"));
        InstalledTrees.write(sp.resolve("paths.pth"), "/opt/lib\rimport evil; evil.run()\n");
        InstalledTrees.write(sp.resolve("bom.pth"), "\uFEFFimport evil\n");
        InstalledTrees.write(sp.resolve("fine.pth"), "# import os\n /indented/import path\nimportlib-path\n");
        List<String> startup = hunt(sp, Set.of()).findings().stream()
                .filter(f -> f.ruleId().equals(HuntRules.STARTUP_CODE)).map(f -> f.location().toString()).toList();
        assertEquals(List.of(sp + "/bom.pth:1", sp + "/paths.pth:2"), startup);
    }
}
