#!/usr/bin/env bash
# Online exam at district scale: seeds MEMBERS members (default 50,000) with red cards for CANDIDATES of them and a
# 50-question exam open to the district (`seed --bench-exam 50`), starts the Release build on SQLite (DB=postgres: a
# throwaway durable PostgreSQL cluster) on a free loopback port and signs the candidates in, PAR at a time (not
# measured: password hashing is slow on purpose; the time is printed). Then every candidate posts the start form at
# the same moment, START_PAR connections at once (bench/start.lua under wrk: time until all attempts exist, errors),
# wrk drives autosaves PUT /api/exams/attempts/{id}/answers/{n} (bench/exam.lua: each candidate's answers in turn with
# growing sequence numbers — the issue's one answer per 15 s per candidate, compressed as far as the machine allows)
# against the baselines GET /ping (no cookie), GET /api/whoami (signed in: the session row is read, nothing else) and
# GET /api/me (signed in, the org scope loaded), same connections and duration, with the app's CPU per request of
# each; every attempt is then submitted twice at once. The app is stopped gracefully and bench/exam.py checks the
# database: every autosave answered 200 stored (lost_answers) and every attempt graded exactly once (counted:
# Attempt.GradedCount). KILL=1 kills the app with SIGKILL in the middle of the autosaves instead, reads the database
# as the kill left it and checks every autosave answered 200 before the kill. The autosave rate limit is lifted for
# the run. Prints `key: value`; last line the headline (the ratio to /api/whoami).
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-50000}; CANDIDATES=${CANDIDATES:-10000}; QUESTIONS=${QUESTIONS:-50}; PAR=${PAR:-8}
START_PAR=${START_PAR:-200}
DURATION=${DURATION:-20s}; CONNS=${CONNS:-32}; THREADS=2; KILL=${KILL:-0}
. bench/common.sh
bench_prepare
use_db hongling_exam
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --cards "$CANDIDATES" --bench-exam "$QUESTIONS" \
  "${seed_db[@]}" > "$work/seed.txt" \
  || { echo "bench: seed failed"; exit 0; }
exam=$(awk '$1 == "bench_exam:" { print $2 }' "$work/seed.txt")

start_app RateLimits__ExamAnswersPerMinute=100000000

echo "members: $MEMBERS"
echo "candidates: $CANDIDATES (signing in is not measured;" \
  "at ~0.1 s of CPU each it takes minutes on this 2-core machine)"
echo "questions: $QUESTIONS"
python3 bench/exam.py signin "$base" 8000000001 "$CANDIDATES" "$PAR" "$work/signed.txt"
echo "start_connections: $START_PAR"
# bench/start.lua ends wrk itself once every candidate is answered; -d only bounds a run that goes wrong.
t0=$(date +%s.%N)
( wrk -t$THREADS -c"$START_PAR" -d300s --timeout 60s -s bench/start.lua "$base" -- "$work/signed.txt" "$exam" \
    $THREADS "$work/started" > /dev/null 2>&1
  times > "$work/start_times.txt" )
t1=$(date +%s.%N)
if [ "$(ls "$work"/started.* 2>/dev/null | wc -l)" -ne "$THREADS" ]; then
  echo "bench: the start did not finish within 300 s"
fi
cat "$work"/started.* 2>/dev/null \
  | awk '{ c += $1; e += $2 } END { printf "attempts_created: %d\nattempt_errors: %d\n", c, e }' \
  | tee "$work/started.txt"
errors_seen=$(( errors_seen + $(awk '$1 == "attempt_errors:" { print $2 }' "$work/started.txt") ))
echo "attempts_seconds: $(python3 -c "print(f'{$t1 - $t0:.2f}')")"
echo "start_driver_cpu: $(tail -1 "$work/start_times.txt") (wrk's user and system time on the same 2 cores)"
python3 bench/exam.py papers "$base" "$exam" "$work/signed.txt" "$PAR" "$work/attempts.txt"
[ -s "$work/attempts.txt" ] && [ "$(wc -l < "$work/attempts.txt")" -gt 0 ] \
  || { echo "bench: no attempt could be started"; exit 0; }

drive() { # mode -> wrk's key/value lines
  wrk -t$THREADS -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/exam.lua "$base" -- "$work/attempts.txt" "$1" \
    "$THREADS" "$work/acks" 2>/dev/null
}

echo "connections: $CONNS"
echo "duration: $DURATION"
baselines drive
if [ "$KILL" = 1 ]; then
  measured "$work/save.txt" drive save &
  wrk_pid=$!
  sleep "$(python3 -c "print(float('${DURATION%s}') / 2)")"
  kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""
  wait "$wrk_pid"
  echo "killed: SIGKILL in the middle of the autosaves; the database is read as the kill left it" \
    "(rates and errors below include the refused requests after the kill)"
else
  measured "$work/save.txt" drive save
  python3 bench/exam.py submit "$base" "$work/attempts.txt" "$START_PAR" | tee "$work/submit.txt"
  errors_seen=$(( errors_seen + $(awk '$1 == "submit_errors:" { print $2 }' "$work/submit.txt") ))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null; pid=""   # graceful stop
fi

show autosave "$work/save.txt"
echo "autosaves_answered_200: $(val acknowledged "$work/save.txt")"
ratios autosave "$work/save.txt"
python3 bench/exam.py check "$db_check" "$work/attempts.txt" "$work/acks.*" "$KILL" | tee "$work/check.txt"
require_zero lost_answers "$work/check.txt"
[ "$KILL" = 1 ] || require_zero attempts_graded_more_than_once "$work/check.txt"
graded=$(awk '$1 == "attempts_graded_once:" { print ($2 == $4) ? 0 : $4 - $2 }' "$work/check.txt")
[ "$KILL" = 1 ] || [ "${graded:-1}" = 0 ] || failures="$failures attempts_not_graded_once=${graded:-?}"
headline autosave_ratio_to_whoami "$(ratio "$(val rps "$work/save.txt")" "$(val rps "$work/whoami.txt")")"
