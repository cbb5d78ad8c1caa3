#!/usr/bin/env bash
# What the org scope costs a signed-in request: seeds N members (default 10,000) with the demo generator, starts the
# Release build on a free loopback port, signs in as an administrator (CARD, default the street administrator
# 1000000002, who is also a member: the scope's full load) and drives, in one run, same connections and duration:
#   GET /api/whoami          signed in and nothing else (the session row is read; no scope): auth_noop
#   GET /api/me              signed in and the org scope loaded, no query of its own: me
#   GET /api/members?page=1  the first page of the administrator's member list (scoped queries): scoped_list
# Prints each one's requests/s, latency and the app's CPU per request, and the cost ratios
# (1/rps) / (1/auth_noop_rps) and CPU per request over auth_noop's. Headline: me_cost_ratio (target <= 2).
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-10000}; DURATION=${DURATION:-10s}; CONNS=${CONNS:-32}; CARD=${CARD:-1000000002}
. bench/common.sh
bench_prepare
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --db "$work/bench.db" > "$work/seed.txt" \
  || { echo "bench: seed failed"; exit 0; }
start_app

cookie=$(sign_in "$CARD")
[ -n "$cookie" ] || { echo "bench: sign-in failed"; exit 0; }

echo "members: $MEMBERS"
echo "card: $CARD"
echo "connections: $CONNS, duration: $DURATION"
cases=("auth_noop:/api/whoami" "me:/api/me" "scoped_list:/api/members?page=1")
# One untimed warm-up pass over every case (JIT, EF's query cache, SQLite's page cache), then the measured runs.
for case in "${cases[@]}"; do
  wrk -t2 -c"$CONNS" -d2s --timeout 10s -H "Cookie: $cookie" "$base${case#*:}" > /dev/null
done
for case in "${cases[@]}"; do
  name=${case%%:*}
  measured "$work/$name.txt" wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/latency.lua \
    -H "Cookie: $cookie" "$base${case#*:}"
  show "$name" "$work/$name.txt"
done
# Cost of a request relative to auth_noop's: by wall-clock throughput (1/rps) and by the app's CPU per request.
cost() { ratio "$(val rps "$work/auth_noop.txt")" "$(val rps "$work/$1.txt")"; }
cpu() { ratio "$(val cpu_ms_per_request "$work/$1.txt")" "$(val cpu_ms_per_request "$work/auth_noop.txt")"; }
echo "scoped_list_cost_ratio: $(cost scoped_list) (CPU per request $(cpu scoped_list)x)"
echo "me_cpu_ratio: $(cpu me)"
headline me_cost_ratio "$(cost me)"
