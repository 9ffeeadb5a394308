#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Independent counts for the npm corpus tests (standard library only).

For every npm-ecosystem lockfile under ../shared/corpus/npm prints the number of package entries and of distinct
name@version, counted without provgate's parsers: JSON with the json module, YAML and yarn classic with line
regexes. The numbers are typed into NpmCorpusTest by hand.

Rules (the same meaning the parsers document, reached by other means):
- package-lock v2/v3: keys of "packages" under node_modules/ without "link": true; name is the entry's "name" or
  the text after the last node_modules/.
- package-lock v1: every entry of the nested "dependencies" tree; "npm:real@1.0.0" versions name the real package;
  git/url/file versions count as the key with no version.
- yarn classic: blocks with a "version" line; name from the first descriptor ("alias@npm:real@range" -> real).
- yarn berry: blocks with a "resolution" that is not a workspace; name from the resolution, version from "version".
- pnpm: keys under "packages:"; name and version from the key (peer and patch suffixes dropped) unless the entry
  has its own "name:" / "version:" lines.

Usage: python3 scripts/corpus/npm_counts.py [CORPUS_DIR]
"""
import json
import os
import re
import sys


def package_lock(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc["lockfileVersion"] >= 2:
        pairs = []
        for key, entry in doc["packages"].items():
            if "node_modules/" in key and not entry.get("link"):
                name = entry.get("name", key.rsplit("node_modules/", 1)[1])
                pairs.append((name, entry.get("version", "")))
        return pairs
    pairs = []

    def walk(deps):
        for key, entry in deps.items():
            spec = entry.get("version", "")
            if spec.startswith("npm:"):
                real = spec[4:]
                at = real.rindex("@")
                pairs.append((real[:at], real[at + 1:]))
            elif ":" in spec or "/" in spec:
                pairs.append((key, ""))
            else:
                pairs.append((key, spec))
            walk(entry.get("dependencies", {}))

    walk(doc.get("dependencies", {}))
    return pairs


def split_descriptor(d):
    at = d.find("@", 1)
    return (d, "") if at < 0 else (d[:at], d[at + 1:])


def yarn_blocks(path):
    """(key line, {field: value}) for every unindented block; values of 2-space lines only."""
    blocks = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                blocks.append((line, {}))
            elif re.match(r"^  \S", line) and blocks:
                m = re.match(r'^  ("?[^":]+"?):? +(.*)$', line)
                if m:
                    blocks[-1][1][m.group(1).strip('"')] = m.group(2).strip().strip('"')
    return blocks


def yarn(path):
    blocks = yarn_blocks(path)
    berry = any(key.startswith("__metadata") for key, _ in blocks)
    pairs = []
    for key, fields in blocks:
        if berry:
            res = fields.get("resolution")
            if res is None or "@workspace:" in res:
                continue
            pairs.append((split_descriptor(res)[0], fields.get("version", "")))
        elif "version" in fields:
            first = key.rstrip(":").split(",")[0].strip().strip('"')
            name, rng = split_descriptor(first)
            if rng.startswith("npm:"):
                name = split_descriptor(rng[4:])[0]
            pairs.append((name, fields["version"]))
    return pairs


def pnpm(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    version = next(re.match(r"^lockfileVersion: '?([0-9.]+)'?", l).group(1)
                   for l in lines if l.startswith("lockfileVersion:"))
    pairs, in_packages, current = [], False, None
    for line in lines:
        if re.match(r"^\S", line):
            in_packages = line.startswith("packages:")
            continue
        if not in_packages:
            continue
        m = re.match(r"^  (\S.*):\s*(\{\})?$", line)
        if m:
            key = m.group(1).strip("'\"")
            current = [None, None]
            pairs.append(current)
            current[0], current[1] = pnpm_key(version, key)
            continue
        m = re.match(r"^    (name|version): '?([^']*)'?$", line)
        if m and current is not None:
            current[0 if m.group(1) == "name" else 1] = m.group(2)
    return [tuple(p) for p in pairs]


def pnpm_key(version, key):
    if version.startswith("5"):
        if not key.startswith("/"):
            return None, None
        name, _, ver = key[1:].rpartition("/")
        return name, ver.split("_")[0]
    if version.startswith("6"):
        if not key.startswith("/"):
            return None, None
        key = key[1:]
    key = key.split("(")[0]
    name, ver = split_descriptor(key)
    return name, ver


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "corpus", "npm")
    for folder in sorted(os.listdir(corpus)):
        for name in sorted(os.listdir(os.path.join(corpus, folder))):
            path = os.path.join(corpus, folder, name)
            if name.endswith(".json"):
                pairs = package_lock(path)
            elif name.endswith("yarn.lock"):
                pairs = yarn(path)
            else:
                pairs = pnpm(path)
            print(f"{folder}/{name}: entries={len(pairs)} distinct={len(set(pairs))}")


if __name__ == "__main__":
    main()
