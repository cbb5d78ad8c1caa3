# Sourced by the bench scripts: what every run does the same way.
#   bench_prepare        wrk present (installed as root if missing), a work directory removed on exit
#                        (stopping the app started in it), the Release build in $work/app, a fresh Pii key,
#                        and $port / $base for a free loopback port.
#   start_app [VAR=v..]  starts the app on SQLite ($work/bench.db) with the extra settings, sets $pid and
#                        waits until /ping answers.
#   val KEY FILE         the value of a "key value" line; ratio A B prints A/B.
bench_prepare() {
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
  command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)"; exit 0; }
  work=$(mktemp -d /tmp/hongling-bench.XXXXXX)
  pid=""
  trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
  dotnet publish src/Hongling.Web -c Release -o "$work/app" -nologo -v q >/dev/null || { echo "bench: build failed"; exit 0; }
  export Pii__Key=$(head -c 32 /dev/urandom | base64)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
}

start_app() {
  env "$@" ASPNETCORE_ENVIRONMENT=Production Cookies__Secure=false Logging__LogLevel__Default=Warning \
    ConnectionStrings__Hongling="Data Source=$work/bench.db" Data__Directory="$work" \
    dotnet "$work/app/Hongling.Web.dll" --urls "$base" >> "$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -sf "$base/ping" >/dev/null && break; sleep 0.2; done
}

val() { awk -v k="$1" '$1==k {print $2}' "$2"; }
ratio() { python3 -c "print(f'{float($1)/float($2):.4f}')"; }
