#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write N synthetic OSV records (for benchmarks only: no real package is named) into a zip or a folder tree.

Usage: scripts/advisories/make_synthetic.py N OUT.zip|OUTDIR [--names FILE]
Layout: osv/malicious/<ecosystem>/<name>/MAL-SYN-<i>.json, as OpenSSF malicious-packages does. Records cycle
through npm, PyPI and Maven and through the shapes provgate evaluates: a versions list, a SEMVER or ECOSYSTEM range
with introduced/fixed, last_affected, introduced 0. Package names are syn-<ecosystem>-<k> (about two records per
package); --names FILE (one "ecosystem name" per line) mixes in names a benchmark lockfile uses, so some match.
Import with: provgate advisories import OUT.zip --db-dir DIR
"""
import json
import os
import sys
import zipfile

ECOSYSTEMS = ("npm", "PyPI", "Maven")


def record(i, ecosystem, name):
    major, minor = i % 7, i % 13
    shape = i % 4
    affected = {"package": {"ecosystem": ecosystem, "name": name}}
    kind = "SEMVER" if ecosystem == "npm" else "ECOSYSTEM"
    if shape == 0:
        affected["versions"] = [f"{major}.{minor}.{p}" for p in range(3)]
    elif shape == 1:
        affected["ranges"] = [{"type": kind, "events": [{"introduced": f"{major}.{minor}.0"},
                                                       {"fixed": f"{major}.{minor + 1}.0"}]}]
    elif shape == 2:
        affected["ranges"] = [{"type": kind, "events": [{"introduced": f"{major}.0.0"},
                                                       {"last_affected": f"{major}.{minor}.5"}]}]
    else:
        affected["ranges"] = [{"type": kind, "events": [{"introduced": "0"}]}]
    day = 1 + i % 28
    return {"schema_version": "1.5.0", "id": f"MAL-SYN-{i}", "aliases": [f"GHSA-syn-{i}"],
            "published": f"2025-01-{day:02d}T00:00:00Z", "modified": f"2025-02-{day:02d}T00:00:00Z",
            "summary": "synthetic benchmark record", "affected": [affected]}


def package_name(ecosystem, k):
    return f"org.synthetic:syn-{k}" if ecosystem == "Maven" else f"syn-{ecosystem.lower()}-{k}"


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    n, out = int(argv[0]), argv[1]
    extra = []
    if "--names" in argv:
        with open(argv[argv.index("--names") + 1], encoding="utf-8") as f:
            extra = [tuple(line.split(None, 1)) for line in f if line.strip()]
    zf = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) if out.endswith(".zip") else None
    for i in range(n):
        if extra and i % 50 == 0:
            ecosystem, name = extra[(i // 50) % len(extra)]
            name = name.strip()
        else:
            ecosystem = ECOSYSTEMS[i % 3]
            name = package_name(ecosystem, i // 2)
        path = f"osv/malicious/{ecosystem.lower()}/{name}/MAL-SYN-{i}.json"
        data = json.dumps(record(i, ecosystem, name), indent=1)
        if zf:
            zf.writestr(path, data)
        else:
            os.makedirs(os.path.join(out, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(out, path), "w", encoding="utf-8") as f:
                f.write(data)
    if zf:
        zf.close()
    print(f"wrote {n} synthetic records to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
