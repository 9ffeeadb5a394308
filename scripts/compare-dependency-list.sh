#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks that provgate resolves this repository's own pom.xml as Maven does: offline, from the local repository
# the build has filled, `provgate inventory pom.xml --offline` must give the same
# group:artifact[:classifier]:version:scope set as `mvn dependency:list` (all scopes, test included).
# Run from anywhere after a build; exit 0 when the sets are equal, 1 with the differences otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/compare-dependency-list
mkdir -p "$out"

mvn -B -q -Dstyle.color=never dependency:list -DincludeScope=test -DoutputFile="$out/mvn.txt"
mvn -B -q -Dstyle.color=never package -DskipTests
java -jar target/provgate.jar inventory pom.xml --offline --format json > "$out/provgate.json"

python3 - "$out/mvn.txt" "$out/provgate.json" <<'PY'
import json
import sys

def from_maven(path):
    found = set()
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("The following"):
            continue
        parts = line.split(" ")[0].split(":")
        if len(parts) == 5:
            group, artifact, _type, version, scope = parts
            classifier = ""
        else:
            group, artifact, _type, classifier, version, scope = parts
        found.add(f"{group}:{artifact}:{classifier}:{version}:{scope}")
    return found

def from_provgate(path):
    found = set()
    for lockfile in json.load(open(path, encoding="utf-8"))["lockfiles"]:
        for c in lockfile["components"]:
            a = c["attributes"]
            found.add(f"{c['name']}:{a.get('maven:classifier', '')}:{c['version']}:{a.get('maven:scope', '')}")
    return found

maven, provgate = from_maven(sys.argv[1]), from_provgate(sys.argv[2])
for only, label in ((maven - provgate, "only in mvn dependency:list"), (provgate - maven, "only in provgate")):
    for entry in sorted(only):
        print(f"{label}: {entry}")
if maven != provgate:
    sys.exit(1)
print(f"same {len(maven)} group:artifact:classifier:version:scope entries")
PY
