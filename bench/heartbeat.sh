#!/usr/bin/env bash
# Study heartbeats at district scale: seeds N members (default 50,000) with red cards for SIGNED of them,
# starts the Release build on SQLite on a free loopback port, signs the members in, opens one study
# session each, and drives POST /api/study/heartbeat with wrk; in the same run and with the same
# settings GET /api/me (signed in, nothing else) is the baseline. Then it stops the app gracefully and
# checks the database: every acknowledged beat recorded (lost_beats), and credited minutes within what
# the rule allows (never more minutes than a session's beats span, consistent across the three places it
# is counted; beats this fast come closer than the rule's 10 s gap, so they show no study time and the
# load measures accepting beats and recording online time). KILL=1 kills the app with SIGKILL in the middle of the load instead and checks that every
# beat answered 200 before the kill is in the database. The per-account rate limit is lifted for the run
# (the load sends thousands of beats per member per minute). Prints `key: value`; last line the headline.
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-50000}; SIGNED=${SIGNED:-200}; DURATION=${DURATION:-20s}; CONNS=${CONNS:-32}; THREADS=2; KILL=${KILL:-0}
. bench/common.sh
bench_prepare
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --cards "$SIGNED" --db "$work/bench.db" > "$work/seed.txt" || { echo "bench: seed failed"; exit 0; }

start_app RateLimits__StudyBeatsPerMinute=100000000

# Sign each member in (antiforgery token, then the cookie) and open a session on the first material.
: > "$work/members.txt"
for i in $(seq 1 "$SIGNED"); do
  card=$((8000000000 + i)); jar="$work/jar$i"
  token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.CardNumber=$card" --data-urlencode "Input.Password=hongling2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  cookie=$(awk '$6 == "hongling.auth" { print $6 "=" $7 }' "$jar")
  [ -n "$cookie" ] || continue
  session=$(curl -s -H "Cookie: $cookie" -H 'Content-Type: application/json' -d '{"materialId":1}' "$base/api/study/sessions" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionId"])' 2>/dev/null)
  [ -n "$session" ] && echo "$cookie $session" >> "$work/members.txt"
done
signed=$(wc -l < "$work/members.txt")
[ "$signed" -gt 0 ] || { echo "bench: no member could sign in"; exit 0; }

drive() { # mode -> wrk's key/value lines
  wrk -t$THREADS -c"$CONNS" -d"$DURATION" -s bench/heartbeat.lua "$base" -- "$work/members.txt" "$1" "$THREADS" 2>/dev/null
}

echo "members: $MEMBERS"
echo "signed_in_members: $signed"
echo "connections: $CONNS"
echo "duration: $DURATION"
drive me > "$work/me.txt"
if [ "$KILL" = 1 ]; then
  drive beat > "$work/beat.txt" &
  wrk_pid=$!
  sleep "$(python3 -c "print(float('${DURATION%s}') / 2)")"
  kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""
  wait "$wrk_pid"
  echo "killed: SIGKILL in the middle of the load"
else
  drive beat > "$work/beat.txt"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null; pid=""   # graceful stop: the writer drains what it accepted
fi

echo "baseline_me_rps: $(val rps "$work/me.txt")"
echo "baseline_me_p99_ms: $(val p99_ms "$work/me.txt")"
echo "heartbeat_rps: $(val rps "$work/beat.txt")"
echo "heartbeat_p50_ms: $(val p50_ms "$work/beat.txt")"
echo "heartbeat_p99_ms: $(val p99_ms "$work/beat.txt")"
echo "heartbeat_errors: $(val errors "$work/beat.txt")"
echo "heartbeats_acknowledged: $(val acknowledged "$work/beat.txt")"
python3 - "$work/bench.db" "$(val acknowledged "$work/beat.txt")" <<'PY'
import sqlite3, sys
from datetime import datetime
db = sqlite3.connect(sys.argv[1]); acknowledged = int(sys.argv[2])
recorded = db.execute("select coalesce(sum(Beats),0) from StudySessions").fetchone()[0]
def at(t): return datetime.fromisoformat(t[:26]).timestamp()
# The rule credits at most one minute per minute of time between a page's beats: a session's span bounds it.
allowed = sum(min(int((at(last) - at(first)) // 60), cap)
              for first, last, cap in db.execute("select s.FirstBeatAt, s.LastBeatAt, m.EstimatedMinutes*3 from StudySessions s join Materials m on m.Id = s.MaterialId where s.FirstBeatAt is not null"))
marked = db.execute("select count(*) from ActiveMinutes where MaterialId is not null").fetchone()[0]
days = db.execute("select coalesce(sum(StudyMinutes),0) from StudyDays").fetchone()[0]
progress = db.execute("select coalesce(sum(CreditedMinutes),0) from MaterialProgress").fetchone()[0]
print(f"beats_recorded: {recorded}")
print(f"credited_minutes: {progress} (minute keys {marked}, day sums {days}, allowed by the rule {allowed})")
print(f"double_counted: {max(0, progress - allowed) + abs(progress - marked) + abs(progress - days)}")
print(f"lost_beats: {max(0, acknowledged - recorded)}")
PY
echo "heartbeat_ratio: $(ratio "$(val rps "$work/beat.txt")" "$(val rps "$work/me.txt")")"
