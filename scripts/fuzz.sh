#!/usr/bin/env bash
# The long run of provgate's mutation fuzzer (the build runs a bounded one: FuzzSmokeTest). Every parser, the policy
# loader and the OSV, indicators and bundle readers get an equal share of the time; seeds are the project's fixtures
# and, when present, the real-world corpus in ../shared, read in place. Inputs that break the contract (anything but
# a parse or a one-line input error, or more than 5 s) are written to target/fuzz-failures/.
# Usage: scripts/fuzz.sh [SECONDS] [SEED]      (default 300 s, seed from the clock; the run prints it)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-300}"
seed="${2:-$(date +%s)}"
cd "$home"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz.classpath \
    -Dmdep.includeScope=test >/dev/null
exec java -Xss4m -Xmx2g -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" \
    dev.provgate.fuzz.FuzzMain "$seconds" "$seed"
