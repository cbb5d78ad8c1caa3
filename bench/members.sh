#!/usr/bin/env bash
# Member search at district scale: seeds N members (default 100,000) with the demo generator, starts the
# Release build on a free loopback port, signs in as the district administrator, and drives the member
# search page and API with wrk. Baseline: GET /ping of the same app in the same run.
# Prints `key: value` lines; the last line is the headline. Exits 0 even when a target is missed.
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-100000}; DURATION=${DURATION:-5s}; CONNS=${CONNS:-32}
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 0; }

work=$(mktemp -d /tmp/hongling-bench.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/Hongling.Web -c Release -o "$work/app" -nologo -v q >/dev/null || { echo "bench: build failed"; exit 0; }
export Pii__Key=$(head -c 32 /dev/urandom | base64)
seed_start=$(date +%s%N)
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --db "$work/bench.db" > "$work/seed.txt" || { echo "bench: seed failed"; exit 0; }
seed_wall=$(python3 -c "print(f\"{($(date +%s%N) - $seed_start) / 1e9:.1f}\")")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ASPNETCORE_ENVIRONMENT=Production Cookies__Secure=false Logging__LogLevel__Default=Warning \
  ConnectionStrings__Hongling="Data Source=$work/bench.db" Data__Directory="$work" \
  dotnet "$work/app/Hongling.Web.dll" --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$base/ping" >/dev/null && break; sleep 0.2; done

# Sign in as the district administrator (antiforgery token from the form, then the cookie).
jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.CardNumber=1000000001" --data-urlencode "Input.Password=hongling2026" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
cookie=$(awk '$6 == "hongling.auth" { print $6 "=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "bench: sign-in failed"; exit 0; }

rps() { wrk -t2 -c"$CONNS" -d"$DURATION" -H "Cookie: $cookie" "$1" 2>/dev/null | awk '/Requests\/sec/ { print $2 }'; }
latency() { wrk -t2 -c"$CONNS" -d"$DURATION" --latency -H "Cookie: $cookie" "$1" 2>/dev/null | awk '$1 == "99%" { print $2 }'; }
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("王"))')

ping=$(rps "$base/ping")
api_name=$(rps "$base/api/members?q=$q")
api_tail=$(rps "$base/api/members?q=1234")
api_page=$(rps "$base/api/members?page=2000")
page_name=$(rps "$base/Members?q=$q")
org=$(curl -s -H "Cookie: $cookie" "$base/api/orgs" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
tree=$(rps "$base/api/orgs/$org/children")
p99=$(latency "$base/Members?q=$q")

ratio() { python3 -c "print(f'{float($1)/float($2):.4f}')"; }
echo "members: $MEMBERS"
echo "organizations: $(awk '/^organizations:/ {print $2}' "$work/seed.txt")"
echo "seed_seconds: $(awk '/^seconds:/ {print $2}' "$work/seed.txt")"
echo "seed_wall_seconds_with_startup: $seed_wall"
echo "baseline_ping_rps: $ping"
echo "api_search_by_name_rps: $api_name (ratio $(ratio "$api_name" "$ping"))"
echo "api_search_by_id_tail_rps: $api_tail (ratio $(ratio "$api_tail" "$ping"))"
echo "api_page_2000_rps: $api_page (ratio $(ratio "$api_page" "$ping"))"
echo "district_tree_children_rps: $tree (ratio $(ratio "$tree" "$ping"))"
echo "page_search_by_name_p99: $p99"
echo "page_search_by_name_rps: $page_name (ratio $(ratio "$page_name" "$ping"))"
