#!/usr/bin/env bash
# Member search at district scale: seeds N members (default 100,000) with the demo generator, starts the Release build
# on SQLite (DB=postgres: a throwaway durable PostgreSQL cluster) on a free loopback port, signs in as the district
# administrator, and drives the member search page and API with wrk. Baselines in the same run, same connections and
# duration: GET /ping (no cookie), GET /api/whoami (signed in: the session row is read, nothing else) and GET /api/me
# (the org scope loaded), with the app's CPU per request of each and of every case; wrk's HTTP and socket errors are
# printed for every run. Prints `key: value` lines; the last line is the headline. Exits 0 even when a target is
# missed.
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-100000}; DURATION=${DURATION:-5s}; CONNS=${CONNS:-32}; LAT_CONNS=${LAT_CONNS:-4}
. bench/common.sh
bench_prepare
use_db hongling_members
seed_start=$(date +%s%N)
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" "${seed_db[@]}" > "$work/seed.txt" \
  || { echo "bench: seed failed"; exit 0; }
seed_wall=$(python3 -c "print(f\"{($(date +%s%N) - $seed_start) / 1e9:.1f}\")")

start_app

# Sign in as the district administrator (antiforgery token from the form, then the cookie).
jar="$work/cookies"
cookie=$(sign_in 1000000001 "$jar")
[ -n "$cookie" ] || { echo "bench: sign-in failed"; exit 0; }

# drive OUT URL CONNECTIONS -> bench/report.lua's figures for that URL in OUT, with the app's CPU.
drive() {
  measured "$1" wrk -t2 -c"$3" -d"$DURATION" --timeout 10s -s bench/latency.lua -H "Cookie: $cookie" "$2"
}
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("王"))')
org=$(first_org "$cookie")

echo "members: $MEMBERS"
echo "organizations: $(awk '/^organizations:/ {print $2}' "$work/seed.txt")"
echo "seed_seconds: $(awk '/^seconds:/ {print $2}' "$work/seed.txt")"
echo "seed_wall_seconds_with_startup: $seed_wall"
echo "connections: $CONNS (throughput), $LAT_CONNS (latency)"
runner() { # MODE -> wrk's figures for the baseline MODE (ping without the cookie)
  local h=(-H "Cookie: $cookie") url="$base/api/$1"
  [ "$1" = ping ] && { h=(); url="$base/ping"; }
  wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/latency.lua "${h[@]}" "$url"
}
baselines runner
# Throughput at $CONNS connections, latency at $LAT_CONNS (a handful of administrators searching at once).
for case in "api_search_name:/api/members?q=$q" "api_search_id_tail:/api/members?q=1234" \
            "api_page_2000:/api/members?page=2000" \
            "tree_district_children:/api/orgs/$org/children" "page_search_name:/Members?q=$q"; do
  name=${case%%:*}; url=$base${case#*:}
  drive "$work/$name.txt" "$url" "$CONNS"
  drive "$work/$name.lat.txt" "$url" "$LAT_CONNS"
  show "$name" "$work/$name.txt" > "$work/shown"; grep -v "_p[0-9]*_ms:" "$work/shown"
  ratios "$name" "$work/$name.txt"
  show "$name" "$work/$name.lat.txt" > "$work/shown"
  grep "_p[0-9]*_ms:\|_errors:" "$work/shown" | sed "s/^${name}_errors:/${name}_latency_run_errors:/"
  case $name in
    api_search_name) api_p95=$(val p95_ms "$work/$name.lat.txt") ;;
    page_search_name) page_p95=$(val p95_ms "$work/$name.lat.txt") ;;
  esac
done
# Import: a clean 10,000-row workbook, checked (preview) and committed through the page, as a browser does.
# A 2,000-row import of other people runs first and is not timed: the figure is the running app's, not
# the first call's JIT compilation of the workbook reader and the bulk insert.
IMPORT_ROWS=${IMPORT_ROWS:-10000}
dotnet "$work/app/Hongling.Web.dll" import-sample --rows "$IMPORT_ROWS" "${seed_db[@]}" \
  --out "$work/import.xlsx" >/dev/null
dotnet "$work/app/Hongling.Web.dll" import-sample --rows 2000 --start 1000000 "${seed_db[@]}" \
  --out "$work/warm.xlsx" >/dev/null
token() { form_token "$jar" "$base/Members/Import"; }
curl -s -b "$jar" -c "$jar" -F "__RequestVerificationToken=$(token)" -F "file=@$work/warm.xlsx" \
  "$base/Members/Import?handler=Check" \
  | grep -o 'name="payload" value="[^"]*"' | sed 's/.*value="//;s/"$//' > "$work/warm.payload"
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$(token)" \
  --data-urlencode "payload@$work/warm.payload" "$base/Members/Import?handler=Commit"
import_start=$(date +%s%N)
curl -s -b "$jar" -c "$jar" -F "__RequestVerificationToken=$(token)" -F "file=@$work/import.xlsx" \
  "$base/Members/Import?handler=Check" > "$work/check.html"
check_end=$(date +%s%N)
grep -o 'name="payload" value="[^"]*"' "$work/check.html" | sed 's/.*value="//;s/"$//' > "$work/payload"
commit_status=$(curl -s -o "$work/commit.html" -w '%{http_code}' -b "$jar" -c "$jar" \
  --data-urlencode "__RequestVerificationToken=$(token)" --data-urlencode "payload@$work/payload" \
  "$base/Members/Import?handler=Commit")
[ "$commit_status" = 302 ] || {
  grep -o 'role="alert"[^<]*<[^<]*' "$work/check.html" "$work/commit.html" | head -5; grep -c payload "$work/check.html"
}
import_end=$(date +%s%N)
echo "import_rows: $IMPORT_ROWS"
echo "import_check_seconds: $(python3 -c "print(f'{($check_end - $import_start) / 1e9:.2f}')")"
echo "import_total_seconds: $(python3 -c "print(f'{($import_end - $import_start) / 1e9:.2f}')")"
echo "import_committed: $([ "$commit_status" = 302 ] && echo yes || echo "no (HTTP $commit_status)")"
echo "import_rows_per_second: $(python3 -c "print(f'{$IMPORT_ROWS / (($import_end - $import_start) / 1e9):.0f}')")"
[ "$commit_status" = 302 ] || errors_seen=$(( errors_seen + 1 ))
headline search_p95_ms "$(python3 -c "print(max(float('$api_p95'), float('$page_p95')))")"
