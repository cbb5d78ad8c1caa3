#!/usr/bin/env bash
# The one test command: installs what is missing, starts a throwaway PostgreSQL cluster, runs every
# test project (the integration suite once on SQLite and once on PostgreSQL, then the browser tests),
# stops the cluster, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need=()
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "${PGBIN:-}/initdb" ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-zenhei)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)   # shared-state tests (Redis)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${need[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || { echo "test.sh: apt-get install failed"; exit 1; }
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  else
    echo "test.sh: missing ${need[*]}; install them as root: sudo apt-get install -y ${need[*]}"
    exit 1
  fi
fi

# --- a throwaway PostgreSQL cluster on a free port ------------------------------------------------
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
PGDATA=$(mktemp -d /tmp/hongling-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || { echo "test.sh: initdb failed"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { echo "test.sh: PostgreSQL did not start"; cat "$PGDATA/server.log"; exit 1; }
export HONGLING_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=postgres"

# --- Redis for the shared-state tests (own block: starts only when redis-server is installed) -----------
start_redis() {
  command -v redis-server >/dev/null 2>&1 || { echo "test.sh: redis-server not installed; Redis tests skip"; return; }
  REDISPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  REDISPID=$(mktemp /tmp/hongling-redis.XXXXXX)
  redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$REDISPID" --logfile /dev/null || return
  export HONGLING_TEST_REDIS="127.0.0.1:$REDISPORT"
}
stop_redis() { [ -s "${REDISPID:-}" ] && kill "$(cat "$REDISPID")" 2>/dev/null; rm -f "${REDISPID:-}"; }
start_redis
trap 'stop_pg; stop_redis' EXIT

dotnet build Hongling.slnx -nologo -v q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

passed=0; failed=0; skipped=0; status=0
run() { # name, project, env...
  local name=$1 project=$2; shift 2
  local log; log=$(mktemp)
  echo "== $name"
  env "$@" dotnet test --project "$project" --no-build 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local t f s
  t=$(grep -oP '^\s*succeeded:\s*\K[0-9]+' "$log" | tail -1); f=$(grep -oP '^\s*failed:\s*\K[0-9]+' "$log" | tail -1); s=$(grep -oP '^\s*skipped:\s*\K[0-9]+' "$log" | tail -1)
  passed=$((passed + ${t:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ "$rc" != 0 ]; then status=1; [ -z "$f" ] || [ "$f" = 0 ] && failed=$((failed + 1)); fi
  rm -f "$log"
}
run "integration tests on SQLite" tests/Hongling.Tests HONGLING_TEST_PROVIDER=sqlite
run "integration tests on PostgreSQL" tests/Hongling.Tests HONGLING_TEST_PROVIDER=postgres
run "browser tests (Chromium)" tests/Hongling.BrowserTests

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
