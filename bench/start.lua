-- wrk driver for the synchronized start of bench/exam.sh. Reads "cookies<TAB>antiforgery token" lines (one
-- signed-in candidate each) from the file named by the first script argument; then the exam id, the number of
-- wrk threads and a prefix for result files. Each thread takes its share of the candidates, round robin, and
-- every candidate posts the start form (POST /Exams/Start) once, all connections at once, each as soon as its
-- connection is free, as the browsers of candidates who have the exam page open do. A start is created when
-- it is answered with the redirect to its paper (302 to /Exams/Take/{id}); any other answer is an error.
-- wrk itself runs for its whole -d duration, so a thread whose candidates are all answered writes
-- "created errors" to PREFIX.<thread>, and the last thread to finish ends the process: the caller times wrk
-- from start to exit. Until then a thread's idle connections only ask /ping once a second.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  exam = args[2]
  total = tonumber(args[3])
  prefix = args[4]
  rows = {}
  local n = 0
  for line in io.lines(args[1]) do
    local cookie, token = line:match("^([^\t]+)\t(%S+)$")
    if cookie and n % total == id then table.insert(rows, { cookie = cookie, token = token }) end
    n = n + 1
  end
  sent, created, failed = 0, 0, 0
end

function delay()
  if sent >= #rows then return 1000 end
  return 0
end

function request()
  -- wrk calls the first thread's request() once before the run, only to check what it returns.
  if id == 0 and not checked then
    checked = true
    return wrk.format("GET", "/ping")
  end
  if sent < #rows then
    sent = sent + 1
    local r = rows[sent]
    return wrk.format("POST", "/Exams/Start",
      { ["Cookie"] = r.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
      "examId=" .. exam .. "&__RequestVerificationToken=" .. r.token)
  end
  return wrk.format("GET", "/ping")
end

function response(status, headers, body)
  if status == 200 then return end   -- a /ping of an idle connection
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:sub(1, 12) == "/Exams/Take/" then created = created + 1 else failed = failed + 1 end
  if created + failed == #rows then finish() end
end

function finish()
  local f = io.open(prefix .. "." .. id, "w")
  f:write(created, " ", failed, "\n")
  f:close()
  for i = 0, total - 1 do
    local other = io.open(prefix .. "." .. i)
    if not other then return end
    other:close()
  end
  os.exit(0)
end
