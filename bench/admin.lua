-- wrk driver for bench/day.sh's administrators. Script arguments: a file of cookies (one signed-in administrator
-- session a line), a file of paths (member lists, statistics, reports), and the think time in ms between one
-- administrator's pages (0: as fast as answered). Every connection is one administrator browsing: each request
-- is the next path of the list with the next cookie, after the think time. Figures: bench/report.lua.
dofile("bench/report.lua")
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  cookies, paths = {}, {}
  for line in io.lines(args[1]) do if line ~= "" then table.insert(cookies, line) end end
  for line in io.lines(args[2]) do if line ~= "" then table.insert(paths, line) end end
  think = tonumber(args[3] or "0")
  n = id * 7
end

function delay() return think end

function request()
  n = n + 1
  return wrk.format("GET", paths[n % #paths + 1], { ["Cookie"] = cookies[n % #cookies + 1] })
end

done = function(summary, latency, requests) report(summary, latency) end
