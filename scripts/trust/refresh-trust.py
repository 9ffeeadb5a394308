#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Extracts the Sigstore public-good trusted root and the npm registry keys that provgate ships in its jar.

Source: the TUF seeds in the npm package @sigstore/tuf (a pinned version), whose tarball must match the pinned
sha512 integrity before anything is read from it. Standard library only; needs `npm` on the PATH unless a tarball
is given with --tarball.

    python3 scripts/trust/refresh-trust.py                 # npm pack the pinned version, check, extract
    python3 scripts/trust/refresh-trust.py --tarball FILE  # use a tarball fetched another way

To move to a newer @sigstore/tuf: change VERSION and INTEGRITY (from `npm view @sigstore/tuf@X dist.integrity`),
run the script, review the diff of the two resources, commit.
"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "5.0.1"
INTEGRITY = "sha512-ofwYu9iXeMm85zPh0cauUXzXtIFNfHI1o9Ux1e0Eil6shsbx+8bAe58fhiU1FcHdOIxOkyDhZzD6Gu6uPnzoUg=="
TUF_REPOSITORY = "https://tuf-repo-cdn.sigstore.dev"
KEYS_TARGET_SUFFIX = "%2Fkeys.json"  # the npm registry's keys.json target, named after the registry host
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                       "src", "main", "resources", "dev", "provgate", "provenance")


def pack(workdir):
    subprocess.run(["npm", "pack", "--silent", f"@sigstore/tuf@{VERSION}"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(workdir, f"sigstore-tuf-{VERSION}.tgz")


def check_integrity(tarball):
    algorithm, expected = INTEGRITY.split("-", 1)
    with open(tarball, "rb") as f:
        actual = base64.b64encode(hashlib.new(algorithm, f.read()).digest()).decode()
    if actual != expected:
        sys.exit(f"refresh-trust: {tarball}: integrity {algorithm}-{actual} is not the pinned {INTEGRITY}")


def read_seeds(tarball):
    with tarfile.open(tarball, "r:gz") as tar:
        member = tar.extractfile("package/seeds.json")
        if member is None:
            sys.exit(f"refresh-trust: {tarball}: no package/seeds.json")
        return json.load(member)[TUF_REPOSITORY]["targets"]


def write(name, data):
    path = os.path.normpath(os.path.join(OUT_DIR, name))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print(f"{hashlib.sha256(data).hexdigest()}  {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", help=f"a local copy of @sigstore/tuf@{VERSION}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        tarball = args.tarball or pack(workdir)
        check_integrity(tarball)
        targets = read_seeds(tarball)
    keys = [name for name in targets if name.endswith(KEYS_TARGET_SUFFIX)]
    if "trusted_root.json" not in targets or len(keys) != 1:
        sys.exit(f"refresh-trust: unexpected targets in seeds.json: {sorted(targets)}")
    write("trusted_root.json", base64.b64decode(targets["trusted_root.json"]))
    write("npm-registry-keys.json", base64.b64decode(targets[keys[0]]))


if __name__ == "__main__":
    main()
