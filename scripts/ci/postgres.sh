# shellcheck shell=bash
# A throwaway PostgreSQL server for the store tests, sourced by .ci/run:
#     source scripts/ci/postgres.sh
# Installs Debian's postgresql package when no server is installed, starts a cluster in a temporary folder that
# listens on 127.0.0.1 only (and on a socket in that folder, never the system's), with password authentication,
# exports PROVGATE_TEST_POSTGRES_URL (and PGPASSWORD, which provgate reads as a user's shell would set it), and
# stops the server and deletes the folder when the sourcing script exits.
#
# Run by hand to get a server for `mvn test` in another shell:  scripts/ci/postgres.sh --foreground

provgate_pg_bin() {
    local initdb
    initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$initdb" ] && command -v initdb >/dev/null 2>&1; then
        initdb="$(command -v initdb)"
    fi
    [ -n "$initdb" ] && dirname "$initdb"
}

provgate_pg_install() {
    echo "postgres.sh: installing PostgreSQL from the distribution's packages" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

provgate_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

provgate_pg_start() {
    local bin
    bin="$(provgate_pg_bin || true)"
    if [ -z "$bin" ]; then
        provgate_pg_install
        bin="$(provgate_pg_bin)"
    fi
    PROVGATE_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/provgate-pg.XXXXXX")"
    local port password as=()
    port="$(provgate_pg_free_port)"
    password="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
    printf '%s\n' "$password" > "$PROVGATE_PG_DIR/pwfile"
    if [ "$(id -u)" -eq 0 ]; then
        # The server refuses to run as root: the cluster belongs to the postgres user the package created.
        chown -R postgres: "$PROVGATE_PG_DIR"
        as=(runuser -u postgres --)
    fi
    PROVGATE_PG_CTL=("${as[@]}" "$bin/pg_ctl")
    "${as[@]}" "$bin/initdb" -D "$PROVGATE_PG_DIR/data" -U provgate --pwfile="$PROVGATE_PG_DIR/pwfile" \
        --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PROVGATE_PG_DIR/initdb.log" 2>&1 ||
        { cat "$PROVGATE_PG_DIR/initdb.log" >&2; return 1; }
    rm -f "$PROVGATE_PG_DIR/pwfile"
    trap provgate_pg_stop EXIT
    "${PROVGATE_PG_CTL[@]}" -D "$PROVGATE_PG_DIR/data" -l "$PROVGATE_PG_DIR/server.log" -w -t 60 \
        -o "-k $PROVGATE_PG_DIR -h 127.0.0.1 -p $port -c fsync=off" start >/dev/null ||
        { cat "$PROVGATE_PG_DIR/server.log" >&2; return 1; }
    PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U provgate provgate_test
    export PGPASSWORD="$password"
    export PROVGATE_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/provgate_test?user=provgate"
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" \
        "for the store tests" >&2
}

provgate_pg_stop() {
    if [ -n "${PROVGATE_PG_DIR:-}" ] && [ -d "$PROVGATE_PG_DIR" ]; then
        "${PROVGATE_PG_CTL[@]}" -D "$PROVGATE_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PROVGATE_PG_DIR"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    [ "${1:-}" = "--foreground" ] || { echo "usage: source scripts/ci/postgres.sh | $0 --foreground" >&2; exit 2; }
    provgate_pg_start
    echo "export PROVGATE_TEST_POSTGRES_URL='$PROVGATE_TEST_POSTGRES_URL' PGPASSWORD='$PGPASSWORD'"
    echo "postgres.sh: running until interrupted (Ctrl-C stops the server and deletes its folder)" >&2
    sleep infinity & wait $!
else
    provgate_pg_start
fi
