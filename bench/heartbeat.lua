-- wrk driver for bench/heartbeat.sh. Reads "cookie session" lines from the file named by the first
-- script argument (then the mode and the number of wrk threads); each thread takes its share of the members and sends each one's beats with growing
-- sequence numbers, round robin. Mode "me" sends GET /api/me with the same cookies (the baseline).
-- Counts 200 answers per thread; done() prints "acknowledged N" and the figures.
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
  members, seqs = {}, {}
  local n = 0
  for line in io.lines(args[1]) do
    local cookie, session = line:match("^(%S+)%s+(%S+)$")
    if n % total == id then
      table.insert(members, { cookie = cookie, session = session })
      table.insert(seqs, 0)
    end
    n = n + 1
  end
  nexti = 0
  ok = 0
end

function request()
  nexti = nexti % #members + 1
  local m = members[nexti]
  if mode == "me" then
    return wrk.format("GET", "/api/me", { ["Cookie"] = m.cookie })
  end
  seqs[nexti] = seqs[nexti] + 1
  return wrk.format("POST", "/api/study/heartbeat", { ["Cookie"] = m.cookie, ["Content-Type"] = "application/json" },
    '{"sessionId":"' .. m.session .. '","seq":' .. seqs[nexti] .. '}')
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 end
end

done = function(summary, latency, requests)
  local acknowledged = 0
  for _, t in ipairs(threads) do acknowledged = acknowledged + t:get("ok") end
  io.write(string.format("rps %.2f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("acknowledged %d\n", acknowledged))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors %d\n", summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write))
end
