#!/usr/bin/env bash
# The monthly bulletin at district scale: seeds MEMBERS (100,000) members in about ORGS (5,000) organizations, TERMINALS
# (5,000) sites of the sites bench, and last month (China time, the month the bulletin reports) with about ROWS
# (1,000,000) rows of sign-ins, study sessions, activities with their participants and site viewing sessions
# (`seed --orgs --terminals --month-rows`). Starts the Release build, signs in as the district administrator, measures
# the baseline (GET /ping under wrk: p50), then generates the district's bulletin for last month RUNS (3) times with
# POST /api/bulletins (first cold, then warm): prints each section's milliseconds from the answer's Server-Timing header
# for the median warm run, bulletin_first_seconds, the warm median and its ratio to /ping's p50. Then the same on a
# throwaway PostgreSQL cluster (seeded by the same command with --postgres; DB=sqlite skips it). Prints `key: value`;
# last line the headline bulletin_seconds (the warm median on SQLite; target < 2 s). The app runs with the automatic
# bulletin's schedule off (Bulletins:CheckMinutes=0), so that nothing but the measured requests generates one.
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-100000}; ORGS=${ORGS:-5000}; ROWS=${ROWS:-1000000}; TERMINALS=${TERMINALS:-5000}; RUNS=${RUNS:-3}
DB=${DB:-both}; CONNS=${CONNS:-16}; DURATION=${DURATION:-5s}; THREADS=2
. bench/common.sh
bench_prepare

seed() {   # seed NAME DATABASE-OPTIONS..
  local name=$1; shift
  local t0; t0=$(date +%s.%N)
  dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --orgs "$ORGS" --terminals "$TERMINALS" \
    --terminal-keys "$work/keys.txt" --month-rows "$ROWS" "$@" > "$work/seed-$name.txt" 2>> "$work/seed.log" \
    || { echo "${name}: seed failed"; return 1; }
  echo "${name}_organizations: $(val organizations: "$work/seed-$name.txt")"
  echo "${name}_members: $(val members: "$work/seed-$name.txt")"
  echo "${name}_terminal_sites: $(val terminals: "$work/seed-$name.txt") (beside the demo district's own sites)"
  echo "${name}_month_rows: $(val month_rows: "$work/seed-$name.txt")"
  echo "${name}_seed_seconds: $(python3 -c "print(f'{$(date +%s.%N) - $t0:.0f}')")"
}

# measure NAME: the app runs; signs in, measures /ping, generates RUNS bulletins, prints NAME_* lines.
measure() {
  local name=$1 cookie org month
  cookie=$(sign_in 1000000001)
  [ -n "$cookie" ] || { echo "${name}: sign-in failed"; errors_seen=$((errors_seen + 1)); return; }
  org=$(first_org "$cookie")
  month=$(python3 -c 'import datetime as d
t = d.datetime.now(d.timezone.utc) + d.timedelta(hours=8)
y, m = (t.year, t.month - 1) if t.month > 1 else (t.year - 1, 12)
print(f"{y}-{m:02d}")')
  wrk -t$THREADS -c"$CONNS" -d"$DURATION" -s bench/latency.lua "$base/ping" > "$work/ping-$name.txt" 2>/dev/null
  : > "$work/runs-$name.txt"
  local c0 c1 i
  for i in $(seq 1 "$RUNS"); do
    [ "$i" = 2 ] && c0=$(cpu_ticks)
    curl -s -o "$work/answer-$name.json" -D "$work/headers-$name.txt" -w '%{http_code} %{time_total}' \
      -H "Cookie: $cookie" -H "Content-Type: application/json" \
      --data "{\"organizationId\": $org, \"month\": \"$month\"}" "$base/api/bulletins" >> "$work/runs-$name.txt"
    timing=$(tr -d '\r' < "$work/headers-$name.txt" | awk 'tolower($1) == "server-timing:" { $1 = ""; print }')
    echo " ${timing// /}" >> "$work/runs-$name.txt"
  done
  c1=$(cpu_ticks)
  python3 - "$name" "$month" "$work/runs-$name.txt" "$work/ping-$name.txt" "$(( (c1 - ${c0:-$c1}) * 1000 / clk ))" \
    "$work/answer-$name.json" > "$work/result-$name.txt" <<'PY'
import json, statistics, sys
name, month, runs_file, ping_file, cpu_ms, answer = sys.argv[1:7]
runs = []
for line in open(runs_file):
    parts = line.split()
    if len(parts) < 2: continue
    timing = {}
    for metric in (parts[2] if len(parts) > 2 else "").split(","):
        if ";dur=" in metric:
            k, v = metric.split(";dur=")
            timing[k] = float(v)
    runs.append((parts[0], float(parts[1]), timing))
ping = {l.split()[0]: l.split()[1] for l in open(ping_file) if len(l.split()) >= 2}
p50 = float(ping.get("p50_ms", "nan"))
warm = sorted(runs[1:] or runs, key=lambda r: r[1])
median = warm[len(warm) // 2]
print(f"{name}_month: {month}")
try: print(f"{name}_bulletin_id: {json.load(open(answer))['id']}")
except Exception: print(f"{name}_bulletin_id: n/a")
failed = sum(1 for code, _, _ in runs if code != "201")
print(f"{name}_errors: {failed} (of {len(runs)} generations answered other than 201)")
print(f"{name}_baseline_ping_rps: {ping.get('rps', 'n/a')}")
print(f"{name}_baseline_ping_p50_ms: {ping.get('p50_ms', 'n/a')}")
for section in ("sites", "submissions", "platform", "targets", "quality", "store"):
    print(f"{name}_{section}_ms: {median[2].get(section, float('nan')):.0f}")
print(f"{name}_bulletin_first_seconds: {runs[0][1]:.2f}" if runs else f"{name}_bulletin_first_seconds: n/a")
print(f"{name}_bulletin_cpu_ms_per_warm_run: {int(cpu_ms) / max(len(runs) - 1, 1):.0f} (the app's CPU)")
print(f"{name}_bulletin_seconds: {median[1]:.2f} (median of {len(warm)} warm runs; target < 2)")
ratio = f"{median[1] * 1000 / p50:.0f}" if p50 == p50 and p50 > 0 else "n/a"
print(f"{name}_bulletin_ratio_to_ping_p50: {ratio}")
PY
  cat "$work/result-$name.txt"
  errors_seen=$(( errors_seen + $(val "${name}_errors:" "$work/result-$name.txt") ))
}

echo "members: $MEMBERS"
echo "organizations_asked: $ORGS"
echo "month_rows_asked: $ROWS"
echo "terminals: $TERMINALS"
echo "runs: $RUNS"
if [ "$DB" != postgres ]; then
  seed sqlite --db "$work/bench.db" && { start_app Bulletins__CheckMinutes=0; measure sqlite; stop_app; }
  rm -f "$work"/bench.db*
fi

if [ "$DB" != sqlite ]; then
  # The bulletin only reads; fsync is off so that the seed's million rows go in quickly (what is measured does not
  # write but the bulletin's one row).
  if start_postgres hongling_bulletin; then
    if seed postgres --postgres "$pg_conn"; then
      # Fresh tables have no statistics until autovacuum gets to them; a database in use has them.
      pg_sql hongling_bulletin "ANALYZE;"
      start_app Bulletins__CheckMinutes=0; measure postgres; stop_app
    fi
    stop_postgres
  fi
fi

headline bulletin_seconds "$(val sqlite_bulletin_seconds: "$work/result-sqlite.txt" 2>/dev/null || echo n/a)"
