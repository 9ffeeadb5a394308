// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Location;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparison behind diff and check --baseline: by version, digest and source, never by name and version alone. */
class InventoryComparisonTest {
    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final String SHA1 = "c".repeat(40);

    static Component pkg(Ecosystem e, String name, String version, Hash... hashes) {
        return Component.builder(e, name, version).hashes(List.of(hashes)).location(new Location("lock", 1))
                .build();
    }

    static Component npm(String name, String version, Hash... hashes) {
        return pkg(Ecosystem.NPM, name, version, hashes);
    }

    static Hash sha256(String hex) {
        return new Hash(HashAlgorithm.SHA256, hex);
    }

    static List<String> changes(List<Component> base, List<Component> head) {
        return InventoryComparison.withoutTiers().compare("lock", true, base, head).changes().stream()
                .map(c -> c.kind().id() + " " + c.summary()).toList();
    }

    @Test
    void versionsArePairedInTheEcosystemsOrderFromTheHighestDown() {
        assertEquals(List.of("upgraded left-pad 1.9.0 -> 1.10.0"),
                changes(List.of(npm("left-pad", "1.9.0")), List.of(npm("left-pad", "1.10.0"))));
        assertEquals(List.of("downgraded left-pad 1.10.0 -> 1.9.0"),
                changes(List.of(npm("left-pad", "1.10.0")), List.of(npm("left-pad", "1.9.0"))));
        assertEquals(List.of("upgraded ms 2.0.0 -> 3.0.0", "added ms@2.1.3"),
                changes(List.of(npm("ms", "2.0.0"), npm("ms", "1.0.0")),
                        List.of(npm("ms", "1.0.0"), npm("ms", "2.1.3"), npm("ms", "3.0.0"))));
    }

    @Test
    void aNewDigestForTheSameVersionIsADigestChangeAndNothingInherited() {
        LockfileDiff d = InventoryComparison.withoutTiers().compare("lock", true,
                List.of(npm("x", "1.0.0", sha256(A))), List.of(npm("x", "1.0.0", sha256(B))));
        assertEquals(ChangeKind.DIGEST_CHANGED, d.changes().get(0).kind());
        assertEquals(Set.of(), d.unchanged());
        assertEquals(List.of("digest-changed x@1.0.0"),
                changes(List.of(npm("x", "1.0.0", sha256(A))), List.of(npm("x", "1.0.0", sha256(A), sha256(B)))));
    }

    @Test
    void droppingADigestOrAddingAnotherAlgorithmIsNotADigestChange() {
        assertEquals(List.of(), changes(List.of(npm("x", "1.0.0", sha256(A), sha256(B))),
                List.of(npm("x", "1.0.0", sha256(A)))));
        assertEquals(List.of(), changes(List.of(npm("x", "1.0.0", sha256(A))),
                List.of(npm("x", "1.0.0", sha256(A), new Hash(HashAlgorithm.SHA1, SHA1)))));
        assertEquals(List.of(), changes(List.of(npm("x", "1.0.0")), List.of(npm("x", "1.0.0", sha256(B)))),
                "no digest before: nothing to compare");
    }

    @Test
    void aWeakerAlgorithmDoesNotHideASwappedFileButAStrongerOneIsNoChange() {
        Hash sha1 = new Hash(HashAlgorithm.SHA1, SHA1);
        assertEquals(List.of("digest-changed x@1.0.0"), changes(List.of(npm("x", "1.0.0", sha256(A))),
                List.of(npm("x", "1.0.0", sha1))));
        assertEquals(List.of(), changes(List.of(npm("x", "1.0.0", sha1)), List.of(npm("x", "1.0.0", sha256(A)))),
                "npm regenerating integrity from sha1 to a stronger digest cannot be compared offline");
    }

    @Test
    void anotherSourceForTheSameVersionIsASourceChange() {
        Component before = npm("x", "1.0.0").toBuilder().source(Source.registry("https://a.invalid/x.tgz")).build();
        Component git = npm("x", "1.0.0").toBuilder().source(Source.of(SourceKind.GIT, "git+https://b.invalid/x"))
                .build();
        assertEquals(List.of("source-changed x@1.0.0"), changes(List.of(before), List.of(git)));
    }

    @Test
    void pypiNamesAreComparedNormalised() {
        assertEquals(List.of("upgraded zope.interface 6.0 -> 6.1"),
                changes(List.of(pkg(Ecosystem.PYPI, "Zope_Interface", "6.0")),
                        List.of(pkg(Ecosystem.PYPI, "zope.interface", "6.1"))));
    }

    @Test
    void tiersAreComparedWhenAPolicyPlacesPackages() {
        InventoryComparison byScope = new InventoryComparison(c -> c.scope() == Scope.DEV ? "product" : "critical");
        Component dev = npm("x", "1.0.0").toBuilder().scope(Scope.DEV).build();
        List<PackageChange> changes = byScope.compare("lock", true, List.of(dev), List.of(npm("x", "1.0.0")))
                .changes();
        assertEquals(List.of(ChangeKind.TIER_CHANGED), changes.stream().map(PackageChange::kind).toList());
        assertEquals("product -> critical", changes.get(0).detail());
    }
}
