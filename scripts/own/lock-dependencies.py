#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes lockfile.json (the maven-lockfile format provgate reads) for provgate's own runtime dependencies.

The coordinates come from `mvn dependency:list` (runtime scope, offline); the checksums from cli/dependencies.sha256,
the pins the launcher checks before it loads any jar, so the two files cannot drift apart: a jar without a pin is an
error. Run after `java cli/PinnedDependencies.java write ...` whenever pom.xml changes:

    python3 scripts/own/lock-dependencies.py            # rewrites lockfile.json at the repository's top level
    python3 scripts/own/lock-dependencies.py --check    # exit 1 when lockfile.json is not what it would write
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
LINE = re.compile(r"^\s+([^:\s]+):([^:\s]+):([^:\s]+)(?::([^:\s]+))?:([^:\s]+):(compile|runtime)\b")


def dependencies():
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        subprocess.run(["mvn", "-B", "-q", "-o", "dependency:list", "-DincludeScope=runtime",
                        "-DoutputFile=" + out.name], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        text = pathlib.Path(out.name).read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            group, artifact, kind, classifier, version, scope = m.groups()
            found.append((group, artifact, version, classifier or "", scope))
    return sorted(found)


def pins():
    out = {}
    for line in (ROOT / "cli" / "dependencies.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(None, 1)
        out[name.strip()] = digest
    return out


def lockfile():
    pinned = pins()
    entries = []
    for group, artifact, version, classifier, scope in dependencies():
        jar = artifact + "-" + version + ("-" + classifier if classifier else "") + ".jar"
        if jar not in pinned:
            sys.exit("lock-dependencies: " + jar + " is not pinned in cli/dependencies.sha256 (re-pin first)")
        entry = {"groupId": group, "artifactId": artifact, "version": version, "checksumAlgorithm": "SHA-256",
                 "checksum": pinned.pop(jar), "scope": scope, "selectedVersion": version, "included": True,
                 "children": []}
        if classifier:
            entry["classifier"] = classifier
        entries.append(entry)
    if pinned:
        sys.exit("lock-dependencies: pinned but not a runtime dependency: " + ", ".join(sorted(pinned)))
    return {"artifactId": "provgate", "groupId": "dev.provgate", "version": "0.1.0-SNAPSHOT", "lockFileVersion": 1,
            "dependencies": entries}


def main():
    text = json.dumps(lockfile(), indent=2, sort_keys=False) + "\n"
    target = ROOT / "lockfile.json"
    if "--check" in sys.argv[1:]:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            sys.exit("lockfile.json is not in step with pom.xml and cli/dependencies.sha256: "
                     "run python3 scripts/own/lock-dependencies.py")
        return
    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
