#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate provgate's built-in advisory snapshot from OSV records (facts only, no prose).

Usage: scripts/advisories/make_snapshot.py [SHARED_ADVISORIES_DIR] [--date YYYY-MM-DD]
Default input: ../shared/advisories (osv/<ecosystem>/<name>/<ID>.json|.yaml and indicators.json).
Output: src/main/resources/dev/provgate/advisory/snapshot.json
Keeps ids, aliases, dates, affected packages, versions and ranges, the source path, whether the record is a
malicious-package record (same rule as dev.provgate.advisory.MaliciousRule), known-bad SHA-256 file digests
(from the records' IOCs and from indicators.json) and known-bad GitHub Actions commits (indicators.json's
action_commits, each added as an affected entry listing the commit, as IndicatorsFile.attachCommits does).
Same input and --date, same bytes. Standard library only; YAML via osv_yaml.py.
"""
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import osv_yaml  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT = os.path.join(REPO, "src/main/resources/dev/provgate/advisory/snapshot.json")
# The age facts for `provgate advisories --help` (a resource bundle the command's help text reads).
INFO = os.path.join(REPO, "src/main/resources/dev/provgate/advisory/SnapshotInfo.properties")
EVENT_KINDS = ("introduced", "fixed", "last_affected", "limit")


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith((".yaml", ".yml")):
        return osv_yaml.loads(text)
    return json.loads(text, parse_float=str, parse_int=str)


def is_malicious(rec, source):
    """A record without id is known by its file name (MAL-0000-....json), as provgate names it."""
    ids = [(rec.get("id") or "").strip() or os.path.splitext(os.path.basename(source))[0]]
    ids += list(rec.get("aliases") or [])
    if any(i.startswith("MAL-") for i in ids):
        return True
    specific = rec.get("database_specific") or {}
    if "malicious-packages-origins" in specific or "CWE-506" in (specific.get("cwe_ids") or []):
        return True
    for a in rec.get("affected") or []:
        for cwe in (a.get("database_specific") or {}).get("cwes") or []:
            if cwe.get("cweId") == "CWE-506":
                return True
    return False


def affected_facts(a):
    pkg = a.get("package") or {}
    out = {"package": {"ecosystem": pkg.get("ecosystem", ""), "name": pkg.get("name", "")}}
    if a.get("versions"):
        out["versions"] = [str(v).strip() for v in a["versions"]]
    ranges = []
    for r in a.get("ranges") or []:
        events = []
        for e in r.get("events") or []:
            events.extend({k: str(e[k]).strip()} for k in e if k in EVENT_KINDS)
        ranges.append({"type": r.get("type", ""), "events": events})
    if ranges:
        out["ranges"] = ranges
    return out


def ioc_digests(rec, affected):
    out = []
    for f in ((rec.get("database_specific") or {}).get("iocs") or {}).get("files") or []:
        sha = ((f.get("digests") or {}).get("sha256") or "").lower()
        if len(sha) != 64:
            continue
        name = (f.get("paths") or [""])[0]
        for a in affected:
            if a["package"]["name"]:
                out.append({"ecosystem": a["package"]["ecosystem"], "name": a["package"]["name"],
                            "version": "", "file": name, "sha256": sha})
    return out


def indicator_digests(indicators, rec_ids):
    """Distribution files name their advisories; installed files go with the same package version's advisories."""
    dist = indicators.get("indicators") or []
    out = []
    for i in dist + (indicators.get("installed_files") or []):
        ids = i.get("advisories") or [a for d in dist if (d["ecosystem"], d["name"], d["version"]) ==
                                      (i["ecosystem"], i["name"], i["version"]) for a in d["advisories"]]
        if any(x.upper() in rec_ids for x in ids):
            out.append({"ecosystem": i["ecosystem"], "name": i["name"], "version": i["version"],
                        "file": i.get("file") or i.get("path") or "", "sha256": i["sha256"].lower()})
    return out


def commit_entries(indicators, rec_ids, affected):
    """Known-bad action commits as affected entries of their own, after the record's entries."""
    out = []
    for c in indicators.get("action_commits") or []:
        entry = {"package": {"ecosystem": c["ecosystem"], "name": c["name"]}, "versions": [c["commit"].lower()]}
        if any(x.upper() in rec_ids for x in c.get("advisories") or []) and entry not in affected + out:
            out.append(entry)
    return out


def facts(rec, source, indicators):
    affected = [affected_facts(a) for a in rec.get("affected") or []]
    rec_ids = {x.upper() for x in [rec.get("id") or ""] + list(rec.get("aliases") or []) if x}
    affected += commit_entries(indicators, rec_ids, affected)
    digests = ioc_digests(rec, affected) + indicator_digests(indicators, rec_ids)
    out = {"id": (rec.get("id") or "").strip(), "aliases": sorted(set(rec.get("aliases") or [])),
           "published": rec.get("published") or "", "modified": rec.get("modified") or "",
           "affected": affected,
           "database_specific": {"provgate": {"source": source, "malicious": "true" if is_malicious(rec, source) else "false",
                                              "digests": [dict(t) for t in sorted({tuple(sorted(d.items()))
                                                                                   for d in digests})]}}}
    if rec.get("withdrawn"):
        out["withdrawn"] = rec["withdrawn"]
    return out


def instant(text):
    """An RFC 3339 time as a comparable datetime (fractions and a trailing Z allowed)."""
    return datetime.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def main(argv):
    date = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    args = list(argv)
    if "--date" in args:
        date = args[args.index("--date") + 1]
        del args[args.index("--date"):args.index("--date") + 2]
    root = os.path.abspath(args[0] if args else os.path.join(REPO, "..", "shared", "advisories"))
    indicators_path = os.path.join(root, "indicators.json")
    indicators = load(indicators_path) if os.path.exists(indicators_path) else {}
    records = []
    for d, _, files in sorted(os.walk(os.path.join(root, "osv"))):
        for name in sorted(files):
            if name.endswith((".json", ".yaml", ".yml")):
                path = os.path.join(d, name)
                records.append(facts(load(path), os.path.relpath(path, root).replace(os.sep, "/"), indicators))
    records.sort(key=lambda r: (r["id"], r["database_specific"]["provgate"]["source"]))
    snapshot = {"generated": date, "generator": "scripts/advisories/make_snapshot.py",
                "input": "shared/advisories (OSV records and indicators.json)", "records": records}
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(snapshot, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    newest = max((r["modified"] for r in records if r["modified"]), key=instant, default="unknown")
    with open(INFO, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/advisories/make_snapshot.py with snapshot.json; do not edit.\n")
        f.write(f"snapshot.generated={date}\nsnapshot.newest={newest}\nsnapshot.records={len(records)}\n")
    print(f"wrote {len(records)} records to {os.path.relpath(OUTPUT, REPO)} (generated {date})")


if __name__ == "__main__":
    main(sys.argv[1:])
