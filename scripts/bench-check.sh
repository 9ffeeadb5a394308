#!/usr/bin/env bash
# Whole-process benchmark of `provgate check` (issue 5): a 3,000-package lockfile against an imported database of
# 200,000 generated advisories. The set-up (generating the records, importing them) is cached under target/bench/;
# the timing is scripts/bench.sh (median wall and peak RSS over N runs through the launcher, with its AppCDS archive).
# Usage: scripts/bench-check.sh [-n RUNS] [LOCKFILE]
# Default lockfile: ../shared/corpus/npm/package-lock-v1/mongodb-compass-2021__package-lock.json (3,001 entries).
# One record in 50 is named after a package of the lockfile (scripts/advisories/make_synthetic.py --names), so the
# check really finds matches; the run prints how many findings the report holds.
set -euo pipefail
runs=11
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lockfile="${1:-$home/../shared/corpus/npm/package-lock-v1/mongodb-compass-2021__package-lock.json}"
[ -f "$lockfile" ] || { echo "bench-check: no lockfile $lockfile" >&2; exit 2; }
records=200000
work="$home/target/bench"
# One database per lockfile: its names are mixed into the generated records.
db="$work/db-$records-$(basename "$lockfile")"
mkdir -p "$work"

if [ ! -f "$db/index.bin" ] || [ "$lockfile" -nt "$db/index.bin" ]; then
    names="$work/names.txt"
    # The npm package names of the lockfile (v1 nested "dependencies" or v2/v3 "packages"), sorted.
    python3 - "$lockfile" > "$names" <<'PY'
import json, sys
lock = json.load(open(sys.argv[1], encoding="utf-8"))
names = set()
def walk(deps):
    for name, entry in (deps or {}).items():
        names.add(name)
        walk(entry.get("dependencies"))
walk(lock.get("dependencies"))
for path in lock.get("packages", {}):
    if "node_modules/" in path:
        names.add(path.rsplit("node_modules/", 1)[1])
for name in sorted(names):
    print("npm", name)
PY
    echo "bench-check: generating $records records ($(wc -l < "$names") lockfile names mixed in) ..." >&2
    python3 "$home/scripts/advisories/make_synthetic.py" "$records" "$work/synthetic.zip" --names "$names" >&2
    rm -rf "$db"
    echo "bench-check: importing into $db ..." >&2
    "$home/cli/provgate" advisories import "$work/synthetic.zip" --db-dir "$db" >&2
    rm -f "$work/synthetic.zip"
fi

# Corpus files are named PROJECT__LOCKFILE-NAME: check a copy under its real name (target/bench/project/).
project="$work/project"
rm -rf "$project"
mkdir -p "$project"
cp "$lockfile" "$project/$(basename "$lockfile" | sed 's/^.*__//')"
# The launcher rebuilds its class-data archive only when it rebuilds the jar itself; an archive older than a jar that
# 'mvn package' rebuilt no longer matches it (and the JVM would then run without it): drop it so it is trained again.
if [ -f "$home/target/provgate.jsa" ] && [ "$home/target/provgate.jsa" -ot "$home/target/provgate.jar" ]; then
    rm -f "$home/target/provgate.jsa"
fi
args=(check --no-policy --db-dir "$db" --fail-on warn --format json "$project")
report="$work/report.json"
"$home/cli/provgate" "${args[@]}" > "$report" 2>/dev/null || true
findings=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summaryLine"])' "$report" || echo "?")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "report: $findings"
"$home/scripts/bench.sh" -n "$runs" -- "${args[@]}"
