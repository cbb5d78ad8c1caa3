#!/usr/bin/env bash
# One instance and then two behind nginx, on PostgreSQL and Redis (issue #19): a throwaway durable PostgreSQL
# cluster (bench/common.sh), a private redis-server and Debian's nginx on free loopback ports, and two instances of
# the Release build sharing them as deploy/ describes (keys in the database, the output cache and the rate limits in
# Redis, X-Forwarded-For from nginx only). Seeds MEMBERS members (10,000) with red cards and a QUESTIONS-question
# exam, signs in 2 x SIGNED readers (a study session each) and 2 x CANDIDATES candidates (an attempt each) through
# nginx, then for each setup, "one" (nginx sends everything to instance A) and "two" (round robin over A and B), with
# half of the readers and half of the candidates each (so that their sequence numbers start afresh), the same
# connections and duration: the baseline GET /api/whoami (signed in, no database work but the session read), study
# heartbeats (bench/heartbeat.lua) and exam autosaves (bench/exam.lua). The CPU per request is the instances' CPU
# together (nginx's is not counted). Prints each setup's figures, the ratios to its baseline and two's over one's;
# on these 2 cores two instances are not faster, the point is that nothing is lost or doubled and what a request
# costs. Then every attempt is submitted twice at once through both instances, the instances stop gracefully and
# the checks of heartbeat.sh and exam.sh run for each half: lost_beats, beats_counted_twice, lost_answers and
# attempts_graded_more_than_once must be 0. Headline: the two-instance heartbeat rate over the one-instance one.
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-10000}; SIGNED=${SIGNED:-200}; CANDIDATES=${CANDIDATES:-200}; QUESTIONS=${QUESTIONS:-20}
DURATION=${DURATION:-20s}; CONNS=${CONNS:-32}; PAR=${PAR:-8}; THREADS=2; NGINX=/usr/sbin/nginx
[ "$SIGNED" -le 1000 ] || { echo "bench: SIGNED must be at most 1000 (see heartbeat.lua)"; exit 0; }
. bench/common.sh
if ! command -v redis-server >/dev/null || [ ! -x "$NGINX" ]; then
  [ "$(id -u)" = 0 ] && apt-get install -y -qq redis-server nginx-light >/dev/null 2>&1
fi
command -v redis-server >/dev/null && [ -x "$NGINX" ] \
  || { echo "bench: redis-server and nginx are missing (apt-get install redis-server nginx-light)"; exit 0; }
bench_prepare
DB=postgres
use_db hongling_cluster

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_a=$(free_port); port_b=$(free_port); redis_port=$(free_port)
redis_pid=""; nginx_dir="$work/nginx"; mkdir -p "$nginx_dir"
bench_cleanup() {
  [ -f "$nginx_dir/nginx.pid" ] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
}
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no > "$work/redis.log" 2>&1 &
redis_pid=$!

cards=$(( 2 * SIGNED + 2 * CANDIDATES ))
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --cards "$cards" --bench-exam "$QUESTIONS" \
  "${seed_db[@]}" > "$work/seed.txt" || { echo "bench: seed failed"; exit 0; }
exam=$(awk '$1 == "bench_exam:" { print $2 }' "$work/seed.txt")

# The two instances: common.sh's start_app on the cluster's database ($pg_conn), once per port, with Redis.
for port in "$port_a" "$port_b"; do
  base="http://127.0.0.1:$port"
  start_app Redis__Configuration="127.0.0.1:$redis_port" Proxies__Known__0=127.0.0.1 \
    RateLimits__StudyBeatsPerMinute=100000000 RateLimits__ExamAnswersPerMinute=100000000
  curl -sf "$base/ping" > /dev/null || { echo "bench: the instance on port $port did not start"; exit 0; }
  if [ "$port" = "$port_a" ]; then pid_a=$pid; else pid_b=$pid; fi
done
pid=""
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_ticks() { echo $(( $(cpu_of "$pid_a") + $(cpu_of "$pid_b") )); }   # measured: both instances
stop_app() { # gracefully: the writers drain what they accepted
  local p; for p in ${pid_a:-} ${pid_b:-}; do kill -TERM "$p" 2>/dev/null; done
  for p in ${pid_a:-} ${pid_b:-}; do wait "$p" 2>/dev/null; done
  pid_a=""; pid_b=""
}

