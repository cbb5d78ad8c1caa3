#!/usr/bin/env python3
"""bench/sites.sh's data: a month of chained session records per terminal, as the terminal agent would send them.
Usage: sites.py KEYS_FILE RECORDS_PER_TERMINAL OUT_FILE. KEYS_FILE has "terminalId key" lines (seed --terminal-keys);
OUT_FILE gets one "key<TAB>json body" line per terminal: one batch of its records (the canonical form and hash of
src/Hongling.Web/Features/Sites/SessionHash.cs), each record a session of one day of the last RECORDS days."""
import hashlib, json, sys
from datetime import datetime, timedelta, timezone

keys_file, per, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
now = datetime.now(timezone.utc).replace(microsecond=0)
first = (now - timedelta(days=per + 1)).replace(hour=11, minute=0, second=0)
def t(d): return d.strftime("%Y-%m-%dT%H:%M:%SZ")
with open(keys_file) as keys, open(out, "w") as f:
    for line in keys:
        tid, key = line.split()
        prev, records = "", []
        for seq in range(1, per + 1):
            start = first + timedelta(days=seq - 1, minutes=(int(tid) * 7 + seq) % 120)
            end = start + timedelta(minutes=40 + (seq * 13) % 80)
            cid, course, count = f"t{tid}-{seq}", f"远程教育课件{seq % 17}", 5 + seq % 20
            fields = ["hongling-session-v1", cid, str(seq), prev, t(start), t(end), course, str(count), ""]
            canonical = "\n".join(fields)
            h = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
            records.append({
                "clientId": cid, "seq": seq, "prevHash": prev, "hash": h, "startedAt": t(start), "endedAt": t(end),
                "courseware": course, "attendeeCount": count, "attendeeCards": [],
            })
            prev = h
        f.write(key + "\t" + json.dumps({"sessions": records}, ensure_ascii=False, separators=(",", ":")) + "\n")
