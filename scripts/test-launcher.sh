#!/usr/bin/env bash
# Tests of the launcher (cli/provgate) on a copy of this checkout, after a build: the jar pins hold on every start
# (a lib jar or provgate.jar changed after verification never runs), every failure of the launcher's own is exit 3,
# provgate's own exit codes pass through, two first runs at once both succeed, and a read-only checkout still runs.
# The JUnit suite cannot test these: it runs before the jar is packaged. Run by .ci/run after `mvn -B verify`.
set -uo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
passed=0
failed=0
skipped=0

if [ ! -f "$home/target/provgate.jar" ] || [ ! -d "$home/target/lib" ]; then
    echo "test-launcher: build first (mvn -B package)" >&2
    exit 2
fi

# A checkout as a user has it: sources, launcher, pins, the built jar and its libraries (timestamps kept, so the
# copy's jar is not stale), and no class-data archive (marked as failed, so that no test spends time making one).
copy() {
    local dir="$work/$1"
    mkdir -p "$dir/target"
    cp -a "$home/cli" "$home/pom.xml" "$home/src" "$home/testdata" "$dir/"
    cp -a "$home/target/provgate.jar" "$home/target/lib" "$dir/target/"
    touch "$dir/target/provgate.jsa.failed"
    echo "$dir"
}

# expect NAME CODE TEXT COMMAND...: the command exits CODE and, when TEXT is not empty, its stderr contains TEXT.
expect() {
    local name="$1" code="$2" text="$3" actual
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    actual=$?
    if [ "$actual" -eq "$code" ] && { [ -z "$text" ] || grep -qF -- "$text" "$work/err"; }; then
        passed=$((passed + 1))
        echo "ok      $name"
    else
        failed=$((failed + 1))
        echo "FAILED  $name: exit $actual (expected $code); stderr:"
        sed 's/^/        /' "$work/err" | tail -n 5
    fi
}

skip() {
    skipped=$((skipped + 1))
    echo "skipped $1: $2"
}

# Changes a file's bytes but not its size or time, as an attacker replacing a jar in place would.
tamper() {
    local file="$1" stamp="$work/stamp"
    touch -r "$file" "$stamp"
    printf 'X' | dd of="$file" bs=1 seek=100 conv=notrunc status=none
    touch -r "$stamp" "$file"
}

pg="$(copy checkout)"
expect "a verified checkout runs" 0 "" "$pg/cli/provgate" --version
expect "provgate's exit 1 (blocked) passes through" 1 "" "$pg/cli/provgate" check "$pg/testdata/compromised"
expect "provgate's exit 2 (input error) passes through" 2 "no such file" "$pg/cli/provgate" check "$work/missing"

lib="$(ls "$pg/target/lib/"picocli-*.jar)"
cp -p "$lib" "$work/lib.orig"
tamper "$lib"
expect "a library jar changed after verification is refused (exit 3)" 3 "refusing to run" "$pg/cli/provgate" --version
cp -p "$work/lib.orig" "$lib"
expect "the restored library runs again" 0 "" "$pg/cli/provgate" --version

cp -p "$pg/target/provgate.jar" "$work/jar.orig"
tamper "$pg/target/provgate.jar"
expect "provgate.jar changed with its timestamp kept is refused (exit 3)" 3 "refusing to run" \
    "$pg/cli/provgate" --version
cp -p "$work/jar.orig" "$pg/target/provgate.jar"

cp -p "$pg/cli/dependencies.sha256" "$work/pins.orig"
first="$(head -c 1 "$work/pins.orig")"
{ [ "$first" = 0 ] && printf 1 || printf 0; tail -c +2 "$work/pins.orig"; } > "$pg/cli/dependencies.sha256"
expect "a pin that no longer matches its jar is refused at the full check (exit 3)" 3 "refusing to run" \
    "$pg/cli/provgate" --version
cp "$work/pins.orig" "$pg/cli/dependencies.sha256"
expect "the restored pins run again" 0 "" "$pg/cli/provgate" --version

# A read-only checkout (a CI cache, a shared tool folder): root writes through permissions, so as root the test runs
# the launcher as the unprivileged user nobody, with a writable cache folder of its own.
ro="$(copy read-only)"
"$ro/cli/provgate" --version >/dev/null 2>&1
mkdir -p "$work/cache"
chmod -R a+rX "$work"
chmod 1777 "$work/cache"
chmod -R a-w "$ro"
if [ "$(id -u)" -ne 0 ]; then
    expect "a read-only checkout runs" 0 "" env XDG_CACHE_HOME="$work/cache" "$ro/cli/provgate" --version
elif command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    expect "a read-only checkout runs (as nobody)" 0 "" runuser -u nobody -- env HOME="$work/cache" \
        XDG_CACHE_HOME="$work/cache" "$ro/cli/provgate" --version
    expect "a read-only checkout keeps its state in the cache folder" 0 "" \
        bash -c '[ -n "$(find "$1" -name dependencies.verified -print -quit)" ]' _ "$work/cache/provgate"
else
    skip "a read-only checkout runs" "running as root without runuser or a user nobody"
fi
chmod -R u+w "$ro"

if command -v mvn >/dev/null 2>&1; then
    fresh="$(copy first-use)"
    rm -rf "$fresh/target/provgate.jar" "$fresh/target/lib"
    "$fresh/cli/provgate" --version >"$work/a.out" 2>"$work/a.err" &
    first=$!
    "$fresh/cli/provgate" --version >"$work/b.out" 2>"$work/b.err" &
    second=$!
    wait "$first"
    a=$?
    wait "$second"
    b=$?
    if [ "$a" -eq 0 ] && [ "$b" -eq 0 ]; then
        passed=$((passed + 1))
        echo "ok      two first runs at once both build and run"
    else
        failed=$((failed + 1))
        echo "FAILED  two first runs at once: exits $a and $b"
        tail -n 5 "$work/a.err" "$work/b.err" | sed 's/^/        /'
    fi
else
    skip "two first runs at once" "no mvn on PATH"
fi

echo "launcher tests: $passed of $((passed + failed)) passed ($skipped skipped)"
[ "$failed" -eq 0 ]
