#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests of `goalpost pull` (tests/pull/, tests/sources/):
# a fresh cluster in a new folder under /tmp, listening on 127.0.0.1 only, with a role that logs in
# with a password over TCP, as a warehouse does. Prints the URL to put in GOALPOST_TEST_PG_URL:
#
#   export GOALPOST_TEST_PG_URL="$(bash scripts/start-test-postgres.sh)"
#
# Needs Debian's postgresql package (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user.
# GOALPOST_TEST_PG_PORT changes the port (default 54329). Stop it with the command printed on stderr.
set -euo pipefail

port="${GOALPOST_TEST_PG_PORT:-54329}"
role=goalpost
password=secret
database=goalpost_test

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ] && command -v pg_config >/dev/null 2>&1; then bin="$(pg_config --bindir)"; fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "start-test-postgres: PostgreSQL is not installed (apt-get install postgresql)." >&2
  exit 1
fi
if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "start-test-postgres: a server already answers on 127.0.0.1:$port; stop it or set GOALPOST_TEST_PG_PORT." >&2
  exit 1
fi

# /tmp rather than $TMPDIR: the postgres user must be able to reach the folder.
folder="$(mktemp -d /tmp/goalpost-pg-XXXXXX)"
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$folder"
  as_owner() { runuser -u postgres -- "$@"; }
fi

# Local (socket) connections are trusted, for setting up; TCP connections need the password.
as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder" start >/dev/null ||
  { cat "$folder/server.log" >&2; exit 1; }

psql() { as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$folder" -p "$port" -U postgres "$@"; }
psql -d postgres -c "create role $role login password '$password'" >/dev/null
psql -d postgres -c "create database $database owner $role" >/dev/null

stop="$bin/pg_ctl -D $folder/data stop"
if [ "$(id -u)" = 0 ]; then stop="runuser -u postgres -- $stop"; fi
echo "start-test-postgres: PostgreSQL on 127.0.0.1:$port, data in $folder; stop it with: $stop" >&2
echo "postgres://$role:$password@127.0.0.1:$port/$database"
