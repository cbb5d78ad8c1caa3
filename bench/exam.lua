-- wrk driver for bench/exam.sh. Reads "cookie attempt key1,..,keyN" lines from the file named by the first
-- script argument (then the mode, the number of wrk threads and a prefix for the acknowledgement logs).
-- Each thread takes its share of the candidates, round robin; each candidate answers its questions in
-- turn, question (n-1) % N + 1 with its n-th autosave, sequence number n * 2^20 + candidate index (growing
-- per candidate, unique in the run). Every save answered 200 is logged as "position seq" (from the response
-- body) to PREFIX.<thread>, which exam.py checks against the database. Modes "ping" (no cookie), "whoami" and
-- "me": the baselines GET /ping, /api/whoami and /api/me with the same cookies. Figures: bench/report.lua.
dofile("bench/report.lua")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[2] or "save"
  local total = tonumber(args[3] or "2")
  candidates, counts = {}, {}
  local n = 0
  for line in io.lines(args[1]) do
    local cookie, attempt, keys = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if n % total == id then
      local list = {}
      for k in keys:gmatch("[^,]+") do table.insert(list, k) end
      table.insert(candidates, { cookie = cookie, attempt = attempt, keys = list, index = n })
      table.insert(counts, 0)
    end
    n = n + 1
  end
  nexti = 0
  ok = 0
  if mode == "save" then
    acks = io.open(args[4] .. "." .. id, "w")
    acks:setvbuf("line")   -- a SIGKILLed server must not leave acknowledged saves unwritten here
  end
end

function request()
  nexti = nexti % #candidates + 1
  local c = candidates[nexti]
  if mode == "ping" then return wrk.format("GET", "/ping") end
  if mode == "whoami" then return wrk.format("GET", "/api/whoami", { ["Cookie"] = c.cookie }) end
  if mode == "me" then return wrk.format("GET", "/api/me", { ["Cookie"] = c.cookie }) end
  counts[nexti] = counts[nexti] + 1
  local position = (counts[nexti] - 1) % #c.keys + 1
  local seq = string.format("%.0f", counts[nexti] * 1048576 + c.index)
  return wrk.format("PUT", "/api/exams/attempts/" .. c.attempt .. "/answers/" .. position,
    { ["Cookie"] = c.cookie, ["Content-Type"] = "application/json" },
    '{"seq":' .. seq .. ',"answer":["' .. c.keys[position] .. '"]}')
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    if acks then
      local position, seq = body:match('"position":(%d+),"seq":(%d+)')
      acks:write(position, " ", seq, "\n")
    end
  end
end

done = function(summary, latency, requests)
  local acknowledged = 0
  for _, t in ipairs(threads) do acknowledged = acknowledged + t:get("ok") end
  report(summary, latency)
  io.write(string.format("acknowledged %d\n", acknowledged))
end
