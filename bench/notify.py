#!/usr/bin/env python3
"""bench/notify.sh's helper: the no-database baselines (SMTP and the SMS gateway driven directly), waiting for
the outbox to drain, and the per-item check after a SIGKILL (each recipient/channel once at the peers).

  notify.py baseline-smtp HOST PORT N                    -> seconds to send N messages over one connection
  notify.py baseline-sms URL KEY_ID SECRET N             -> seconds for N signed SendSms requests, one at a time
  notify.py drain DB NOTIFICATION TIMEOUT [UNTIL_SENT]   -> waits until no row is queued or sending (or until
                                                            UNTIL_SENT rows are sent); prints per-channel seconds
  notify.py sent DB NOTIFICATION                          -> "EMAIL SMS": the rows sent so far per channel
  notify.py check DB NOTIFICATION SMTP_API SMS_URL TITLE -> sent_twice / lost, per outbox row
DB is sqlite:/path/to/file.db or pg:PORT:DATABASE (psql through PGBIN, as the postgres user when root)."""
import base64, collections, hashlib, hmac, http.client, json, os, smtplib, sqlite3, subprocess, sys, time
import urllib.parse, urllib.request, uuid
from email.mime.text import MIMEText

EMAIL, SMS = 1, 2
QUEUED, SENDING, SENT, FAILED, SKIPPED = 1, 2, 3, 4, 5


def query(db, sql):
    if db.startswith("sqlite:"):
        con = sqlite3.connect(db[7:], timeout=30)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()
    _, port, name = db.split(":")
    cmd = [os.path.join(os.environ["PGBIN"], "psql"), "-h", "/tmp", "-p", port, "-U", "postgres", "-d", name,
           "-AtF", "\t", "-c", sql]
    if os.getuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return [tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t"))
            for line in out.splitlines() if line]


def baseline_smtp(host, port, n):
    t0 = time.time()
    with smtplib.SMTP(host, int(port)) as s:
        for i in range(int(n)):
            m = MIMEText("基线测试正文", "plain", "utf-8")
            m["Subject"], m["From"], m["To"] = "基线", "noreply@hongling.local", f"baseline{i}@bench.local"
            s.send_message(m)
    print(f"{time.time() - t0:.3f}")


def enc(s):
    return urllib.parse.quote(s, safe="-_.~")


def baseline_sms(url, key_id, secret, n):
    u = urllib.parse.urlparse(url)
    con = http.client.HTTPConnection(u.hostname, u.port)
    t0, bad = time.time(), 0
    for i in range(int(n)):
        p = {"AccessKeyId": key_id, "Action": "SendSms", "Format": "JSON", "OutId": f"baseline-{i}",
             "PhoneNumbers": f"136{i:08d}", "RegionId": "cn-hangzhou", "SignName": "红领党建",
             "SignatureMethod": "HMAC-SHA1", "SignatureNonce": uuid.uuid4().hex, "SignatureVersion": "1.0",
             "TemplateCode": "SMS_HONGLING_BENCH", "TemplateParam": json.dumps({"title": "基线", "link": ""}),
             "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "Version": "2017-05-25"}
        q = "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(p.items()))
        sign = base64.b64encode(hmac.new((secret + "&").encode(), ("GET&%2F&" + enc(q)).encode(),
                                        hashlib.sha1).digest()).decode()
        con.request("GET", f"/?Signature={enc(sign)}&{q}")
        r = con.getresponse()
        body = r.read()
        bad += r.status != 200 or b'"OK"' not in body
    print(f"{time.time() - t0:.3f} {bad}")


def drain(db, nid, timeout, until_sent=None):
    t0, done = time.time(), {}
    while time.time() - t0 < float(timeout):
        rows = query(db, f'SELECT "Channel", "State", COUNT(*) FROM "OutboxItems" WHERE "NotificationId" = {nid} '
                         f'AND "Channel" IN ({EMAIL}, {SMS}) GROUP BY "Channel", "State"')
        open_ = collections.Counter()
        sent = 0
        for channel, state, count in rows:
            if state in (QUEUED, SENDING):
                open_[channel] += count
            if state == SENT:
                sent += count
        if until_sent is not None and sent >= int(until_sent):
            print(f"sent {sent}")
            return
        for channel in (EMAIL, SMS):
            if open_[channel] == 0 and channel not in done:
                done[channel] = time.time() - t0
        if len(done) == 2:
            break
        time.sleep(0.25)
    for channel, name in ((EMAIL, "email"), (SMS, "sms")):
        print(f"{name} {done.get(channel, -1):.3f}")


def sent(db, nid):
    rows = dict(query(db, f'SELECT "Channel", COUNT(*) FROM "OutboxItems" WHERE "NotificationId" = {nid} '
                          f'AND "State" = {SENT} AND "Channel" IN ({EMAIL}, {SMS}) GROUP BY "Channel"'))
    print(rows.get(EMAIL, 0), rows.get(SMS, 0))


def get_json(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return json.load(r)


def check(db, nid, smtp_api, sms_url, title):
    rows = query(db, f'SELECT "Id", "Channel", "State", "Address" FROM "OutboxItems" WHERE "NotificationId" = {nid} '
                     f'AND "Channel" IN ({EMAIL}, {SMS}) AND "State" <> {SKIPPED}')
    mails = collections.Counter()
    page = 1
    while True:
        got = get_json(f"{smtp_api.rstrip('/')}/api/messages?pageSize=5000&page={page}")
        results = got["results"] if isinstance(got, dict) else got
        for m in results:
            if m.get("subject") == title:
                for to in m.get("to", []):
                    mails[to] += 1
        if not isinstance(got, dict) or page * 5000 >= got.get("rowCount", 0) or not results:
            break
        page += 1
    texts = collections.Counter(r["parameters"].get("OutId") for r in get_json(sms_url.rstrip("/") + "/__received")
                                if r["status"] == 200 and r["signatureValid"])
    twice = lost = unfinished = 0
    per = collections.Counter()
    for rid, channel, state, address in rows:
        n = mails[address] if channel == EMAIL else texts[f"hongling-outbox-{rid}"]
        per[channel] += 1
        twice += n > 1
        lost += n == 0
        unfinished += state != SENT
    print(f"items_email: {per[EMAIL]}")
    print(f"items_sms: {per[SMS]}")
    print(f"rows_not_sent: {unfinished}")
    print(f"sent_twice: {twice}")
    print(f"lost: {lost}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"baseline-smtp": baseline_smtp, "baseline-sms": baseline_sms, "drain": drain, "sent": sent,
     "check": check}[cmd](*args)
