# Sourced by the bench scripts: what every run does the same way.
#   bench_prepare        wrk present (installed as root if missing), a work directory removed on exit
#                        (stopping the app started in it), the Release build in $work/app (a copy of $BENCH_APP when
#                        it names a published build), a fresh Pii key,
#                        and $port / $base for a free loopback port.
#   start_app [VAR=v..]  starts the app on SQLite ($work/bench.db) with the extra settings (on PostgreSQL when
#                        $pg_conn is set), sets $pid and waits until /ping answers.
#   cpu_ticks            the app's user + system CPU so far, in clock ticks (/proc/$pid/stat fields 14 and 15).
#   measured OUT CMD..   runs CMD (a wrk run whose reporter is bench/report.lua) into OUT and appends the app's
#                        CPU over the run: cpu_ms (total) and cpu_ms_per_request (cpu_ms / requests answered).
#   show NAME OUT        prints NAME_rps, NAME_p50/p95/p99_ms, NAME_errors and NAME_cpu_ms_per_request from OUT,
#                        and adds the run's errors to $errors_seen.
#   baselines RUNNER     measures /ping (no cookie), /api/whoami and /api/me with RUNNER MODE OUT (the script's
#                        own wrk call, same connections and duration as its hot path) and shows them.
#   ratios NAME OUT      NAME's requests/s over each baseline's and its CPU per request over each baseline's.
#   require_zero KEY F   a database check's "KEY: n" line in F that must be 0 (lost, graded twice, ...).
#   headline KEY VALUE   the last line; says so when the run had errors or a check failed.
#   val KEY FILE         the value of a "key value" line; ratio A B prints A/B.
#   stop_app             stops that app.
#   start_postgres NAME [durable]
#                        a throwaway PostgreSQL cluster on a free port, as test.sh starts one (fsync off unless
#                        "durable"), with database NAME; sets $pg_conn (start_app then runs on it) and $PGBIN/$PGPORT,
#                        and is stopped and removed on exit. Returns 1 (with a line saying so) when PostgreSQL is
#                        missing.
#   pg_sql DB SQL        runs SQL in database DB of that cluster.
#   use_db NAME          the run's database by $DB: sqlite (default) or postgres (start_postgres NAME durable: fsync
#                        and synchronous_commit on, psql on the PATH); sets $seed_db (the seed command's database
#                        arguments) and $db_check (what the bench/*.py checks read: the SQLite file or a
#                        postgresql:// URI) and prints which database it is.
#   sign_in CARD [JAR]   signs in through the login form with the demo password (cookies kept in JAR, a new file
#                        when not given) and prints the auth cookie ("hongling.auth=..."), or nothing.
#   form_token JAR URL   the antiforgery token of the first form on the page at URL.
#   first_org COOKIE     the id of the first organization /api/orgs lists for that cookie.
bench_prepare() {
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
  command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 0; }
  work=$(mktemp -d /tmp/hongling-bench.XXXXXX)
  pid=""
  errors_seen=0
  failures=""
  clk=$(getconf CLK_TCK)
  trap 'stop_app; [ "$(type -t bench_cleanup)" = function ] && bench_cleanup; stop_postgres; rm -rf "$work"' EXIT
  # BENCH_APP=DIR: a Release build published before (several scripts in a row on a busy machine).
  if [ -f "${BENCH_APP:-}/Hongling.Web.dll" ]; then cp -r "$BENCH_APP" "$work/app"
  else
    dotnet publish src/Hongling.Web -c Release -o "$work/app" -nologo -v q >/dev/null \
      || { echo "bench: build failed"; exit 0; }
  fi
  export Pii__Key=$(head -c 32 /dev/urandom | base64)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
}

start_app() {
  local db=(ConnectionStrings__Hongling="Data Source=$work/bench.db")
  [ -n "${pg_conn:-}" ] && db=(Database__Provider=Postgres ConnectionStrings__Hongling="$pg_conn")
  env "$@" "${db[@]}" ASPNETCORE_ENVIRONMENT=Production Cookies__Secure=false Logging__LogLevel__Default=Warning \
    Data__Directory="$work" dotnet "$work/app/Hongling.Web.dll" --urls "$base" >> "$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -sf "$base/ping" >/dev/null && break; sleep 0.2; done
}

stop_app() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
start_postgres() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "${PGBIN:-}/initdb" ] || { echo "postgres: skipped (PostgreSQL is not installed)"; return 1; }
  local sync="-c fsync=off -c synchronous_commit=off"; [ "${2:-}" = durable ] && sync=""
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  PGDATA=$(mktemp -d /tmp/pgdata.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
    -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 $sync -c max_connections=200" start >/dev/null
  pg_sql postgres "CREATE DATABASE $1;"
  pg_conn="Host=127.0.0.1;Port=$PGPORT;Database=$1;Username=postgres"
  echo "postgres_version: $("$PGBIN/postgres" --version | awk '{print $3}')"
}
pg_sql() { as_pg "$PGBIN/psql" -h /tmp -p "$PGPORT" -U postgres -d "$1" -qc "$2"; }
stop_postgres() {
  [ -n "${PGDATA:-}" ] || return 0
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDATA"; PGDATA=""; unset pg_conn
}