nginx_port=$(free_port)
nginx_to() { # PORT.. -> nginx balancing those instances round robin (as deploy/nginx-hongling.conf, without TLS)
  local servers="" p
  for p in "$@"; do servers="$servers    server 127.0.0.1:$p max_fails=0;"$'\n'; done
  cat > "$nginx_dir/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes 1;
daemon on;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nginx_dir/body;
  proxy_temp_path $nginx_dir/proxy;
  fastcgi_temp_path $nginx_dir/fastcgi;
  uwsgi_temp_path $nginx_dir/uwsgi;
  scgi_temp_path $nginx_dir/scgi;
  upstream hongling {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://hongling;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
  if [ -f "$nginx_dir/nginx.pid" ]; then "$NGINX" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -s reload 2>/dev/null
  else "$NGINX" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log" 2>/dev/null; fi
  sleep 1
}
nginx_to "$port_a" "$port_b"
base="http://127.0.0.1:$nginx_port"
curl -sf "$base/ping" > /dev/null || { echo "bench: nginx did not answer"; exit 0; }

echo "members: $MEMBERS"
echo "readers: $SIGNED per setup (unpaced beats), candidates: $CANDIDATES per setup ($QUESTIONS questions)"
echo "connections: $CONNS"
echo "duration: $DURATION"
# Signing in and opening sessions and attempts, through nginx over both instances (not measured).
python3 bench/exam.py signin "$base" 8000000001 "$cards" "$PAR" "$work/signed.txt" \
  | sed 's/^signed_in:/members_signed_in:/'
head -n $(( 2 * SIGNED )) "$work/signed.txt" > "$work/readers.raw"
tail -n +$(( 2 * SIGNED + 1 )) "$work/signed.txt" > "$work/candidates.raw"
python3 bench/day.py sessions "$base" "$work/readers.raw" "$PAR" "$work/readers.txt" > /dev/null
python3 bench/exam.py papers "$base" "$exam" "$work/candidates.raw" "$PAR" "$work/attempts.txt"
head -n "$SIGNED" "$work/readers.txt" > "$work/readers.one"; tail -n +$(( SIGNED + 1 )) "$work/readers.txt" \
  > "$work/readers.two"
head -n "$CANDIDATES" "$work/attempts.txt" > "$work/attempts.one"
tail -n +$(( CANDIDATES + 1 )) "$work/attempts.txt" > "$work/attempts.two"
echo "reading_sessions: $(wc -l < "$work/readers.txt"), attempts: $(wc -l < "$work/attempts.txt")"

beats() { # SETUP MODE
  wrk -t$THREADS -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/heartbeat.lua "$base" -- "$work/readers.$1" "$2" \
    "$THREADS" "$work/beat_acks.$1" 2>/dev/null
}
saves() { # SETUP
  wrk -t$THREADS -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/exam.lua "$base" -- "$work/attempts.$1" save \
    "$THREADS" "$work/save_acks.$1" 2>/dev/null
}
for setup in one two; do
  if [ "$setup" = one ]; then nginx_to "$port_a"; else nginx_to "$port_a" "$port_b"; fi
  b0=$(cpu_of "$pid_b")
  measured "$work/whoami.$setup.txt" beats "$setup" whoami
  measured "$work/beat.$setup.txt" beats "$setup" beat
  measured "$work/save.$setup.txt" saves "$setup"
  show "${setup}_baseline_whoami" "$work/whoami.$setup.txt"
  show "${setup}_heartbeat" "$work/beat.$setup.txt"
  show "${setup}_autosave" "$work/save.$setup.txt"
  for x in heartbeat:beat autosave:save; do
    f="$work/${x#*:}.$setup.txt"
    echo "${setup}_${x%%:*}_ratio_to_whoami: $(ratio "$(val rps "$f")" "$(val rps "$work/whoami.$setup.txt")")" \
      "(requests/s), CPU per request" \
      "$(ratio "$(val cpu_ms_per_request "$f")" "$(val cpu_ms_per_request "$work/whoami.$setup.txt")")x"
  done
  echo "${setup}_instance_b_cpu_ms: $(( ($(cpu_of "$pid_b") - b0) * 1000 / clk ))" \
    "(instance B's CPU over the setup's runs: 0 when nginx sent it nothing)"
done
for x in baseline_whoami:whoami heartbeat:beat autosave:save; do
  echo "two_over_one_${x%%:*}: $(ratio "$(val rps "$work/${x#*:}.two.txt")" "$(val rps "$work/${x#*:}.one.txt")")" \
    "(requests/s), CPU per request" \
    "$(ratio "$(val cpu_ms_per_request "$work/${x#*:}.two.txt")" "$(val cpu_ms_per_request "$work/${x#*:}.one.txt")")x"
done

# Every attempt handed in twice at once, round robin over both instances: graded exactly once each.
python3 bench/exam.py submit "$base" "$work/attempts.txt" "$PAR" | tee "$work/submit.txt"
errors_seen=$(( errors_seen + $(awk '$1 == "submit_errors:" { print $2 }' "$work/submit.txt") ))
stop_app
for setup in one two; do
  python3 bench/heartbeat.py check "$db_check" "$work/readers.$setup" "$work/beat_acks.$setup" \
    | sed "s/^/${setup}_/" > "$work/check_beats.$setup.txt"
  python3 bench/exam.py check "$db_check" "$work/attempts.$setup" "$work/save_acks.$setup.*" 0 \
    | sed "s/^/${setup}_/" > "$work/check_saves.$setup.txt"
  cat "$work/check_beats.$setup.txt" "$work/check_saves.$setup.txt"
  for k in lost_beats beats_counted_twice; do require_zero "${setup}_$k" "$work/check_beats.$setup.txt"; done
  for k in lost_answers attempts_graded_more_than_once; do
    require_zero "${setup}_$k" "$work/check_saves.$setup.txt"
  done
  graded=$(awk -v k="${setup}_attempts_graded_once:" '$1 == k { print ($2 == $4) ? 0 : $4 - $2 }' \
    "$work/check_saves.$setup.txt")
  [ "${graded:-1}" = 0 ] || failures="$failures ${setup}_attempts_not_graded_once=${graded:-?}"
done
headline two_over_one_heartbeat "$(ratio "$(val rps "$work/beat.two.txt")" "$(val rps "$work/beat.one.txt")")"
