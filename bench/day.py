"""Client side of bench/day.sh (python3 standard library). Subcommands:
  sessions BASE IN PAR OUT     opens a study session on material 1 for each signed-in member of IN (bench/exam.py
                               signin's "cookies<TAB>token" lines); writes "auth-cookie session" for bench/heartbeat.lua.
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
                               class (utime + stime of PID over the class's requests): OUT.<class>.cpu."""
import http.client, json, os, random, sys, threading, time, urllib.parse
sys.path.insert(0, os.path.dirname(__file__))
from exam import request

CLASSES = ("exam_start", "exam_paper", "autosave", "submit")


class Recorder:
    def __init__(self): self.lock, self.data = threading.Lock(), {c: [] for c in CLASSES}

    def add(self, cls, ms, ok):
        with self.lock: self.data[cls].append((ms, ok))

    def write(self, out, seconds):
        for cls, rows in self.data.items():
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
    def __init__(self, index, row): self.index, self.cookies, self.token, self.attempt, self.keys, self.n = index, row[0], row[1], None, [], 0

    def start(self, rec, base, exam):
        r = timed(rec, "exam_start", base, "POST", "/Exams/Start", self.cookies, {"examId": exam, "__RequestVerificationToken": self.token}, form=True, good=(302,))
        if not r or not r[1].startswith("/Exams/Take/"): return False
        self.attempt = r[1][len("/Exams/Take/"):]
        r = timed(rec, "exam_paper", base, "GET", f"/api/exams/attempts/{self.attempt}", self.cookies)
        if not r: return False
        self.keys = [i["options"][0]["key"] for i in sorted(json.loads(r[2])["items"], key=lambda i: i["position"])]
        return True

    def save(self, rec, base, acks, lock):
        self.n += 1
        position, seq = (self.n - 1) % len(self.keys) + 1, self.n * 1048576 + self.index
        r = timed(rec, "autosave", base, "PUT", f"/api/exams/attempts/{self.attempt}/answers/{position}", self.cookies, {"seq": seq, "answer": [self.keys[position - 1]]})
        if r:
            with lock: acks.write(f"{position} {seq}\n"); acks.flush()

    def submit(self, rec, base): timed(rec, "submit", base, "POST", f"/api/exams/attempts/{self.attempt}/submit", self.cookies, {})

    def line(self):
        auth = next(c for c in self.cookies.split("; ") if c.startswith("hongling.auth="))
        return f"{auth} {self.attempt or '-'} {','.join(self.keys) or '-'}"


def candidates_of(path): return [Candidate(i, l.rstrip("\n").split("\t")) for i, l in enumerate(open(path)) if l.strip()]


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
        with open(f"{out}.{cls}.cpu", "w") as f: f.write(f"cpu_ms_per_request {ms / n:.4f}\n" if n else "cpu_ms_per_request n/a\n")
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
    with ThreadPoolExecutor(int(par)) as pool: rows = [r for r in pool.map(one, [l.rstrip("\n") for l in open(path) if l.strip()]) if r]
    open(out, "w").write("\n".join(rows) + "\n")
    print(f"reading_sessions: {len(rows)}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"sessions": sessions, "exam": exam, "solo": solo}[cmd](*args)
