"""Client side of bench/exam.sh (python3 standard library only). Subcommands:
  signin BASE FIRST COUNT PAR OUT  signs red cards FIRST.. in (PAR at a time), then reads the start form's
                                   antiforgery token; writes "cookies<TAB>token" per candidate.
  papers BASE EXAM IN PAR OUT      after the measured start (bench/start.lua): each candidate's attempt (posting the
                                   start again resumes it) and paper; writes "cookie attempt key1,..,keyN" for wrk.
  submit BASE IN PAR               submits every attempt twice at once (a grading-once check); prints figures.
  check DB IN ACKS KILLED          the database checks (see the comment in check); DB a SQLite file or a
                                   postgresql:// URI."""
import concurrent.futures as cf, glob, http.client, json, re, sys, time, urllib.parse
from heartbeat import connect

def request(base, method, path, cookies="", body=None, form=False):
    host, port = urllib.parse.urlparse(base).netloc.split(":")
    c = http.client.HTTPConnection(host, int(port), timeout=300)
    headers = {"Cookie": cookies} if cookies else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded" if form else "application/json"
        body = urllib.parse.urlencode(body) if form else json.dumps(body)
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    data = r.read().decode("utf-8", "replace")
    jar = dict(h.split(";", 1)[0].split("=", 1) for k, h in r.getheaders() if k.lower() == "set-cookie")
    c.close()
    return r.status, r.getheader("Location") or "", data, jar

def cookie_string(jar): return "; ".join(f"{k}={v}" for k, v in jar.items() if v)
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]*)"')

def signin(base, card):
    jar = {}
    _, _, page, j = request(base, "GET", "/Account/Login"); jar.update(j)
    form = {"Input.CardNumber": str(card), "Input.Password": "hongling2026",
            "__RequestVerificationToken": TOKEN.search(page).group(1)}
    _, _, _, j = request(base, "POST", "/Account/Login", cookie_string(jar), form, form=True); jar.update(j)
    if "hongling.auth" not in jar: return None
    _, _, page, j = request(base, "GET", "/Exams/Mine", cookie_string(jar)); jar.update(j)
    m = TOKEN.search(page)
    return f"{cookie_string(jar)}\t{m.group(1)}" if m else None

def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "signin":
        base, first, count, par, out = args[0], int(args[1]), int(args[2]), int(args[3]), args[4]
        t = time.time()
        with cf.ThreadPoolExecutor(par) as pool:
            rows = [r for r in pool.map(lambda i: signin(base, first + i), range(count)) if r]
        open(out, "w").write("\n".join(rows) + "\n")
        print(f"signed_in: {len(rows)}\nsignin_seconds: {time.time() - t:.1f}")
    elif cmd == "papers":
        base, exam, rows, par, out = (args[0], args[1], [l.rstrip("\n").split("\t") for l in open(args[2])],
                                      int(args[3]), args[4])
        def paper(row):
            # Posting the start again resumes the candidate's open attempt: its id, then its paper.
            s, loc, _, _ = request(base, "POST", "/Exams/Start", row[0],
                                   {"examId": exam, "__RequestVerificationToken": row[1]}, form=True)
            if s != 302 or not loc.startswith("/Exams/Take/"): return None
            attempt = loc[len("/Exams/Take/"):]
            _, _, body, _ = request(base, "GET", f"/api/exams/attempts/{attempt}", row[0])
            keys = [i["options"][0]["key"] for i in sorted(json.loads(body)["items"], key=lambda i: i["position"])]
            auth = next(c for c in row[0].split("; ") if c.startswith("hongling.auth="))
            return f"{auth} {attempt} {','.join(keys)}"
        with cf.ThreadPoolExecutor(par) as pool: papers = [p for p in pool.map(paper, rows) if p]
        open(out, "w").write("\n".join(papers) + "\n")
    elif cmd == "submit":
        base, rows, par = args[0], [l.split() for l in open(args[1])], int(args[2])
        t = time.time()
        with cf.ThreadPoolExecutor(par) as pool:
            answers = list(pool.map(lambda r: request(base, "POST", f"/api/exams/attempts/{r[1]}/submit", r[0], {})[0],
                                    [r for r in rows for _ in (1, 2)]))
        print(f"submits: {len(answers)} (two per attempt, {answers.count(200)} answered 200) "
              f"in {time.time() - t:.1f} s")
        print(f"submit_errors: {len(answers) - answers.count(200)}")
    elif cmd == "check":
        check(*args)

