"""Client side of bench/day.sh (python3 standard library). Subcommands:
  sessions BASE IN PAR OUT     opens a study session on material 1 for each signed-in member of IN (bench/exam.py
                               signin's "cookies<TAB>token" lines); writes "auth-cookie session"
                               for bench/heartbeat.lua.
  exam BASE EXAM IN PID SECONDS SAVE_S OUT
                               the candidates of a compressed exam, one thread each: arrives within the first tenth
                               of SECONDS and posts the start form (class exam_start), reads its paper (exam_paper),
                               autosaves its answers in turn every SAVE_S seconds (+-20 %, class autosave; each save
                               answered 200 logged as "position seq" to OUT.acks.0 for bench/exam.py check), and hands
                               in within the last tenth (submit). Writes OUT.attempts ("cookie attempt keys", the line
                               number is the candidate index in the seqs) and OUT.<class> figures (bench/report.lua's
                               keys; latency measured here, from sending to the end of the answer).
  solo BASE EXAM IN PID SAVES OUT
                               the same steps one class at a time with 8 threads, for the app's CPU per request of each
                               class (utime + stime of PID over the class's requests): OUT.<class>.cpu.
  terminals BASE KEYS PID SECONDS REPORT_S OUT
                               remote-education site terminals (KEYS: seed --terminal-keys's "id key" lines), one
                               thread each, reporting as the agent does: every REPORT_S seconds (+-20 %, the first
                               within one REPORT_S) a batch of one to three new chained session records (the
                               canonical form and hash of Features/Sites/SessionHash.cs, sessions that ended minutes
                               ago) to POST /api/terminal/sessions with the terminal's key (class terminal; each batch
                               answered 200 logged as "terminal-id client-id ..." to OUT.acks for bench/day.py
                               check-terminals). SECONDS 0: REPORT_S batches each, as fast as answered, for the solo
                               CPU figure (OUT.terminal.cpu).
  check-terminals DB ACKS      every acknowledged record stored once with an unbroken chain: records_lost,
                               records_doubled, chain_breaks; DB a SQLite file or a postgresql:// URI."""
import hashlib, http.client, json, os, random, sys, threading, time, urllib.parse
from datetime import datetime, timedelta, timezone
sys.path.insert(0, os.path.dirname(__file__))
from exam import request

CLASSES = ("exam_start", "exam_paper", "autosave", "submit", "terminal")


class Recorder:
    def __init__(self): self.lock, self.data = threading.Lock(), {c: [] for c in CLASSES}

    def add(self, cls, ms, ok):
        with self.lock: self.data[cls].append((ms, ok))

    def write(self, out, seconds):
        for cls, rows in self.data.items():
            if not rows: continue
            lat = sorted(ms for ms, _ in rows)
            pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p / 100))] if lat else 0
            with open(f"{out}.{cls}", "w") as f:
                f.write(f"rps {len(rows) / seconds:.2f}\n")
                for p in (50, 95, 99): f.write(f"p{p}_ms {pct(p):.2f}\n")
                f.write(f"requests {len(rows)}\nstatus_errors {sum(1 for _, ok in rows if ok == 'status')}\n")
                f.write(f"socket_errors {sum(1 for _, ok in rows if ok == 'socket')}\n")


def timed(rec, cls, base, method, path, cookies, body=None, form=False, good=(200,)):
    t = time.perf_counter()
    try:
        status, loc, data, _ = request(base, method, path, cookies, body, form)
    except OSError:
        rec.add(cls, (time.perf_counter() - t) * 1000, "socket")
        return None
    rec.add(cls, (time.perf_counter() - t) * 1000, "ok" if status in good else "status")
    return (status, loc, data) if status in good else None


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f: fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])   # utime, stime (fields 14 and 15 of the whole line)


