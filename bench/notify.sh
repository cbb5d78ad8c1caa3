#!/usr/bin/env bash
# Notifications at district scale (issue #18). Seeds MEMBERS members (default 100,000) into SQLite, or into a
# throwaway PostgreSQL cluster with DB=postgres (fsync on), and gives SEND of them (default 2,000) a red card, an
# email address and a mobile number (every other member has neither, so the channels' rows for them are skipped
# at queue time). Starts its own peers on free ports: smtp4dev (pinned in dotnet-tools.json) and the local SendSms
# endpoint (tests/Hongling.SmsGateway). Then, as the district administrator through POST /api/notifications:
#   1. one inbox message to the whole district: queue_seconds (the API call, every row written), the headline;
#   2. one message to the whole district by inbox, email and SMS: queue_all_channels_seconds, then the sender's
#      throughput to smtp4dev and the gateway until the outbox is drained (email_per_s, sms_per_s, both together),
#      against the no-database baselines measured in the same run (bench/notify.py sends the same number of
#      messages straight to smtp4dev over one connection, and signed SendSms requests one at a time);
#   3. the same again, SIGKILL of the app once a third of it is sent, restart, drain, and bench/notify.py checks
#      per outbox row that each recipient/channel arrived exactly once (smtp4dev by subject and recipient, the
#      gateway's records by OutId): sent_twice and lost, both 0 when all is well.
# The per-channel rate limits are lifted and the lease is short (LEASE, 10 s) so that the restart takes the
# dead instance's rows over soon. Prints `key: value`; the last line is queue_seconds.
set -uo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-100000}; SEND=${SEND:-2000}; DB=${DB:-sqlite}; LEASE=${LEASE:-10}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-600}
. bench/common.sh
bench_prepare

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
peers=()
bench_cleanup() { for p in "${peers[@]}"; do kill -- -"$p" 2>/dev/null; done; }

# --- the peers: smtp4dev and the SMS gateway, each in its own process group ------------------------------------
dotnet tool restore >/dev/null || { echo "bench: dotnet tool restore failed"; exit 0; }
smtp_port=$(free_port); smtp_api="http://127.0.0.1:$(free_port)"
setsid dotnet tool run smtp4dev -- --smtpport="$smtp_port" --urls="$smtp_api" --bindaddress=127.0.0.1 --db= \
  --imapport= --pop3port= --nousersettings --hostname=localhost --messagestokeep=100000 \
  --baseappdatapath="$work/smtp4dev" >"$work/smtp4dev.log" 2>&1 &
peers+=($!)
dotnet publish tests/Hongling.SmsGateway -c Release -o "$work/sms" -nologo -v q >/dev/null \
  || { echo "bench: SMS gateway build failed"; exit 0; }
sms_url="http://127.0.0.1:$(free_port)/"; sms_key=LTAI-hongling-bench
sms_secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
setsid dotnet "$work/sms/Hongling.SmsGateway.dll" --urls "$sms_url" --Gateway:AccessKeyId="$sms_key" \
  --Gateway:AccessKeySecret="$sms_secret" --Gateway:SignName=红领党建 >"$work/sms.log" 2>&1 &
peers+=($!)
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "${sms_url}__health" && curl -sf -o /dev/null "$smtp_api/api/messages?pageSize=1" && break
  sleep 0.2
done

# --- data -------------------------------------------------------------------------------------------------------
if [ "$DB" = postgres ]; then
  start_postgres notify durable || exit 0
  seed_db=(--postgres "$pg_conn"); dbspec="pg:$PGPORT:notify"; export PGBIN
  sql() { pg_sql notify "$1"; }
else
  seed_db=(--db "$work/bench.db"); dbspec="sqlite:$work/bench.db"
  sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
    "$work/bench.db" "$1"; }
fi
dotnet "$work/app/Hongling.Web.dll" seed --members "$MEMBERS" --cards "$SEND" "${seed_db[@]}" \
  > "$work/seed.txt" || { echo "bench: seed failed"; exit 0; }
# The card holders (and the demo administrators who are members) get an address on each channel; nobody else.
sql "UPDATE \"AspNetUsers\" SET \"Email\" = 'm' || \"MemberId\" || '@bench.local' WHERE \"MemberId\" IS NOT NULL;
     UPDATE \"Members\" SET \"Mobile\" = CASE WHEN \"CardNumber\" IS NULL THEN ''
       ELSE '137' || substr('0000000' || \"Id\", -8, 8) END;"

settings=(Notifications__Smtp__Host=127.0.0.1 Notifications__Smtp__Port="$smtp_port"
  Notifications__Smtp__TlsMode=None
  Notifications__Sms__Endpoint="$sms_url" Notifications__Sms__AccessKeyId="$sms_key"
  Notifications__Sms__AccessKeySecret="$sms_secret" Notifications__Sms__SignName=红领党建
  Notifications__Sms__TemplateCode=SMS_HONGLING_BENCH Notifications__EmailPerSecond=1000000
  Notifications__SmsPerSecond=1000000 Notifications__BatchSize=200 Notifications__PollSeconds=1
  Notifications__LeaseSeconds="$LEASE" Notifications__ReminderMinutes=0)
start_app "${settings[@]}"

cookie=$(sign_in 1000000001)
[ -n "$cookie" ] || { echo "bench: sign-in failed"; exit 0; }
root=$(first_org "$cookie")

# send TITLE EMAIL SMS OUT [ORG]: POST /api/notifications to the whole district (or ORG's subtree); OUT gets the
# answer, prints the seconds.
send() {
  local body='{"organizationId":%s,"title":"%s","text":"请各位党员按时参加本月主题党日活动。",'
  body=$(printf "$body"'"byEmail":%s,"bySms":%s,"audience":{"orgIds":[%s]}}' "$root" "$1" "$2" "$3" "${5:-$root}")
  curl -s -o "$4" -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" -H 'Content-Type: application/json' \
    -d "$body" "$base/api/notifications" > "$4.status"
  [ "$(cut -d' ' -f1 "$4.status")" = 201 ] \
    || { errors_seen=$((errors_seen + 1)); echo "send_error: $(cat "$4.status") $(cat "$4")" >&2; }
  cut -d' ' -f2 "$4.status"
}
nid() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$1" 2>/dev/null; }
recipients() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["recipients"])' "$1" 2>/dev/null; }