def check(path, attempts_file, acks_glob, killed):
    """DB: a SQLite file or a postgresql:// URI (bench/heartbeat.py's connect)."""
    query = connect(path)
    attempts = [l.split()[1].lower() for l in open(attempts_file) if l.strip()]
    stored = {(a.lower(), int(p)): int(s)
              for a, p, s in query('select "AttemptId", "Position", "AnswerSeq" from "AttemptItems"')}
    # The rule: wrk gives every autosave a sequence number that grows per candidate and is unique in the run
    # (seq = n * 2^20 + candidate index), and logs each save answered 200 as "position seq" from the response
    # body. A save is present when the stored AnswerSeq of its (attempt, position) is at least its seq: the
    # server keeps the newest answer, so a newer acknowledged save may replace it, never an older one. So
    # lost_answers = acknowledged saves whose seq is above what the item holds (each counted, not per item).
    acknowledged = lost = 0
    for f in glob.glob(acks_glob):
        for line in open(f):
            parts = line.split()
            if len(parts) != 2: continue
            position, seq = int(parts[0]), int(parts[1])
            acknowledged += 1
            if stored.get((attempts[seq % (1 << 20)], position), -1) < seq: lost += 1
    mine = set(attempts)
    count = query('select count(*) from "Attempts"')[0][0]
    print(f"attempts_in_database: {count} (one per candidate: resuming creates none)")
    print(f"autosaves_acknowledged: {acknowledged}")
    print(f"answers_stored: {sum(1 for (a, _), v in stored.items() if v > 0 and a in mine)}")
    if killed != "1":
        # Graded exactly once: each attempt submitted (twice, at once) is Graded with one SubmittedAt, graded once by
        # its own count (GradedCount, incremented by the statement that writes the graded total: a second grading
        # gives the same score, so only the count shows it), every item scored, and its score equal to the sum of
        # its items' and to the recount of correct stored answers.
        rows = [(a.lower(), int(st), sub, int(n), sc, int(unscored), total)
                for a, st, sub, n, sc, unscored, total in query(
            """select a."Id", a."State", a."SubmittedAt", a."GradedCount", a."Score",
                 (select count(*) from "AttemptItems" i where i."AttemptId" = a."Id" and i."Score" is null),
                 (select coalesce(sum(i."Score"), 0) from "AttemptItems" i where i."AttemptId" = a."Id")"""
            """ from "Attempts" a""")]
        correct = {}
        for a, keys, opts, ans, pts in query(
                """select i."AttemptId", i."Keys", v."Options", i."Answer", i."Points" from "AttemptItems" i
                join "QuestionVersions" v on v."QuestionId" = i."QuestionId" and v."Version" = i."QuestionVersion" """):
            a = a.lower()
            if a not in mine: continue
            options = json.loads(opts)
            key = next(k["key"] for k in json.loads(keys) if options[k["index"]]["correct"])
            correct[a] = correct.get(a, 0) + (float(pts) if ans and json.loads(ans) == [key] else 0)
        good = sum(1 for a, st, sub, n, sc, unscored, total in rows
                   if a in mine and st == 2 and sub and n == 1 and unscored == 0
                   and abs(float(sc) - float(total)) < 1e-9 and abs(float(sc) - correct.get(a, 0)) < 1e-9)
        twice = sum(1 for a, st, sub, n, *_ in rows if a in mine and n > 1)
        print(f"attempts_graded_once: {good} of {len(attempts)}")
        print(f"attempts_graded_more_than_once: {twice}")
    print(f"lost_answers: {lost}")

if __name__ == "__main__": main()
