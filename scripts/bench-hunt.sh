#!/usr/bin/env bash
# Whole-process benchmark of `provgate hunt` (issue 14): a generated environment of about 100,000 files, a virtual
# environment whose site-packages holds 1,000 distributions (60 files each, every one in RECORD with its sha256)
# and a node_modules of 2,000 packages (nested and scoped, 20 files each), file sizes 200 to 6,000 bytes (about
# 300 MB). The tree is generated once under target/bench/hunt-env/ (deterministic, seeded); the timing is
# scripts/bench.sh (median wall and peak RSS over N runs through the launcher). The first run after generating
# reads from the page cache as later runs do, since generating just wrote the files.
# Usage: scripts/bench-hunt.sh [-n RUNS]
set -euo pipefail
runs=5
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
env="$home/target/bench/hunt-env"

if [ ! -f "$env/.complete" ]; then
    rm -rf "$env"
    echo "bench-hunt: generating $env ..." >&2
    python3 - "$env" <<'PY'
import base64, hashlib, os, random, sys
root = sys.argv[1]
rnd = random.Random(14)
def blob():
    return rnd.randbytes(rnd.randint(200, 6000))
def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
venv = os.path.join(root, "venv")
write(os.path.join(venv, "pyvenv.cfg"), b"home = /usr/bin\nversion = 3.12.3\n")
sp = os.path.join(venv, "lib", "python3.12", "site-packages")
for d in range(1000):
    name, version = f"pkg{d:04d}", f"1.{d % 7}.{d % 13}"
    info = f"{name}-{version}.dist-info"
    files = {f"{name}/mod{i:02d}.py": blob() for i in range(55)}
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\n".encode()
    files[f"{info}/INSTALLER"] = b"pip\n"
    files[f"../../../bin/{name}"] = b"#!/venv/bin/python\nimport " + name.encode() + b"\n"
    rows = []
    for rel, data in files.items():
        write(os.path.join(sp, rel), data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        rows.append(f"{rel},sha256={digest},{len(data)}")
    for i in range(2):
        rel = f"{name}/__pycache__/mod{i:02d}.cpython-312.pyc"
        write(os.path.join(sp, rel), blob())
        rows.append(f"{rel},,")
    rows.append(f"{info}/RECORD,,")
    write(os.path.join(sp, info, "RECORD"), ("\n".join(rows) + "\n").encode())
nm = os.path.join(root, "project", "node_modules")
for p in range(2000):
    name = f"@scope{p % 10}/pkg{p:04d}" if p % 4 == 0 else f"pkg{p:04d}"
    where = os.path.join(nm, name) if p % 3 else os.path.join(nm, f"pkg{(p + 1):04d}", "node_modules", name)
    scripts = ', "scripts": {"postinstall": "node build.js"}' if p % 50 == 0 else ""
    write(os.path.join(where, "package.json"), f'{{"name": "{name}", "version": "1.0.{p % 9}"{scripts}}}\n'.encode())
    for i in range(19):
        write(os.path.join(where, "lib", f"f{i:02d}.js"), blob())
open(os.path.join(root, ".complete"), "w").close()
PY
fi
files=$(find "$env" -type f ! -name .complete | wc -l)
bytes=$(du -sb "$env" | cut -f1)
echo "environment: $files files, $((bytes / 1024 / 1024)) MB under $env"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$home/target/provgate.jsa" ] && [ "$home/target/provgate.jsa" -ot "$home/target/provgate.jar" ]; then
    rm -f "$home/target/provgate.jsa"
fi
# An empty --db-dir: the built-in advisory snapshot, so that the figure does not depend on an imported database.
mkdir -p "$home/target/bench/hunt-no-db"
args=(hunt --no-policy --db-dir "$home/target/bench/hunt-no-db" --format json "$env/venv" "$env/project")
"$home/cli/provgate" "${args[@]}" 2>&1 >/dev/null | sed 's/^/report: /' || true
"$home/scripts/bench.sh" -n "$runs" -- "${args[@]}"