class Candidate:
    def __init__(self, index, row):
        self.index, self.cookies, self.token, self.attempt, self.keys, self.n = index, row[0], row[1], None, [], 0

    def start(self, rec, base, exam):
        r = timed(rec, "exam_start", base, "POST", "/Exams/Start", self.cookies,
                  {"examId": exam, "__RequestVerificationToken": self.token}, form=True, good=(302,))
        if not r or not r[1].startswith("/Exams/Take/"): return False
        self.attempt = r[1][len("/Exams/Take/"):]
        r = timed(rec, "exam_paper", base, "GET", f"/api/exams/attempts/{self.attempt}", self.cookies)
        if not r: return False
        self.keys = [i["options"][0]["key"] for i in sorted(json.loads(r[2])["items"], key=lambda i: i["position"])]
        return True

    def save(self, rec, base, acks, lock):
        self.n += 1
        position, seq = (self.n - 1) % len(self.keys) + 1, self.n * 1048576 + self.index
        r = timed(rec, "autosave", base, "PUT", f"/api/exams/attempts/{self.attempt}/answers/{position}", self.cookies,
                  {"seq": seq, "answer": [self.keys[position - 1]]})
        if r:
            with lock: acks.write(f"{position} {seq}\n"); acks.flush()

    def submit(self, rec, base):
        timed(rec, "submit", base, "POST", f"/api/exams/attempts/{self.attempt}/submit", self.cookies, {})

    def line(self):
        auth = next(c for c in self.cookies.split("; ") if c.startswith("hongling.auth="))
        return f"{auth} {self.attempt or '-'} {','.join(self.keys) or '-'}"


def candidates_of(path):
    return [Candidate(i, l.rstrip("\n").split("\t")) for i, l in enumerate(open(path)) if l.strip()]


def exam(base, exam_id, path, pid, seconds, save_s, out):
    seconds, save_s = float(seconds), float(save_s)
    rec, lock, cands = Recorder(), threading.Lock(), candidates_of(path)
    acks = open(out + ".acks.0", "w")
    t0 = time.time()
    end = t0 + seconds

    def run(c):
        time.sleep(random.uniform(0, seconds / 10))
        if not c.start(rec, base, exam_id): return
        leave = end - random.uniform(0, seconds / 10)
        while True:
            pause = save_s * random.uniform(0.8, 1.2)
            if time.time() + pause >= leave: break
            time.sleep(pause)
            c.save(rec, base, acks, lock)
        time.sleep(max(0, leave - time.time()))
        c.submit(rec, base)

    threads = [threading.Thread(target=run, args=(c,), daemon=True) for c in cands]
    for t in threads: t.start()
    for t in threads: t.join()
    acks.close()
    rec.write(out, time.time() - t0)
    with open(out + ".attempts", "w") as f: f.write("\n".join(c.line() for c in cands) + "\n")


def solo(base, exam_id, path, pid, saves, out):
    from concurrent.futures import ThreadPoolExecutor
    rec, lock, cands = Recorder(), threading.Lock(), candidates_of(path)
    acks = open(out + ".acks.0", "w")
    steps = [("exam_start", lambda c: c.start(rec, base, exam_id)),
             ("autosave", lambda c: [c.save(rec, base, acks, lock) for _ in range(int(saves))] if c.attempt else None),
             ("submit", lambda c: c.submit(rec, base) if c.attempt else None)]
    for cls, step in steps:
        before = {k: len(v) for k, v in rec.data.items()}
        t = cpu_ticks(pid)
        with ThreadPoolExecutor(8) as pool: list(pool.map(step, cands))
        ms = (cpu_ticks(pid) - t) * 1000 / os.sysconf("SC_CLK_TCK")
        n = sum(len(v) - before[k] for k, v in rec.data.items())
        with open(f"{out}.{cls}.cpu", "w") as f:
            f.write(f"cpu_ms_per_request {ms / n:.4f}\n" if n else "cpu_ms_per_request n/a\n")
    # Starting an attempt also reads its paper: the start step's CPU covers both requests.
    with open(f"{out}.exam_paper.cpu", "w") as f: f.write(open(f"{out}.exam_start.cpu").read())


def sessions(base, path, par, out):
    from concurrent.futures import ThreadPoolExecutor

    def one(line):
        cookies = line.split("\t")[0]
        status, _, body, _ = request(base, "POST", "/api/study/sessions", cookies, {"materialId": 1})
        if status != 201: return None
        auth = next(c for c in cookies.split("; ") if c.startswith("hongling.auth="))
        return f"{auth} {json.loads(body)['sessionId']}"
    with ThreadPoolExecutor(int(par)) as pool:
        rows = [r for r in pool.map(one, [l.rstrip("\n") for l in open(path) if l.strip()]) if r]
    open(out, "w").write("\n".join(rows) + "\n")
    print(f"reading_sessions: {len(rows)}")


