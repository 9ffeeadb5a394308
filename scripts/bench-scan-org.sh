#!/usr/bin/env bash
# Org-scan benchmark: generates bare repositories with lockfile histories (scripts/bench/gen_org_repos.py, git
# fast-import), scans them with `provgate scan-org` into a fresh SQLite store, rescans with nothing changed, and
# prints repositories per second, the rescan's share of the first scan and the store's size. Two calibration sets
# (many plain commits; every commit a lockfile change) and a one-repository run (the fixed cost of a run) separate
# the per-repository, per-commit and per-blob costs, from which it projects a first scan of a larger organisation
# on N shards. The figures are printed again from what the run left with scripts/bench/scan_org_report.py.
#
# Usage: scripts/bench-scan-org.sh [-r REPOS] [-j JOBS] [-d DIR] [--project-repos N] [--project-years Y]
#            [--project-commits-per-year C] [--project-lockfile-share S] [--shards 1,8,32]
# Defaults: 1,000 repositories of 20 to 60 commits (a quarter change a lockfile), scanned with the launcher's
# default --jobs; projection for 10,000 repositories x 5 years x 500 commits a year, 10% of them lockfile changes.
set -euo pipefail
repos=1000 jobs="" dir="" p_repos=10000 p_years=5 p_cpy=500 p_share=0.10 shards="1,8,32"
while [ $# -gt 0 ]; do
    case "$1" in
        -r) repos="$2"; shift 2 ;;
        -j) jobs="$2"; shift 2 ;;
        -d) dir="$2"; shift 2 ;;
        --project-repos) p_repos="$2"; shift 2 ;;
        --project-years) p_years="$2"; shift 2 ;;
        --project-commits-per-year) p_cpy="$2"; shift 2 ;;
        --project-lockfile-share) p_share="$2"; shift 2 ;;
        --shards) shards="$2"; shift 2 ;;
        *) sed -n '2,12p' "$0" >&2; exit 2 ;;
    esac
done
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$home/cli/provgate"
command -v git >/dev/null || { echo "bench: git is needed to generate the repositories (git fast-import)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
if [ -z "$dir" ]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/provgate-bench-org.XXXXXX")"
    trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"
job_args=()
[ -z "$jobs" ] || job_args=(--jobs "$jobs")

generate() { # NAME REPOS CMIN CMAX SHARE
    [ -s "$dir/$1.json" ] ||
        python3 "$home/scripts/bench/gen_org_repos.py" "$dir/$1" "$2" "$3" "$4" "$5" > "$dir/$1.json"
}

scan() { # NAME RUN: scans set NAME into its store, appends "NAME RUN seconds peakKB" to the results
    local status=0
    /usr/bin/time -f "%e %M" -o "$dir/time.one" "$launcher" scan-org --db "$dir/$1.sqlite" "${job_args[@]}" \
        --keep-going "$dir/$1" > "$dir/$1.$2.out" 2> "$dir/$1.$2.err" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "bench: scan-org of $1 exited $status:" >&2
        tail -n 5 "$dir/$1.$2.err" >&2
        exit 3
    fi
    echo "$1 $2 $(grep -v '^Command ' "$dir/time.one")" >> "$dir/results"
}

echo "generating in $dir ..." >&2
generate org "$repos" 20 60 0.25
generate plain 100 300 300 0.02
generate locks 100 60 60 1.0
generate one 1 2 2 0.5
"$launcher" --version > /dev/null      # builds the jar and its class-data archive outside the timings
rm -f "$dir/results" "$dir"/*.sqlite*
for set in one org plain locks; do
    echo "scanning $set ..." >&2
    scan "$set" first
done
echo "rescanning org ..." >&2
scan org rescan

python3 "$home/scripts/bench/scan_org_report.py" "$dir" "$p_repos" "$p_years" "$p_cpy" "$p_share" "$shards" "$(nproc)"
