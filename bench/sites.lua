-- wrk driver for bench/sites.sh's ingest. Reads "key<TAB>body" lines (one terminal's batch each, bench/sites.py) from
-- the file named by the first script argument; then the number of wrk threads and a prefix for result files. Each
-- thread takes its share of the terminals, round robin, and posts each batch once (POST /api/terminal/sessions with
-- the terminal's key), each connection as soon as it is free. wrk runs for its whole -d otherwise, so a thread whose
-- batches are all answered writes "ok failed" to PREFIX.<thread>, and the last thread to finish ends the process:
-- the caller times wrk from start to exit. Until then an idle connection only asks /ping once a second.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  total = tonumber(args[2])
  prefix = args[3]
  rows = {}
  local n = 0
  for line in io.lines(args[1]) do
    local key, body = line:match("^([^\t]+)\t(.+)$")
    if key and n % total == id then table.insert(rows, { key = key, body = body }) end
    n = n + 1
  end
  sent, ok, failed = 0, 0, 0
end

function delay()
  if sent >= #rows then return 1000 end
  return 0
end

function request()
  if id == 0 and not checked then
    checked = true
    return wrk.format("GET", "/ping")
  end
  if sent < #rows then
    sent = sent + 1
    local r = rows[sent]
    return wrk.format("POST", "/api/terminal/sessions",
      { ["Authorization"] = "Bearer " .. r.key, ["Content-Type"] = "application/json" }, r.body)
  end
  return wrk.format("GET", "/ping")
end

function response(status, headers, body)
  if body == "pong" then return end   -- a /ping of an idle connection
  if status == 200 then ok = ok + 1 else failed = failed + 1 end
  if ok + failed == #rows then finish() end
end

function finish()
  local f = io.open(prefix .. "." .. id, "w")
  f:write(ok, " ", failed, "\n")
  f:close()
  for i = 0, total - 1 do
    local other = io.open(prefix .. "." .. i)
    if not other then return end
    other:close()
  end
  os.exit(0)
end
