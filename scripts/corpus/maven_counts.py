#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Expected figures for the Maven corpus tests, worked out without provgate's parsers (standard library only).

Usage: scripts/corpus/maven_counts.py [SHARED_DIR]   (default ../shared)
The rules mirror docs/formats-maven.md; the printed numbers are typed into MavenCorpusTest by hand.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "../shared", "corpus", "maven")
PRODUCTION_CLASSPATH = re.compile(r"^(?:(.*)(?:CompileClasspath|RuntimeClasspath)|compile|runtime|compileClasspath|runtimeClasspath)$")


def files(sub):
    d = os.path.join(ROOT, sub)
    return [os.path.join(d, f) for f in sorted(os.listdir(d))]


def gradle_production(conf):
    m = PRODUCTION_CLASSPATH.match(conf)
    if not m:
        return False
    source_set = (m.group(1) or "").lower()
    return not any(w in source_set for w in ("test", "jmh", "benchmark"))


def gradle_lockfiles():
    for path in files("gradle-lockfile"):
        runtime = dev = 0
        first = None
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("empty="):
                continue
            coords, confs = line.split("=", 1)
            first = first or line
            if any(gradle_production(c) for c in confs.split(",")):
                runtime += 1
            else:
                dev += 1
        print(os.path.basename(path), "components", runtime + dev, "runtime", runtime, "dev", dev,
              "first", first.split("=")[0])


def verification_metadata():
    ns = "{https://schema.gradle.org/dependency-verification}"
    for path in files("gradle-verification-metadata"):
        root = ET.parse(path).getroot()
        comps = root.iter(ns + "component")
        n = hashes = empty_group = 0
        first = None
        for c in comps:
            n += 1
            if c.get("group") == "":
                empty_group += 1
            for a in c.iter(ns + "artifact"):
                for h in a:
                    if h.tag[len(ns):] in ("md5", "sha1", "sha256", "sha512"):
                        hashes += 1
            first = first or (c.get("group"), c.get("name"), c.get("version"),
                              [a.get("name") for a in c.iter(ns + "artifact")])
        print(os.path.basename(path), "components", n, "hashes", hashes, "emptyGroup", empty_group, "first", first)


TREE_LINE = re.compile(r"^((?:[|\\+ ]  |[|+\\ ]- | {3})*)([+\\]- )(.*)$")


def dependency_trees():
    for path in files("mvn-dependency-tree"):
        stack = []  # coordinates by depth
        components = direct = optional = 0
        edges = set()
        scopes = {}
        for raw in open(path, encoding="utf-8"):
            line = raw.rstrip("\n").removeprefix("[INFO] ")
            m = re.match(r"^([| ]*(?:[+\\]- ))(.*)$", line)
            if not m:
                stack = [line.strip()]
                continue
            depth = len(m.group(1)) // 3
            text = m.group(2)
            is_opt = text.endswith(" (optional)")
            text = text.removesuffix(" (optional)")
            parts = text.split(":")
            if len(parts) == 6:
                g, a, t, c, v, s = parts
            else:
                g, a, t, v, s = parts
                c = ""
            key = (g, a, t, c, v)
            components += 1
            direct += depth == 1
            optional += is_opt
            scopes[s] = scopes.get(s, 0) + 1
            del stack[depth:]
            if depth > 1:
                edges.add((stack[depth - 1], key))
            stack.append(key)
        print(os.path.basename(path), "components", components, "direct", direct, "optional", optional,
              "edges", len(edges), "scopes", sorted(scopes.items()))


def maven_lockfiles():
    for path in files("maven-lockfile"):
        doc = json.load(open(path, encoding="utf-8"))
        comps = {}
        direct = set()
        edges = set()

        def key(n, version):
            return (n.get("groupId"), n.get("artifactId"), n.get("classifier", ""), version)

        def walk(n, parent, top):
            included = n.get("included", True)
            k = key(n, n["version"] if included else n.get("selectedVersion", n["version"]))
            if included:
                comps.setdefault(k, n)
                if top:
                    direct.add(k)
            if parent is not None:
                edges.add((parent, k))
            for c in n.get("children", []):
                walk(c, k if included else None, False)

        for n in doc["dependencies"]:
            walk(n, None, True)
        scopes = {}
        hashes = 0
        for n in comps.values():
            s = n.get("scope", "")
            scopes[s] = scopes.get(s, 0) + 1
            hashes += 1 if n.get("checksum") else 0
        edges = {e for e in edges if e[1] in comps}
        first = doc["dependencies"][0]
        print(os.path.basename(path), "components", len(comps), "direct", len(direct), "edges", len(edges),
              "hashes", hashes, "scopes", sorted(scopes.items()), "first",
              first["groupId"], first["artifactId"], first["version"], first["checksum"])


if __name__ == "__main__":
    gradle_lockfiles()
    verification_metadata()
    dependency_trees()
    maven_lockfiles()