class Terminal:
    """One site's terminal: its key and its chain (the agent's canonical record form, SessionHash.cs)."""

    def __init__(self, line): self.id, self.key = line.split(); self.seq, self.prev = 0, ""

    def batch(self):
        records, now = [], datetime.now(timezone.utc).replace(microsecond=0)
        for _ in range(random.randint(1, 3)):
            self.seq += 1
            end = now - timedelta(minutes=random.randint(1, 30))
            start, cid = end - timedelta(minutes=random.randint(20, 120)), f"d{self.id}-{self.seq}"
            t = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
            course, count = f"远程教育课件{self.seq % 17}", 5 + self.seq % 20
            canonical = "\n".join(["hongling-session-v1", cid, str(self.seq), self.prev, t(start), t(end), course,
                                   str(count), ""])
            h = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
            records.append({"clientId": cid, "seq": self.seq, "prevHash": self.prev, "hash": h, "startedAt": t(start),
                            "endedAt": t(end), "courseware": course, "attendeeCount": count, "attendeeCards": []})
            self.prev = h
        return records

    def report(self, rec, base, acks, lock):
        records = self.batch()
        host, port = urllib.parse.urlparse(base).netloc.split(":")
        headers = {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}
        t = time.perf_counter()
        try:
            c = http.client.HTTPConnection(host, int(port), timeout=60)
            c.request("POST", "/api/terminal/sessions", body=json.dumps({"sessions": records}), headers=headers)
            status = c.getresponse().status
            c.close()
        except OSError:
            rec.add("terminal", (time.perf_counter() - t) * 1000, "socket")
            return
        rec.add("terminal", (time.perf_counter() - t) * 1000, "ok" if status == 200 else "status")
        if status == 200:
            with lock: acks.write(f"{self.id} " + " ".join(r["clientId"] for r in records) + "\n"); acks.flush()


def terminals(base, keys, pid, seconds, report_s, out):
    seconds, report_s = float(seconds), float(report_s)
    rec, lock, terms = Recorder(), threading.Lock(), [Terminal(l) for l in open(keys) if l.strip()]
    acks = open(out + ".acks", "w")
    t0, c0 = time.time(), cpu_ticks(int(pid))

    def run(term):
        if seconds == 0:
            for _ in range(int(report_s)): term.report(rec, base, acks, lock)
            return
        time.sleep(random.uniform(0, report_s))
        while time.time() < t0 + seconds:
            term.report(rec, base, acks, lock)
            time.sleep(report_s * random.uniform(0.8, 1.2))

    if seconds == 0:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(8) as pool: list(pool.map(run, terms))
        ms, n = (cpu_ticks(int(pid)) - c0) * 1000 / os.sysconf("SC_CLK_TCK"), len(rec.data["terminal"])
        with open(f"{out}.terminal.cpu", "w") as f:
            f.write(f"cpu_ms_per_request {ms / n:.4f}\n" if n else "cpu_ms_per_request n/a\n")
    else:
        threads = [threading.Thread(target=run, args=(t,), daemon=True) for t in terms]
        for t in threads: t.start()
        for t in threads: t.join()
    acks.close()
    rec.write(out, time.time() - t0)


def check_terminals(db, acks):
    from heartbeat import connect
    query = connect(db)
    acked = {(tid, cid) for line in open(acks) for tid, *cids in [line.split()] for cid in cids}
    rows = query('select "TerminalId", "ClientId", "ChainBreak" from "ViewingSessions"')
    stored = [(tid, cid, brk) for tid, cid, brk in rows if cid.startswith(f"d{tid}-")]   # this run's records
    keys = [(tid, cid) for tid, cid, _ in stored]
    print(f"records_acknowledged: {len(acked)}")
    print(f"records_lost: {len(acked - set(keys))}")
    print(f"records_doubled: {len(keys) - len(set(keys))}")
    print(f"chain_breaks: {sum(1 for *_, brk in stored if brk)}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"sessions": sessions, "exam": exam, "solo": solo, "terminals": terminals,
     "check-terminals": check_terminals}[cmd](*args)
