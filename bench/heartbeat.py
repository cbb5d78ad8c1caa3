"""The database checks of bench/heartbeat.sh and bench/day.sh (python3 standard library; PostgreSQL
through psql).
  check DB MEMBERS ACKS   DB: a SQLite file, or a postgresql:// URI. MEMBERS: the driver's "cookie session" file.
                          ACKS: the prefix of the driver's logs (bench/heartbeat.lua): PREFIX.<thread> holds the
                          seq of every beat answered 200, PREFIX.sent each member's number of beats sent.

Beats are stored per session as a count (Beats) and the newest sequence number (LastSeq), so an acknowledged
beat is checked in its own session: the session must count at least as many beats as were acknowledged in it,
and hold the newest acknowledged seq (or a newer one). A lost acknowledged beat can hide only behind a beat of
its own session that was sent and never answered (in flight when wrk stopped, or refused): their number is
printed as beats_unanswered. A session counting more beats than were sent counts some twice.

Credited minutes, per member: the rule credits a minute for each full minute of time between a page's beats
that came 10-30 s apart, once per wall-clock minute, up to three times the material's estimated time. So a
member may have at most min(floor(span / 60 s), cap) minutes, where span = last beat - first beat of their
session (one session per member here), and the three places the minutes are counted (MaterialProgress,
ActiveMinutes with a material, StudyDays) must agree. With every gap in 10-30 s (a paced run) the rule gives
exactly that many: members_credited_exactly / _under say how many got it."""
import glob, re, sqlite3, subprocess, sys
from datetime import datetime


def connect(db):
    if db.startswith("postgresql://"):
        def query(sql):
            out = subprocess.run(["psql", db, "-At", "-F", "\t", "-c", sql],
                                 check=True, capture_output=True, text=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines() if line]
        return query
    conn = sqlite3.connect(db)
    return lambda sql: [tuple("" if v is None else str(v) for v in row) for row in conn.execute(sql)]


# SQLite text has 7 fractional digits, psql's timestamptz a short offset ("+00"): both as UTC, to microseconds.
def at(t): return datetime.fromisoformat(re.sub(r"([+-]\d\d(:?\d\d)?|Z)$", "", t.replace("T", " "))[:26]).timestamp()


def check(db, members_file, prefix):
    query = connect(db)
    sessions = [line.split()[1].lower() for line in open(members_file) if line.strip()]
    K = len(sessions)
    acked, newest = [0] * K, [0] * K
    for f in glob.glob(prefix + ".[0-9]*"):
        for line in open(f):
            if not line.strip().isdigit(): continue
            seq = int(line)
            i = (seq - 1) % K
            acked[i] += 1
            newest[i] = max(newest[i], seq)
    sent = [0] * K
    for line in open(prefix + ".sent") if glob.glob(prefix + ".sent") else []:
        index, count = line.split()
        sent[int(index) - 1] = int(count)
    rows = {r[0].lower(): r for r in query('select "Id", "Beats", "LastSeq", "MemberId", "FirstBeatAt", "LastBeatAt", '
                                           '"MaterialId" from "StudySessions"')}
    lost = over = 0
    for i, s in enumerate(sessions):
        _, beats, last, *_ = rows.get(s, (s, "0", "0", "", "", "", ""))
        beats, last = int(beats), int(last)
        lost += max(acked[i] - beats, 1 if last < newest[i] else 0, 0)
        over += max(0, beats - sent[i])
    print(f"beats_acknowledged: {sum(acked)}")
    print(f"beats_recorded: {sum(int(rows[s][1]) for s in sessions if s in rows)} (in these sessions)")
    print(f"beats_unanswered: {sum(sent) - sum(acked)} (sent, not answered 200: "
          "the only beats a lost one could hide behind, in its own session)")
    print(f"beats_counted_twice: {over}")

    caps = {r[0]: int(r[1]) * 3 for r in query('select "Id", "EstimatedMinutes" from "Materials"')}
    progress = {(r[0], r[1]): int(r[2])
                for r in query('select "MemberId", "MaterialId", "CreditedMinutes" from "MaterialProgress"')}
    minutes = {r[0]: int(r[1]) for r in query('select "MemberId", count(*) from "ActiveMinutes" '
                                              'where "MaterialId" is not null group by "MemberId"')}
    days = {r[0]: int(r[1])
            for r in query('select "MemberId", sum("StudyMinutes") from "StudyDays" group by "MemberId"')}
    credited = allowed_total = exact = under = above = disagree = 0
    for s in sessions:
        if s not in rows: continue
        _, _, _, member, first, last, material = rows[s]
        got = progress.get((member, material), 0)
        allowed = min(int((at(last) - at(first)) // 60), caps.get(material, 0)) if first and last else 0
        credited += got; allowed_total += allowed
        if got > allowed: above += 1
        elif got == allowed: exact += 1
        else: under += 1
        if got != minutes.get(member, 0) or got != days.get(member, 0): disagree += 1
    print(f"credited_minutes: {credited} (allowed by the rule {allowed_total})")
    print(f"members_credited_exactly: {exact}")
    print(f"members_credited_under: {under}")
    print(f"members_credited_over: {above} (more minutes than the rule allows)")
    print(f"members_counted_inconsistently: {disagree} (progress, minute keys and day sums differ)")
    print(f"lost_beats: {lost}")
    return lost, above + disagree + over


if __name__ == "__main__":
    if sys.argv[1] == "check": check(*sys.argv[2:5])
