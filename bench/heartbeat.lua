-- wrk driver for bench/heartbeat.sh and bench/day.sh. Script arguments: a file of "cookie session" lines (one
-- signed-in member each), the mode, the number of wrk threads, a prefix for the acknowledgement logs and, for a
-- paced run, "paced".
-- Modes: "beat" sends POST /api/study/heartbeat; "ping" (no cookie), "whoami" and "me" send the baselines
-- GET /ping, /api/whoami and /api/me with the same cookies.
-- Each thread takes its share of the members. Member i (1..K, K members in the file) sends its n-th beat with
-- sequence number i + (n-1)*K: growing by K <= 1000 (the rule refuses jumps over 1000), and seq % K names the
-- member, so a beat answered 200 is logged by the seq the answer echoes: "seq" lines in PREFIX.<thread>, line
-- buffered (a SIGKILLed server must not leave acknowledged beats unwritten). done() writes each member's number
-- of beats sent to PREFIX.sent ("index count"): bench/heartbeat.py checks both against the database.
-- Unpaced, each thread sends its members' beats round robin as fast as its connections answer. Paced, each
-- member beats 12-20 s (random, whole seconds) after its previous beat, as a reading page does; a thread needs
-- more connections than its members have beats due in one second.
dofile("bench/report.lua")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[2] or "beat"
  local total = tonumber(args[3] or "2")
  paced = args[5] == "paced"
  members, sent = {}, {}
  local n = 0
  for line in io.lines(args[1]) do
    local cookie, session = line:match("^(%S+)%s+(%S+)$")
    if n % total == id then
      table.insert(members, {
        cookie = cookie, session = session, index = n + 1, due = os.time() + math.random(0, 15), queued = false
      })
      sent[n + 1] = 0
    end
    n = n + 1
  end
  K = n
  nexti = 0
  queue = {}
  prefix = args[4]
  if mode == "beat" then
    acks = io.open(prefix .. "." .. id, "w")
    acks:setvbuf("line")
  end
end

-- Paced: the member due first (not yet waiting on another connection) goes to the back of the queue, and this
-- connection waits until it is due; request() takes the queue's front.
function delay()
  if not paced then return 0 end
  local best
  for _, m in ipairs(members) do
    if not m.queued and (best == nil or m.due < best.due) then best = m end
  end
  if best == nil then return 1000 end
  best.queued = true
  table.insert(queue, best)
  return math.max(0, best.due - os.time()) * 1000
end

function request()
  local m
  if paced and #queue > 0 then
    m = table.remove(queue, 1)
    m.queued = false
    m.due = os.time() + math.random(12, 20)
  else
    nexti = nexti % #members + 1
    m = members[nexti]
  end
  if mode == "ping" then return wrk.format("GET", "/ping") end
  if mode == "whoami" then return wrk.format("GET", "/api/whoami", { ["Cookie"] = m.cookie }) end
  if mode == "me" then return wrk.format("GET", "/api/me", { ["Cookie"] = m.cookie }) end
  sent[m.index] = sent[m.index] + 1
  local seq = string.format("%.0f", m.index + (sent[m.index] - 1) * K)
  return wrk.format("POST", "/api/study/heartbeat", { ["Cookie"] = m.cookie, ["Content-Type"] = "application/json" },
    '{"sessionId":"' .. m.session .. '","seq":' .. seq .. '}')
end

function response(status, headers, body)
  if status == 200 and acks then
    local seq = body:match('"seq":(%d+)')
    if seq then acks:write(seq, "\n") end
  end
end

done = function(summary, latency, requests)
  report(summary, latency)
  if threads[1]:get("mode") ~= "beat" then return end
  local f = io.open(threads[1]:get("prefix") .. ".sent", "w")
  for _, t in ipairs(threads) do
    for index, count in pairs(t:get("sent")) do f:write(index, " ", count, "\n") end
  end
  f:close()
end
