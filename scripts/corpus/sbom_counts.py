#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Expected numbers for the SBOM corpus tests, worked out apart from the Java readers (standard library only).

Rules (docs/sbom.md, "SBOMs as input"):
- CycloneDX: components counted recursively (nested ones too); SPDX: packages.
- The document's subject (CycloneDX metadata.component, SPDX documentDescribes / DESCRIBES) is not a component.
- An entry is kept when it has a purl, or else a name and a version (a generic purl); otherwise it is dropped.
- Identity for npm, PyPI and Maven purls ignores the subpath and qualifiers, except Maven classifier and a type
  other than jar; other purl types keep their qualifiers.
- Edges: CycloneDX dependsOn; SPDX DEPENDS_ON, CONTAINS, DYNAMIC_LINK, STATIC_LINK (forward) and *DEPENDENCY_OF,
  CONTAINED_BY (reversed), between two kept entries, distinct, no self-edges.
- Direct: the target of an edge from the subject.
- Hashes: algorithms MD5, SHA-1, SHA-256, SHA-384, SHA-512 only.

Usage: sbom_counts.py [CORPUS_DIR]   (default ../shared/corpus/sbom)
"""
import json
import os
import sys
from urllib.parse import unquote

KNOWN_ALGS = {"MD5", "SHA1", "SHA256", "SHA384", "SHA512"}
FORWARD = {"DEPENDS_ON", "CONTAINS", "DYNAMIC_LINK", "STATIC_LINK"}
REVERSE = {"DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "CONTAINED_BY", "OPTIONAL_DEPENDENCY_OF",
           "DEV_DEPENDENCY_OF", "TEST_DEPENDENCY_OF", "BUILD_DEPENDENCY_OF"}


def purl_key(purl):
    rest = purl[len("pkg:"):].split("#", 1)[0]
    rest, _, query = rest.partition("?")
    typ, _, path = rest.partition("/")
    typ = typ.lower()
    path, _, version = path.rpartition("@") if "@" in path.lstrip("@%") else (path, "", "")
    if typ == "npm" and path.startswith("@") and "/" not in path:
        path, version = purl[len("pkg:npm/"):].split("@")[0], ""
    quals = dict(q.split("=", 1) for q in query.split("&") if "=" in q)
    if typ in ("npm", "pypi"):
        quals = {}
    elif typ == "maven":
        quals = {k: v for k, v in quals.items() if k == "classifier" or (k == "type" and v != "jar")}
    parts = [unquote(s) for s in path.split("/")]
    if typ == "pypi":
        parts = [p.lower().replace("_", "-").replace(".", "-") for p in parts]
    return (typ, tuple(parts), unquote(version), tuple(sorted(quals.items())))


def ecosystem(purl):
    typ = purl[len("pkg:"):].split("/", 1)[0].lower()
    return typ if typ in ("npm", "pypi", "maven") else "other"


def alg_ok(alg):
    return alg.upper().replace("-", "").replace("_", "") in KNOWN_ALGS


def summarize(name, entries, edges, subjects):
    """entries: (ref, purl, name, version, hash algs, scope hint)."""
    kept = {}
    kept_list = []
    dropped = 0
    for ref, purl, nm, ver, algs in entries:
        if ref in subjects:
            continue
        if purl:
            key = purl_key(purl)
        elif nm and ver:
            key = ("generic", (nm,), ver, ())
            purl = "pkg:generic/" + nm + "@" + ver
        else:
            dropped += 1
            continue
        kept_list.append((ref, purl, key, algs))
        if ref:
            kept.setdefault(ref, key)
    edge_set = {(kept[a], kept[b]) for a, b in edges if a in kept and b in kept and kept[a] != kept[b]}
    direct_refs = {b for a, b in edges if a in subjects}
    direct = sum(1 for ref, _, _, _ in kept_list if ref in direct_refs)
    eco = {}
    for _, purl, _, _ in kept_list:
        e = ecosystem(purl)
        eco[e] = eco.get(e, 0) + 1
    hashes = sum(sum(1 for a in algs if alg_ok(a)) for _, _, _, algs in kept_list)
    print(f"{name}: kept={len(kept_list)} dropped={dropped} distinct={len({k for _, _, k, _ in kept_list})} "
          f"edges={len(edge_set)} direct={direct} hashes={hashes} ecosystems={dict(sorted(eco.items()))}")


def cyclonedx(path):
    doc = json.load(open(path, encoding="utf-8"))
    subjects = set()
    meta = (doc.get("metadata") or {}).get("component") or {}
    if meta.get("bom-ref"):
        subjects.add(meta["bom-ref"])
    entries = []

    def walk(components):
        for c in components or []:
            entries.append((c.get("bom-ref", ""), c.get("purl", ""), c.get("name", ""), c.get("version", ""),
                            [h.get("alg", "") for h in c.get("hashes", [])]))
            walk(c.get("components"))

    walk(doc.get("components"))
    edges = [(d.get("ref", ""), t) for d in doc.get("dependencies", []) for t in d.get("dependsOn", [])]
    summarize(os.path.basename(path), entries, edges, subjects)


def spdx(path):
    doc = json.load(open(path, encoding="utf-8"))
    subjects = set(doc.get("documentDescribes", []))
    edges = []
    for r in doc.get("relationships", []):
        a, t, b = r["spdxElementId"], r["relationshipType"], r["relatedSpdxElement"]
        if t == "DESCRIBES" and a == "SPDXRef-DOCUMENT":
            subjects.add(b)
        elif t in FORWARD:
            edges.append((a, b))
        elif t in REVERSE:
            edges.append((b, a))
    entries = []
    for p in doc.get("packages", []):
        purls = [r["referenceLocator"] for r in p.get("externalRefs", []) if r.get("referenceType") == "purl"]
        entries.append((p.get("SPDXID", ""), purls[0] if purls else "", p.get("name", ""),
                        p.get("versionInfo", ""), [c.get("algorithm", "") for c in p.get("checksums", [])]))
    summarize(os.path.basename(path), entries, edges, subjects)


def line_of_entry(path, needle):
    """Line of the '{' that opens the object holding the first line containing needle (pretty-printed JSON;
    white space ignored in the comparison)."""
    lines = open(path, encoding="utf-8").read().split("\n")
    compact = "".join(needle.split())
    for i, text in enumerate(lines):
        if compact in "".join(text.split()):
            indent = len(text) - len(text.lstrip())
            for j in range(i, -1, -1):
                t = lines[j]
                if t.strip() in ("{", "{,") and len(t) - len(t.lstrip()) < indent:
                    return j + 1
                if t.rstrip().endswith("{") and len(t) - len(t.lstrip()) < indent and j != i:
                    return j + 1
    return 0


SAMPLES = {
    "cyclonedx/bom-examples-juice-shop-1.4__bom.1.4.json":
        ['"bom-ref": "@babel/parser@7.21.2"', '"bom-ref": "@gar/promisify@1.1.3"'],
    "spdx/guac-kubectl-image-syft__oci-kubectl-linux-amd64-spdx-1.json":
        ['"SPDXID": "SPDXRef-Package-go-module-github.com-spf13-cobra-cdd74e3e2dd586d6"',
         '"SPDXID": "SPDXRef-Package-deb-base-files-d459a17da976b16d"'],
    "cyclonedx/guac-quarkus-maven-plugin-1.4__quarkus-deps-cyclonedx.json":
        ['"purl": "pkg:maven/io.quarkus/quarkus-resteasy-reactive@2.13.4.Final?type=jar"'],
    "cyclonedx/trivy-fluentd-image-1.6__fluentd-multiple-lockfiles.cdx.json":
        ['"bom-ref": "3ff14136-e09f-4df9-80ea-000000000002"', '"purl": "pkg:gem/activesupport@6.0.2.1"'],
    "cyclonedx/cdxgen-java-sec-code-1.5__bom-postgen-test2.json":
        ['"purl": "pkg:maven/org.springframework.boot/spring-boot-starter-web@1.5.1.RELEASE?type=jar"'],
    "spdx/spdx-examples-example11-k8s-bom__sbom.spdx.json": ['"SPDXID": "SPDXRef-Package-SPDXRef-Package-cargo-tokio-1"'],
    "spdx/spdx-examples-example8-maven-plugin__examplemaven-0.0.1.spdx.json": ['"SPDXID": "SPDXRef-junit"'],
}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "corpus", "sbom")
    for f in sorted(os.listdir(os.path.join(root, "cyclonedx"))):
        cyclonedx(os.path.join(root, "cyclonedx", f))
    for f in sorted(os.listdir(os.path.join(root, "spdx"))):
        spdx(os.path.join(root, "spdx", f))
    for rel, needles in SAMPLES.items():
        for n in needles:
            print(f"line of {n} in {rel}: {line_of_entry(os.path.join(root, rel), n)}")


if __name__ == "__main__":
    main()
