#!/usr/bin/env bash
# Org-scan benchmark: generates bare repositories with lockfile histories (scripts/bench/gen_org_repos.py, git
# fast-import), scans them with `provgate scan-org` into a fresh SQLite store, rescans with nothing changed, and
# prints repositories per second, the rescan's share of the first scan and the store's size. Two calibration sets
# (many plain commits; every commit a lockfile change) separate the per-repository, per-commit and per-blob costs,
# from which it projects a first scan of a larger organisation on N shards.
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
    [ -s "$dir/$1.json" ] || python3 "$home/scripts/bench/gen_org_repos.py" "$dir/$1" "$2" "$3" "$4" "$5" > "$dir/$1.json"
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
"$launcher" --version > /dev/null      # builds the jar and its class-data archive outside the timings
rm -f "$dir/results" "$dir"/*.sqlite*
for set in org plain locks; do
    echo "scanning $set ..." >&2
    scan "$set" first
done
echo "rescanning org ..." >&2
scan org rescan

python3 - "$dir" "$p_repos" "$p_years" "$p_cpy" "$p_share" "$shards" "$(nproc)" <<'PY'
import glob, json, os, sqlite3, sys
d, p_repos, p_years, p_cpy, p_share, shards, cores = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), \
    float(sys.argv[4]), float(sys.argv[5]), [int(s) for s in sys.argv[6].split(",")], sys.argv[7]
runs = {}
for line in open(os.path.join(d, "results")):
    name, run, secs, kb = line.split()
    runs[(name, run)] = (float(secs), int(kb))

def stored(name):
    con = sqlite3.connect(os.path.join(d, name + ".sqlite"))
    q = lambda sql: con.execute(sql).fetchone()[0]
    counts = {"repositories": q("SELECT COUNT(*) FROM repositories"), "commits": q("SELECT COUNT(*) FROM commits"),
              "blobs": q("SELECT COUNT(*) FROM blobs"), "packages": q("SELECT COUNT(*) FROM blob_packages"),
              "intervals": q("SELECT COUNT(*) FROM intervals")}
    con.close()
    counts["bytes"] = sum(os.path.getsize(f) for f in glob.glob(os.path.join(d, name + ".sqlite*")))
    return counts

sets = {}
for name in ("org", "plain", "locks"):
    sets[name] = dict(json.load(open(os.path.join(d, name + ".json"))), **stored(name))
    sets[name]["seconds"], sets[name]["kb"] = runs[(name, "first")]

org = sets["org"]
first, rescan = org["seconds"], runs[("org", "rescan")][0]
print(f"scan-org on {org['repositories']} generated repositories ({org['commits']} commits, "
      f"{org['lockfile_commits']} changing a lockfile, {org['lockfile_blobs']} lockfile blobs), {cores} cores:")
print(f"  first scan   {first:8.1f} s   {org['repositories'] / first:7.1f} repositories/s   "
      f"peak RSS {org['kb'] / 1024:.0f} MB")
print(f"  rescan       {rescan:8.1f} s   {100 * rescan / first:7.1f} % of the first scan (nothing changed)")
print(f"  store        {org['bytes'] / 1e6:8.1f} MB  SQLite: {org['commits']} commits, {org['blobs']} blobs, "
      f"{org['packages']} blob packages, {org['intervals']} intervals "
      f"({org['bytes'] / max(org['blobs'], 1) / 1024:.1f} KB per blob)")

# seconds = r * repositories + c * commits + b * lockfile blobs, solved from the three sets (Cramer's rule).
rows = [[s["repositories"], s["commits"], s["lockfile_blobs"], s["seconds"]] for s in sets.values()]
det = lambda m: (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                 + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
a = [r[:3] for r in rows]
y = [r[3] for r in rows]
D = det(a)
r, c, b = (det([[y[i] if j == k else a[i][j] for j in range(3)] for i in range(3)]) / D for k in range(3))
for name, s in sets.items():
    print(f"  set {name:6s} {s['repositories']:5d} repositories {s['commits']:7d} commits "
          f"{s['lockfile_blobs']:7d} blobs {s['seconds']:7.1f} s")
print(f"measured costs (wall, --jobs default on {cores} cores): {r * 1000:.2f} ms per repository, "
      f"{c * 1000:.3f} ms per commit, {b * 1000:.3f} ms per lockfile blob")
if min(r, c, b) < 0:
    print("  (a negative cost means the sets were too small or the machine too busy to separate them; "
          "rerun on a quiet machine)")
commits = p_years * p_cpy
blobs = commits * p_share
per_repo = max(r, 0) + max(c, 0) * commits + max(b, 0) * blobs
bytes_per_blob = org["bytes"] / max(org["blobs"], 1)
print(f"projection: {p_repos} repositories x {p_years:g} years x {p_cpy:g} commits a year "
      f"({commits:g} commits, {blobs:g} lockfile blobs each), machines like this one:")
for n in shards:
    hours = p_repos / n * per_repo / 3600
    print(f"  {n:3d} shard(s): first scan {hours:7.2f} h per shard; store about "
          f"{p_repos * blobs * bytes_per_blob / 1e9:.1f} GB")
print(f"  a rescan with nothing changed costs about {100 * rescan / first:.0f} % of a first scan of the same "
      f"repositories here; with new commits, add their per-commit and per-blob costs")
PY