echo "db: $DB"
echo "members: $(awk '/^members:/ {print $2}' "$work/seed.txt")"

# 0. Warm-up, not the headline: one inbox message to the smallest unit under the district (the first call compiles
# the send path; timing it would time the JIT).
small=$(curl -s -H "Cookie: $cookie" "$base/api/orgs/$root/children" | python3 -c \
  'import json,sys; print(min(json.load(sys.stdin), key=lambda o: o.get("memberCount", 0))["id"])' 2>/dev/null)
echo "warmup_seconds: $(send "预热" false false "$work/q0.json" "${small:-$root}")" \
  "($(recipients "$work/q0.json") recipients, unit $small)"
# 1. The headline: one inbox message to everyone.
queue_s=$(send "全区通知" false false "$work/q1.json")
echo "queue_recipients: $(recipients "$work/q1.json")"
echo "queue_seconds: $queue_s"

# 2. Throughput: everyone by inbox, email and SMS; the card holders have addresses.
all_s=$(send "渠道测试" true true "$work/q2.json")
n2=$(nid "$work/q2.json")
echo "queue_all_channels_seconds: $all_s (inbox, email and SMS rows for $(recipients "$work/q2.json") members)"
python3 bench/notify.py drain "$dbspec" "$n2" "$DRAIN_TIMEOUT" > "$work/drain2.txt"
read -r emails smses < <(python3 bench/notify.py sent "$dbspec" "$n2")
email_s=$(val email "$work/drain2.txt"); sms_s=$(val sms "$work/drain2.txt")
echo "email_sent: $emails in $email_s s"
echo "sms_sent: $smses in $sms_s s"
echo "email_per_s: $(python3 -c "print(f'{$emails / $email_s:.1f}' if $email_s > 0 else 'n/a')")"
echo "sms_per_s: $(python3 -c "print(f'{$smses / $sms_s:.1f}' if $sms_s > 0 else 'n/a')")"
both=$(python3 -c "print(max($email_s, $sms_s))")
echo "sender_messages_per_s: $(python3 -c "print(f'{($emails + $smses) / $both:.1f}' if $both > 0 else 'n/a')")" \
  "(both channels, one sender)"
b_smtp=$(python3 bench/notify.py baseline-smtp 127.0.0.1 "$smtp_port" "$SEND")
read -r b_sms b_sms_bad < <(python3 bench/notify.py baseline-sms "$sms_url" "$sms_key" "$sms_secret" "$SEND")
rate() { python3 -c "print(f'{$1 / $2:.1f}' if $2 > 0 else 0)"; }
echo "baseline_smtp_per_s: $(rate "$SEND" "$b_smtp") (python smtplib, one connection, no database)"
echo "baseline_sms_per_s: $(rate "$SEND" "$b_sms") (signed SendSms one at a time, no database; refused: $b_sms_bad)"
echo "email_ratio_to_baseline: $(ratio "$(rate "$emails" "$email_s")" "$(rate "$SEND" "$b_smtp")")"
echo "sms_ratio_to_baseline: $(ratio "$(rate "$smses" "$sms_s")" "$(rate "$SEND" "$b_sms")")"

# 3. SIGKILL once a third is sent, restart, drain, check every item.
send "断电测试" true true "$work/q3.json" > /dev/null
n3=$(nid "$work/q3.json")
python3 bench/notify.py drain "$dbspec" "$n3" "$DRAIN_TIMEOUT" "$(( (emails + smses) / 3 ))" > /dev/null
kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=""
read -r e3 s3 < <(python3 bench/notify.py sent "$dbspec" "$n3")
echo "killed: SIGKILL with $((e3 + s3)) of $((emails + smses)) sent"
start_app "${settings[@]}"
python3 bench/notify.py drain "$dbspec" "$n3" "$DRAIN_TIMEOUT" > "$work/drain3.txt"
echo "restart_drained_seconds: $(val email "$work/drain3.txt") (email), $(val sms "$work/drain3.txt") (sms)," \
  "lease $LEASE s"
python3 bench/notify.py check "$dbspec" "$n3" "$smtp_api" "$sms_url" "断电测试" | tee "$work/check.txt"
require_zero sent_twice "$work/check.txt"
require_zero lost "$work/check.txt"
stop_app
headline queue_seconds "$queue_s"
