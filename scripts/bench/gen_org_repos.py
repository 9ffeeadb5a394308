#!/usr/bin/env python3
"""Generates an organisation of bare git repositories with lockfile histories, for scripts/bench-scan-org.sh.

Each repository gets a main branch of ordinary commits, a share of which change its lockfiles (requirements.txt,
package-lock.json v3, sometimes both), a feature branch merged back, an unmerged release branch and tags. The
histories are written with `git fast-import` (no working tree, no per-commit process), deterministically from the
seed: same arguments, same repositories, same object ids.

Usage: gen_org_repos.py OUT_DIR REPOS COMMITS_MIN COMMITS_MAX LOCKFILE_SHARE [SEED]
Prints one JSON line of totals: repositories, commits, lockfile_commits, lockfile_blobs.
"""
import hashlib
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

PYPI = ["requests", "urllib3", "idna", "certifi", "charset-normalizer", "numpy", "pandas", "pydantic", "fastapi",
        "starlette", "uvicorn", "httpx", "httpcore", "anyio", "sniffio", "click", "jinja2", "markupsafe", "pyyaml",
        "sqlalchemy", "alembic", "psycopg2-binary", "redis", "celery", "kombu", "boto3", "botocore", "s3transfer",
        "jmespath", "python-dateutil", "six", "pytz", "attrs", "packaging", "pluggy", "pytest", "typing-extensions",
        "openai", "tiktoken", "litellm", "tokenizers", "huggingface-hub", "filelock", "fsspec", "tqdm", "regex"]
LOCKFILES = ("requirements.txt", "web/package-lock.json")
NPM = ["react", "react-dom", "scheduler", "loose-envify", "js-tokens", "lodash", "axios", "follow-redirects",
       "form-data", "asynckit", "combined-stream", "delayed-stream", "mime-types", "mime-db", "express", "debug",
       "ms", "chalk", "ansi-styles", "supports-color", "has-flag", "color-convert", "color-name", "commander",
       "semver", "uuid", "typescript", "tslib", "rxjs", "zone.js", "webpack", "acorn", "browserslist",
       "caniuse-lite", "electron-to-chromium", "node-releases", "picocolors", "postcss", "nanoid", "source-map-js"]


def version(rng):
    return f"{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"


def requirements(pins):
    return "".join(f"{name}=={v}\n" for name, v in sorted(pins.items()))


def package_lock(name, pins):
    packages = {"": {"name": name, "version": "1.0.0",
                     "dependencies": {n: "^" + v for n, v in sorted(pins.items())[:8]}}}
    for n, v in sorted(pins.items()):
        packages[f"node_modules/{n}"] = {
            "version": v,
            "resolved": f"https://npm.registry.invalid/{n}/-/{n.split('/')[-1]}-{v}.tgz",
            "integrity": "sha512-" + hashlib.sha512(f"{n}@{v}".encode()).hexdigest()[:86] + "==",
            "license": "MIT",
        }
    return json.dumps({"name": name, "version": "1.0.0", "lockfileVersion": 3, "requires": True,
                       "packages": packages}, indent=2, sort_keys=True) + "\n"


class Stream:
    def __init__(self):
        self.parts = []
        self.mark = 0

    def data(self, text):
        raw = text.encode()
        self.parts.append(b"data %d\n" % len(raw) + raw + b"\n")

    def commit(self, ref, when, message, files, parent=None, merge=None):
        self.mark += 1
        who = f"Dev {when % 7} <dev{when % 7}@example.invalid> {when} +0000\n"
        self.parts.append(f"commit {ref}\nmark :{self.mark}\nauthor {who}committer {who}".encode())
        self.data(message)
        if parent:
            self.parts.append(f"from :{parent}\n".encode())
        if merge:
            self.parts.append(f"merge :{merge}\n".encode())
        for path, content in files.items():
            self.parts.append(f"M 100644 inline {path}\n".encode())
            self.data(content)
        return self.mark

    def reset(self, ref, mark):
        self.parts.append(f"reset {ref}\nfrom :{mark}\n\n".encode())

    def bytes(self):
        return b"".join(self.parts)


def repository(index, out, cmin, cmax, share, seed):
    rng = random.Random(f"{seed}-{index}")
    name = f"repo-{index:05d}"
    python = rng.random() < 0.7
    node = not python or rng.random() < 0.3
    py = {n: version(rng) for n in rng.sample(PYPI, rng.randint(15, 35))}
    js = {n: version(rng) for n in rng.sample(NPM, rng.randint(20, 40))}
    s = Stream()
    when = 1_640_995_200 + index * 3600
    totals = {"commits": 0, "lockfile_commits": 0, "blobs": set()}

    def lockfiles(touch_py, touch_js):
        files = {}
        if python and touch_py:
            files["requirements.txt"] = requirements(py)
        if node and touch_js:
            files["web/package-lock.json"] = package_lock(name, js)
        return files

    def bump():
        touch_py = python and (not node or rng.random() < 0.6)
        target = py if touch_py else js
        for n in rng.sample(sorted(target), rng.randint(1, 3)):
            target[n] = version(rng)
        return lockfiles(touch_py, not touch_py)

    def add(ref, message, files, parent=None, merge=None):
        nonlocal when
        when += rng.randint(600, 86_400)
        totals["commits"] += 1
        locks = [c for p, c in files.items() if p in LOCKFILES]
        if locks:
            totals["lockfile_commits"] += 1
            totals["blobs"].update(hashlib.sha1(c.encode()).digest() for c in locks)
        return s.commit(ref, when, message, files, parent, merge)

    main = add("refs/heads/main", "start", {"README.md": f"# {name}\n", **lockfiles(True, True)})
    count = rng.randint(cmin, cmax)
    feature_at, release_at = rng.randint(1, count - 1), rng.randint(1, count - 1)
    feature = release = None
    for i in range(1, count):
        files = {"src/main.txt": f"{name} change {i}\n"}
        if rng.random() < share:
            files.update(bump())
        main = add("refs/heads/main", f"change {i}", files, parent=main)
        if i == feature_at:
            feature = main
            for j in range(3):
                feature = add("refs/heads/feature", f"feature {j}", bump() if j == 1 else
                              {"src/feature.txt": f"feature {j}\n"}, parent=feature)
        if i == release_at:
            release = add("refs/heads/release", "release pin", bump(), parent=main)
        if i % 25 == 0:
            s.reset(f"refs/tags/v{i // 25}.0", main)
    if feature is not None:
        main = add("refs/heads/main", "merge feature", {"src/merged.txt": "merged\n"}, parent=main, merge=feature)
        s.reset("refs/heads/main", main)
    path = os.path.join(out, name + ".git")
    subprocess.run(["git", "init", "--bare", "-q", "-b", "main", path], check=True)
    subprocess.run(["git", "-C", path, "fast-import", "--quiet"], input=s.bytes(), check=True)
    return totals["commits"], totals["lockfile_commits"], len(totals["blobs"])


def main():
    out, repos, cmin, cmax, share = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
        float(sys.argv[5])
    seed = sys.argv[6] if len(sys.argv) > 6 else "provgate"
    os.makedirs(out, exist_ok=True)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda i: repository(i, out, cmin, cmax, share, seed), range(repos)))
    print(json.dumps({"repositories": repos, "commits": sum(r[0] for r in results),
                      "lockfile_commits": sum(r[1] for r in results),
                      "lockfile_blobs": sum(r[2] for r in results)}))


if __name__ == "__main__":
    main()
