#!/usr/bin/env bash
# Study heartbeats at district scale: seeds N members (default 50,000) with red cards for SIGNED of them, starts the
# Release build on SQLite (DB=postgres: a throwaway durable PostgreSQL cluster) on a free loopback port, signs the
# members in, opens one study session each, and drives POST /api/study/heartbeat with wrk (bench/heartbeat.lua). In
# the same run, with the same connections, duration and cookies, it measures the baselines GET /ping (no cookie), GET
# /api/whoami (signed in: the session row is read, nothing else) and GET /api/me (signed in, the org scope loaded),
# and the app's CPU per request of each. Then it stops the app gracefully and checks the database
# (bench/heartbeat.py): every acknowledged beat recorded in its own session (lost_beats), and credited minutes per
# member within what the rule allows and consistent across the three places they are counted. Beats this fast come
# closer than the rule's 10 s gap, so they show no study time: PACED=1 paces them 12-20 s apart for 3.5 minutes
# instead, which loads the crediting rule across minute boundaries. KILL=1 kills the app with SIGKILL in the middle of
# the load instead and checks that every beat answered 200 before the kill is in the database. The per-account rate
# limit is lifted for the run. Prints `key: value`; last line the headline (the ratio to /api/whoami).
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-50000}; SIGNED=${SIGNED:-200}; DURATION=${DURATION:-20s}; CONNS=${CONNS:-32}
THREADS=2; KILL=${KILL:-0}
PACED=${PACED:-0}; PACE=""
# PACED=1: every member beats 12-20 s after its previous beat, as a reading page does, for 3.5 minutes (at
# least three minute boundaries crossed); enough connections that every due beat finds one. No baselines.
if [ "$PACED" = 1 ]; then PACE=paced; DURATION=${PACED_DURATION:-210s}; CONNS=${PACED_CONNS:-64}; fi
[ "$SIGNED" -le 1000 ] \
  || { echo "bench: SIGNED must be at most 1000 (sequence numbers name the member, see heartbeat.lua)"; exit 0; }
. bench/common.sh
bench_prepare
use_db hongling_heartbeat
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --cards "$SIGNED" "${seed_db[@]}" \
  > "$work/seed.txt" || { echo "bench: seed failed"; exit 0; }

start_app RateLimits__StudyBeatsPerMinute=100000000

# Sign each member in (antiforgery token, then the cookie) and open a session on the first material.
: > "$work/members.txt"
for i in $(seq 1 "$SIGNED"); do
  cookie=$(sign_in $((8000000000 + i)))
  [ -n "$cookie" ] || continue
  session=$(curl -s -H "Cookie: $cookie" -H 'Content-Type: application/json' -d '{"materialId":1}' \
    "$base/api/study/sessions" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionId"])' 2>/dev/null)
  [ -n "$session" ] && echo "$cookie $session" >> "$work/members.txt"
done
signed=$(wc -l < "$work/members.txt")
[ "$signed" -gt 0 ] || { echo "bench: no member could sign in"; exit 0; }

drive() { # mode -> wrk's key/value lines (bench/report.lua)
  wrk -t$THREADS -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/heartbeat.lua "$base" -- "$work/members.txt" "$1" \
    "$THREADS" "$work/acks" $PACE 2>/dev/null
}

echo "members: $MEMBERS"
echo "signed_in_members: $signed"
echo "connections: $CONNS"
echo "duration: $DURATION"
[ -n "$PACE" ] && echo "paced: each member beats 12-20 s after its previous beat" \
  "(crosses $(python3 -c "print(int(float('${DURATION%s}') // 60))")+ minute boundaries)"
[ -n "$PACE" ] || baselines drive
if [ "$KILL" = 1 ]; then
  measured "$work/beat.txt" drive beat &
  wrk_pid=$!
  sleep "$(python3 -c "print(float('${DURATION%s}') / 2)")"
  kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""
  wait "$wrk_pid"
  echo "killed: SIGKILL in the middle of the load (the errors below include the refused requests after the kill)"
else
  measured "$work/beat.txt" drive beat
  kill -TERM "$pid"; wait "$pid" 2>/dev/null; pid=""   # graceful stop: the writer drains what it accepted
fi

show heartbeat "$work/beat.txt"
[ -n "$PACE" ] || ratios heartbeat "$work/beat.txt"
python3 bench/heartbeat.py check "$db_check" "$work/members.txt" "$work/acks" > "$work/check.txt"
cat "$work/check.txt"
for k in lost_beats beats_counted_twice members_credited_over members_counted_inconsistently; do
  require_zero $k "$work/check.txt"
done
if [ -n "$PACE" ]; then
  credited_over=$(val members_credited_over: "$work/check.txt"); lost_beats=$(val lost_beats: "$work/check.txt")
  credited_exactly=$(val members_credited_exactly: "$work/check.txt")
  headline members_credited_over \
    "$credited_over (lost_beats $lost_beats, exactly as the rule gives: $credited_exactly of $signed)"
else
  headline heartbeat_ratio_to_whoami "$(ratio "$(val rps "$work/beat.txt")" "$(val rps "$work/whoami.txt")")"
fi
