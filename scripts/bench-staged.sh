#!/usr/bin/env bash
# Pre-commit benchmark: the whole process of `provgate check --staged` (launcher, JVM start, git index, parse,
# compare with HEAD, check) with one version changed in a generated package-lock.json of ENTRIES packages
# (default 3,600), next to the start-up floor `provgate --version`. Median and spread over RUNS runs, with
# hyperfine when it is installed (apt-get install hyperfine), else a timed loop. Usage:
#   scripts/bench-staged.sh [-n RUNS] [ENTRIES]
set -euo pipefail
runs=21
if [ "${1:-}" = "-n" ]; then
    runs="$2"
    shift 2
fi
entries="${1:-3600}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$home/cli/provgate"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A package-lock v3 of ENTRIES registry packages, each depending on the next; then one version moves.
lockfile() {
    python3 - "$entries" "$1" > "$work/repo/package-lock.json" <<'PY'
import base64, hashlib, json, sys
n, moved = int(sys.argv[1]), sys.argv[2]
packages = {"": {"name": "bench", "version": "1.0.0", "dependencies": {"pkg-00000": "^1.0.0"}}}
for i in range(n):
    name = f"pkg-{i:05d}"
    version = "1.0.1" if moved == "moved" and i == n // 2 else "1.0.0"
    entry = {"version": version,
             "resolved": f"https://npm.registry.invalid/{name}/-/{name}-{version}.tgz",
             "integrity": "sha512-" + base64.b64encode(hashlib.sha512(f"{name}@{version}".encode()).digest()).decode()}
    if i + 1 < n:
        entry["dependencies"] = {f"pkg-{i + 1:05d}": "^1.0.0"}
    packages[f"node_modules/{name}"] = entry
json.dump({"name": "bench", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages},
          sys.stdout, indent=2)
PY
}

mkdir "$work/repo"
lockfile base
git -C "$work/repo" init -q
git -C "$work/repo" add package-lock.json
git -C "$work/repo" -c user.name=bench -c user.email=bench@example.invalid commit -q -m base
lockfile moved
git -C "$work/repo" add package-lock.json

cd "$work/repo"
"$launcher" --version >/dev/null                     # builds the jar and the class-data archive if needed
"$launcher" check --staged --no-policy >/dev/null || { echo "bench: check --staged failed" >&2; exit 1; }
echo "package-lock.json: $entries packages, $(wc -c < package-lock.json) bytes, one version changed and staged"

if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/times.json" \
        "$launcher --version" "$launcher check --staged --no-policy" >/dev/null
    python3 - "$work/times.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print(f"{r['command'].split('/')[-1]:45s} median {r['median']:.3f} s  min {t[0]:.3f}  max {t[-1]:.3f}"
          f"  stddev {r['stddev']:.3f}  CPU (user+sys, mean) {r['user'] + r['system']:.3f} s  ({len(t)} runs)")
PY
else
    for args in "--version" "check --staged --no-policy"; do
        for _ in $(seq "$runs"); do
            start=$(date +%s.%N)
            # shellcheck disable=SC2086 # the arguments are split on purpose
            "$launcher" $args >/dev/null 2>&1 || true
            echo "$(date +%s.%N) - $start" | bc
        done | sort -n | awk -v a="provgate $args" '{t[NR]=$1} END {printf "%-45s median %.3f s  min %.3f  max %.3f  (%d runs)\n", a, t[int((NR+1)/2)], t[1], t[NR], NR}'
    done
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
