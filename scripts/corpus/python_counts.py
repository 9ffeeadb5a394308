#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Expected figures for the Python corpus, worked out apart from the Java parsers (standard library only).

Usage: python3 scripts/corpus/python_counts.py [../shared/corpus/python]

Prints, per file: components, file hashes, and counts by scope and by source kind, using the rules
documented in docs/formats-python.md. PythonCorpusTest types these numbers in as constants.
"""
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def graph_figures(nodes, deps):
    """nodes: list of (name, version); deps: list of target-index lists. Distinct purl edges and roots."""
    edges = {(norm(nodes[i][0]), nodes[i][1], norm(nodes[t][0]), nodes[t][1])
             for i, targets in enumerate(deps) for t in targets if t != i}
    depended = {t for i, targets in enumerate(deps) for t in targets if t != i}
    return {"edges": len(edges), "roots": len(nodes) - len(depended)}


def by_name_index(nodes):
    index = {}
    for i, (name, _) in enumerate(nodes):
        index.setdefault(norm(name), []).append(i)
    return index


def requirements(path):
    lines = path.read_text().splitlines()
    joined, current = [], ""
    for line in lines:
        if line.endswith("\\") and not re.match(r"^\s*#", line):
            current += line[:-1] + " "
            continue
        joined.append(current + line)
        current = ""
    if current:
        joined.append(current)
    comps, hashes, pinned, kinds = 0, 0, 0, Counter()
    for line in joined:
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not line:
            continue
        if line.startswith("-e ") or line.startswith("--editable"):
            comps += 1
            kinds["workspace" if line.split()[-1].startswith(".") else "other"] += 1
            continue
        if line.startswith("-"):
            continue
        comps += 1
        hashes += len(re.findall(r"--hash[= ]", line))
        requirement = re.sub(r"\[[^]]*\]", "", line.split(" --")[0].split(";")[0]).strip()
        if re.match(r"^[a-z+]+://", requirement):
            kinds["url"] += 1
        elif re.fullmatch(r"[A-Za-z0-9._-]+\s*===?\s*[^*,\s]+", requirement):
            pinned += 1
            kinds["registry"] += 1
        else:
            kinds["registry"] += 1
    return {"components": comps, "hashes": hashes, "pinned": pinned, "kinds": dict(kinds)}


def poetry(path):
    doc = tomllib.loads(path.read_text())
    packages = doc.get("package", [])
    scopes, kinds, hashes = Counter(), Counter(), 0
    meta_files = doc.get("metadata", {}).get("files", {})
    for p in packages:
        files = p.get("files") if "files" in p else meta_files.get(p["name"], [])
        hashes += len(files)
        if p.get("optional"):
            scopes["optional"] += 1
        elif "category" in p:
            scopes["dev" if p["category"] == "dev" else "runtime"] += 1
        elif "groups" in p:
            scopes["runtime" if "main" in p["groups"] else "dev"] += 1
        else:
            scopes["runtime"] += 1
        kinds[p.get("source", {}).get("type", "registry")] += 1
    nodes = [(p["name"], p["version"]) for p in packages]
    index = by_name_index(nodes)
    deps = [[t for d in p.get("dependencies", {}) for t in index.get(norm(d), [])] for p in packages]
    return {"components": len(packages), "hashes": hashes, "scopes": dict(scopes), "kinds": dict(kinds),
            **graph_figures(nodes, deps)}


def uv(path):
    doc = tomllib.loads(path.read_text())
    packages = doc.get("package", [])
    by_name = {}
    for i, p in enumerate(packages):
        by_name.setdefault(norm(p["name"]), []).append(i)

    def targets(deps):
        out = []
        for d in deps:
            candidates = by_name.get(norm(d["name"]), [])
            if "version" in d:
                candidates = [i for i in candidates if packages[i].get("version") == d["version"]]
            out.extend(candidates)
        return out

    roots = [i for i, p in enumerate(packages) if {"editable", "virtual"} & set(p["source"])]

    def reach(start):
        seen, todo = set(), list(start)
        while todo:
            i = todo.pop()
            if i in seen:
                continue
            seen.add(i)
            p = packages[i]
            todo.extend(targets(p.get("dependencies", [])))
            if i not in roots:
                for group in p.get("optional-dependencies", {}).values():
                    todo.extend(targets(group))
        return seen

    runtime = reach(r for r in roots) | reach(t for r in roots for t in targets(packages[r].get("dependencies", [])))
    optional = reach(t for r in roots for g in packages[r].get("optional-dependencies", {}).values()
                     for t in targets(g))
    dev_groups = lambda p: list(p.get("dev-dependencies", {}).values())
    dev = reach(t for r in roots for g in dev_groups(packages[r]) for t in targets(g))
    scopes, kinds, hashes = Counter(), Counter(), 0
    for i, p in enumerate(packages):
        if i in runtime or not (i in optional or i in dev):
            scopes["runtime"] += 1
        elif i in optional:
            scopes["optional"] += 1
        else:
            scopes["dev"] += 1
        source = next(iter(p["source"]))
        kinds["workspace" if source in ("editable", "virtual") else source] += 1
        hashes += len(p.get("wheels", [])) + (1 if "sdist" in p and "hash" in p["sdist"] else 0)
    direct = {t for r in roots for t in targets(packages[r].get("dependencies", []))
              + [t for g in packages[r].get("optional-dependencies", {}).values() for t in targets(g)]
              + [t for g in dev_groups(packages[r]) for t in targets(g)]}
    nodes = [(p["name"], p.get("version", "")) for p in packages]
    deps = [targets(p.get("dependencies", []) + [d for g in p.get("optional-dependencies", {}).values() for d in g]
                    + [d for g in dev_groups(p) for d in g]) for p in packages]
    return {"components": len(packages), "hashes": hashes, "scopes": dict(scopes), "kinds": dict(kinds),
            "direct": len(direct), "edges": graph_figures(nodes, deps)["edges"]}


def pipfile(path):
    doc = json.loads(path.read_text())
    scopes, kinds, hashes = Counter(), Counter(), 0
    for section, scope in (("default", "runtime"), ("develop", "dev")):
        for name, entry in doc.get(section, {}).items():
            scopes[scope] += 1
            hashes += len(entry.get("hashes", []))
            if "git" in entry:
                kinds["git"] += 1
            elif "path" in entry and entry.get("editable"):
                kinds["workspace"] += 1
            elif "path" in entry or "file" in entry:
                kinds["path-or-url"] += 1
            else:
                kinds["registry"] += 1
    return {"components": sum(scopes.values()), "hashes": hashes, "scopes": dict(scopes), "kinds": dict(kinds)}


def pdm(path):
    doc = tomllib.loads(path.read_text())
    meta_files = doc.get("metadata", {}).get("files", {})
    merged = {}
    for p in doc.get("package", []):
        key = (norm(p["name"].split("[")[0]), p.get("version", ""))
        entry = merged.setdefault(key, {"groups": set(), "files": set(), "deps": [], "name": p["name"].split("[")[0]})
        entry["deps"] += [re.match(r"\s*([A-Za-z0-9._-]+)", d).group(1) for d in p.get("dependencies", [])]
        entry["groups"].update(p.get("groups", []))
        for f in p.get("files", []) + meta_files.get(f"{p['name']} {p.get('version', '')}", []):
            entry["files"].add(f["hash"])
    scopes = Counter("runtime" if not e["groups"] or "default" in e["groups"] else "dev" for e in merged.values())
    nodes = [(e["name"], key[1]) for key, e in merged.items()]
    index = by_name_index(nodes)
    deps = [[t for d in e["deps"] for t in index.get(norm(d), [])] for e in merged.values()]
    return {"components": len(merged), "hashes": sum(len(e["files"]) for e in merged.values()),
            "scopes": dict(scopes), **graph_figures(nodes, deps)}


def pylock(path):
    doc = tomllib.loads(path.read_text())
    kinds, hashes = Counter(), 0
    for p in doc.get("packages", []):
        hashes += len(p.get("wheels", [])) + (1 if "sdist" in p else 0)
        if "vcs" in p:
            kinds["git"] += 1
        elif "directory" in p:
            kinds["workspace" if p["directory"].get("editable") else "path"] += 1
        elif "archive" in p:
            kinds["url"] += 1
        else:
            kinds["registry"] += 1
    return {"components": len(doc.get("packages", [])), "hashes": hashes, "kinds": dict(kinds)}


COUNTERS = {"requirements": requirements, "poetry": poetry, "uv": uv, "pipfile": pipfile, "pdm": pdm,
            "pylock": pylock}


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/python")
    for f in sorted(root.glob("*/*")):
        kind = f.parent.name.split("-")[0]
        print(f"{f.parent.name}/{f.name}: {COUNTERS[kind](f)}")


if __name__ == "__main__":
    main()
