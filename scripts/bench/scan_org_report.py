#!/usr/bin/env python3
"""The figures of scripts/bench-scan-org.sh, from the results and stores it left in its folder (so they can be
computed again, or with other projection parameters, without scanning again).

Usage: scan_org_report.py DIR PROJECT_REPOS PROJECT_YEARS PROJECT_COMMITS_PER_YEAR PROJECT_LOCKFILE_SHARE SHARDS CORES
"""
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
    counts = {"stored_repositories": q("SELECT COUNT(*) FROM repositories"),
              "stored_commits": q("SELECT COUNT(*) FROM commits"), "blobs": q("SELECT COUNT(*) FROM blobs"),
              "packages": q("SELECT COUNT(*) FROM blob_packages"), "intervals": q("SELECT COUNT(*) FROM intervals")}
    con.close()
    counts["bytes"] = sum(os.path.getsize(f) for f in glob.glob(os.path.join(d, name + ".sqlite*")))
    return counts

sets = {}
for name in ("org", "plain", "locks", "one"):
    sets[name] = dict(json.load(open(os.path.join(d, name + ".json"))), **stored(name))
    sets[name]["seconds"], sets[name]["kb"] = runs[(name, "first")]

org = sets["org"]
first, rescan = org["seconds"], runs[("org", "rescan")][0]
print(f"scan-org on {org['repositories']} generated repositories ({org['commits']} commits, "
      f"{org['lockfile_commits']} changing a lockfile, {org['lockfile_blobs']} lockfile blobs), {cores} cores:")
print(f"  first scan   {first:8.1f} s   {org['repositories'] / first:7.1f} repositories/s   "
      f"peak RSS {org['kb'] / 1024:.0f} MB")
print(f"  rescan       {rescan:8.1f} s   {100 * rescan / first:7.1f} % of the first scan (nothing changed)")
print(f"  store        {org['bytes'] / 1e6:8.1f} MB  SQLite: {org['stored_commits']} commits that changed a lockfile, "
      f"{org['blobs']} blobs, "
      f"{org['packages']} blob packages, {org['intervals']} intervals "
      f"({org['bytes'] / max(org['blobs'], 1) / 1024:.1f} KB per blob)")

# seconds = k + r * repositories + c * commits + b * lockfile blobs: k (starting the JVM, opening the store) is
# the time of the one-repository set; r, c and b are solved from the other three (Cramer's rule).
k = sets["one"]["seconds"]
rows = [[s["repositories"], s["commits"], s["lockfile_blobs"], s["seconds"] - k]
        for name, s in sets.items() if name != "one"]
det = lambda m: (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                 + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
a = [r[:3] for r in rows]
y = [r[3] for r in rows]
D = det(a)
r, c, b = (det([[y[i] if j == k else a[i][j] for j in range(3)] for i in range(3)]) / D for k in range(3))
for name, s in sets.items():
    print(f"  set {name:6s} {s['repositories']:5d} repositories {s['commits']:7d} commits "
          f"{s['lockfile_blobs']:7d} blobs {s['seconds']:7.1f} s")
print(f"measured costs (wall, --jobs default on {cores} cores): {k:.2f} s per run, {r * 1000:.2f} ms per repository, "
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
rescan_per_repo = max(rescan - k, 0) / org["repositories"]
for n in shards:
    hours = (k + p_repos / n * per_repo) / 3600
    again = k + p_repos / n * rescan_per_repo
    print(f"  {n:3d} shard(s): first scan {hours:7.2f} h per shard, rescan with nothing changed {again:6.0f} s "
          f"per shard; store about {p_repos * blobs * bytes_per_blob / 1e9:.1f} GB")
print(f"  (a rescan costs {rescan_per_repo * 1000:.1f} ms per unchanged repository here, whatever its history; "
      f"new commits add their per-commit and per-blob costs)")