use_db() {
  db_check="$work/bench.db"; seed_db=(--db "$work/bench.db")
  if [ "${DB:-sqlite}" = postgres ]; then
    start_postgres "$1" durable || exit 0
    export PATH="$PGBIN:$PATH"
    db_check="postgresql://postgres@127.0.0.1:$PGPORT/$1"; seed_db=(--postgres "$pg_conn")
    echo "database: PostgreSQL (fsync $(psql "$db_check" -Atc 'show fsync')," \
      "synchronous_commit $(psql "$db_check" -Atc 'show synchronous_commit'))"
  else
    echo "database: SQLite (WAL, synchronous=NORMAL)"
  fi
}

form_token() {
  curl -s -c "$1" -b "$1" "$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' \
    | head -1 | sed 's/.*value="//;s/"$//'
}
sign_in() {
  local jar=${2:-$(mktemp -p "$work")} token
  token=$(form_token "$jar" "$base/Account/Login")
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.CardNumber=$1" \
    --data-urlencode "Input.Password=hongling2026" --data-urlencode "__RequestVerificationToken=$token" \
    "$base/Account/Login"
  awk '$6 == "hongling.auth" { print $6 "=" $7 }' "$jar"
}
first_org() {
  curl -s -H "Cookie: $1" "$base/api/orgs" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' 2>/dev/null
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0; }

measured() {
  local out=$1; shift
  local t0; t0=$(cpu_ticks)
  "$@" > "$out"
  local t1; t1=$(cpu_ticks)
  python3 - "$t0" "$t1" "$clk" "$(val requests "$out")" >> "$out" <<'PY'
import sys
t0, t1, clk, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4] or 0)
ms = (t1 - t0) * 1000 / clk
if t1 < t0 or t1 == 0: print("cpu_ms n/a (the app ended during the run)")   # KILL=1
else: print(f"cpu_ms {ms:.0f}")
print(f"cpu_ms_per_request {ms / n:.4f}" if n and t1 >= t0 and t1 else "cpu_ms_per_request n/a")
PY
}

show() {
  local name=$1 f=$2
  local status socket; status=$(val status_errors "$f"); socket=$(val socket_errors "$f")
  echo "${name}_rps: $(val rps "$f")"
  echo "${name}_p50_ms: $(val p50_ms "$f")"
  echo "${name}_p95_ms: $(val p95_ms "$f")"
  echo "${name}_p99_ms: $(val p99_ms "$f")"
  echo "${name}_errors: $(( ${status:-0} + ${socket:-0} )) (HTTP status >= 400: ${status:-?}," \
    "socket errors and timeouts: ${socket:-?})"
  echo "${name}_cpu_ms_per_request: $(val cpu_ms_per_request "$f")" \
    "(app CPU $(val cpu_ms "$f") ms over $(val requests "$f") requests)"
  errors_seen=$(( errors_seen + ${status:-0} + ${socket:-0} ))
}

baselines() {
  local runner=$1 mode
  for mode in ping whoami me; do measured "$work/$mode.txt" "$runner" "$mode"; done
  show baseline_ping "$work/ping.txt"
  show baseline_whoami "$work/whoami.txt"
  show baseline_me "$work/me.txt"
}

ratios() {
  local name=$1 f=$2 b
  for b in whoami ping me; do
    echo "${name}_ratio_to_${b}: $(ratio "$(val rps "$f")" "$(val rps "$work/$b.txt")") (requests/s)," \
      "CPU per request $(ratio "$(val cpu_ms_per_request "$f")" "$(val cpu_ms_per_request "$work/$b.txt")")x"
  done
}

require_zero() { local v; v=$(val "$1:" "$2"); [ "${v:-missing}" = 0 ] || failures="$failures $1=${v:-missing}"; }

headline() {
  local note=""
  [ "$errors_seen" -gt 0 ] && note=" RUN HAD $errors_seen ERRORS (see the *_errors lines)."
  [ -n "$failures" ] && note="$note CHECKS FAILED:$failures."
  echo "$1: $2${note:+ (${note# })}"
}

val() { awk -v k="$1" '$1==k {print $2}' "$2"; }
ratio() { python3 -c "
try: print(f'{float(\"$1\")/float(\"$2\"):.4f}')
except Exception: print('n/a')"; }
