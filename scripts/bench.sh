#!/usr/bin/env bash
# Whole-process benchmark: runs a provgate command N times through the launcher and reports the median wall
# time and the median peak RSS (from /usr/bin/time). Usage:
#   scripts/bench.sh [-n RUNS] -- provgate-args...
# Example:
#   scripts/bench.sh -n 11 -- sbom ../shared/corpus/npm/package-lock-v1/mongodb-compass-2021__package-lock.json
set -euo pipefail
runs=11
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "usage: $0 [-n RUNS] -- provgate-args..." >&2; exit 2 ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-n RUNS] -- provgate-args..." >&2; exit 2; }
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$home/cli/provgate"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

# Warm-up: builds the jar and the class-data archive if needed, and fills the page cache.
"$launcher" "$@" >/dev/null 2>&1 || true

samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$samples.one" "$launcher" "$@" >/dev/null 2>&1 || true
    cat "$samples.one" >> "$samples"
done
rm -f "$samples.one"
python3 - "$samples" "$runs" "$*" <<'PY'
import statistics, sys
# time(1) adds "Command exited with non-zero status N" when the command fails (check exits 1 when it blocks).
rows = [line.split() for line in open(sys.argv[1]) if line.strip() and not line.startswith("Command ")]
wall = [float(r[0]) for r in rows]
rss = [int(r[1]) / 1024 for r in rows]
print(f"provgate {sys.argv[3]}")
print(f"runs: {sys.argv[2]}  wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}, max {max(wall):.3f})"
      f"  peak RSS median {statistics.median(rss):.0f} MB (max {max(rss):.0f})")
PY
