#!/usr/bin/env bash
# The one test command: installs what is missing, starts a throwaway PostgreSQL cluster and the local
# peers of the notification channels (smtp4dev for email, tests/Hongling.SmsGateway for SMS), runs every
# test project (the integration suite once on SQLite and once on PostgreSQL, then the browser tests beside the
# cluster tests: two instances behind nginx),
# stops the cluster and the peers, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

need=()
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "${PGBIN:-}/initdb" ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need+=(fonts-wqy-zenhei)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)   # shared-state tests (Redis)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)                      # the cluster tests' load balancer
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing ${need[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || { echo "test.sh: apt-get install failed"; exit 1; }
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  else
    echo "test.sh: missing ${need[*]}; install them as root: sudo apt-get install -y ${need[*]}"
    exit 1
  fi
fi

# --- a throwaway PostgreSQL cluster on a free port ------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port 2>/dev/null || echo 55432)
PGDATA=$(mktemp -d /tmp/hongling-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGDATA"; }
# The local peers of the notification channels (below): each started in its own process group, stopped with it.
PEERS=(); PEERDATA=$(mktemp -d /tmp/hongling-peers.XXXXXX)
stop_peers() { for p in "${PEERS[@]}"; do kill -- -"$p" 2>/dev/null; done; rm -rf "$PEERDATA"; }
trap 'stop_peers; stop_pg' EXIT
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
  || { echo "test.sh: initdb failed"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { echo "test.sh: PostgreSQL did not start"; cat "$PGDATA/server.log"; exit 1; }
export HONGLING_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Database=postgres;Username=postgres"

wait_http() { # url, name, log: up to 60 s
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "test.sh: $2 did not start"; cat "$3"; return 1
}

# --- SMTP: smtp4dev (pinned in dotnet-tools.json), started now so it boots while the build runs
dotnet tool restore >/dev/null || { echo "test.sh: dotnet tool restore failed"; exit 1; }
SMTP_PORT=$(free_port); SMTP_API_PORT=$(free_port)
setsid dotnet tool run smtp4dev -- --smtpport="$SMTP_PORT" --urls="http://127.0.0.1:$SMTP_API_PORT" \
  --bindaddress=127.0.0.1 --db= --imapport= --pop3port= --nousersettings --hostname=localhost \
  --messagestokeep=100000 --baseappdatapath="$PEERDATA" >"$PEERDATA/smtp4dev.log" 2>&1 &
PEERS+=($!)
export HONGLING_TEST_SMTP="127.0.0.1:$SMTP_PORT" HONGLING_TEST_SMTP_API="http://127.0.0.1:$SMTP_API_PORT"

# --- Redis for the shared-state tests (own block: starts only when redis-server is installed) -----------
start_redis() {
  command -v redis-server >/dev/null 2>&1 || { echo "test.sh: redis-server not installed; Redis tests skip"; return; }
  REDISPORT=$(free_port)
  REDISPID=$(mktemp /tmp/hongling-redis.XXXXXX)
  redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$REDISPID" --logfile /dev/null || return
  export HONGLING_TEST_REDIS="127.0.0.1:$REDISPORT"
}
stop_redis() { [ -s "${REDISPID:-}" ] && kill "$(cat "$REDISPID")" 2>/dev/null; rm -f "${REDISPID:-}"; }
start_redis
trap 'stop_peers; stop_pg; stop_redis' EXIT

dotnet build Hongling.slnx -nologo -v q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# --- SMS: the local SendSms endpoint (tests/Hongling.SmsGateway) with a fresh secret --------------------------------
SMS_PORT=$(free_port)
export HONGLING_TEST_SMS="http://127.0.0.1:$SMS_PORT/" HONGLING_TEST_SMS_KEY_ID="LTAI-hongling-test"
HONGLING_TEST_SMS_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
export HONGLING_TEST_SMS_SECRET
setsid dotnet tests/Hongling.SmsGateway/bin/Debug/net10.0/Hongling.SmsGateway.dll --urls "$HONGLING_TEST_SMS" \
  --Gateway:AccessKeyId="$HONGLING_TEST_SMS_KEY_ID" --Gateway:AccessKeySecret="$HONGLING_TEST_SMS_SECRET" \
  --Gateway:SignName=红领党建 --Gateway:TemplateCode=SMS_HONGLING_TEST >"$PEERDATA/sms.log" 2>&1 &
PEERS+=($!)
wait_http "${HONGLING_TEST_SMS}__health" "the SMS gateway" "$PEERDATA/sms.log" || exit 1
wait_http "$HONGLING_TEST_SMTP_API/api/messages?pageSize=1" "smtp4dev" "$PEERDATA/smtp4dev.log" || exit 1

passed=0; failed=0; skipped=0; status=0
count() { grep -oP "^\\s*$1:\\s*\\K[0-9]+" "$2" | tail -1; }   # a summary figure of a dotnet test log
tally() { # log, exit code: adds the run's counts (a failed run without a failed test counts as one failure)
  local log=$1 rc=$2 t f s
  t=$(count succeeded "$log"); f=$(count failed "$log"); s=$(count skipped "$log")
  passed=$((passed + ${t:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ "$rc" != 0 ]; then status=1; [ -z "$f" ] || [ "$f" = 0 ] && failed=$((failed + 1)); fi
}
run() { # name, project, env...
  local name=$1 project=$2; shift 2
  local log; log=$(mktemp)
  echo "== $name"
  env "$@" dotnet test --project "$project" --no-build 2>&1 | tee "$log"
  tally "$log" "${PIPESTATUS[0]}"
  rm -f "$log"
}
# The house format (.editorconfig: lines of at most 120 characters): CSharpier for C#, tools/check-lines.py for every
# source; tools/format.sh fixes most of what these find.
echo "== format"
if dotnet tool run csharpier check . && python3 tools/check-lines.py; then passed=$((passed + 1))
else
  failed=$((failed + 1)); status=1
  echo "test.sh: run tools/format.sh, then fold by hand what tools/check-lines.py still lists"
fi
run "integration tests on SQLite" tests/Hongling.Tests HONGLING_TEST_PROVIDER=sqlite
run "integration tests on PostgreSQL" tests/Hongling.Tests HONGLING_TEST_PROVIDER=postgres
# The cluster stage (tests/Hongling.ClusterTests: two instances of the built app behind nginx, on this PostgreSQL and
# Redis, on free ports and in temporary folders of its own) mostly waits on real time, so it runs beside the browser
# tests; its output is shown and counted after them.
CLUSTERLOG=$(mktemp /tmp/hongling-cluster-log.XXXXXX)
# (bounded: a hung cluster run must not hang the whole suite)
( timeout 900 dotnet test --project tests/Hongling.ClusterTests --no-build > "$CLUSTERLOG" 2>&1
  echo $? > "$CLUSTERLOG.rc" ) &
CLUSTERPID=$!
run "browser tests (Chromium)" tests/Hongling.BrowserTests
wait "$CLUSTERPID"
echo "== cluster tests (two instances behind nginx, PostgreSQL, Redis)"
cat "$CLUSTERLOG"; tally "$CLUSTERLOG" "$(cat "$CLUSTERLOG.rc" 2>/dev/null || echo 1)"
rm -f "$CLUSTERLOG" "$CLUSTERLOG.rc"

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
