-- wrk reporter for a plain URL (members.sh, day.sh's administrators): see bench/report.lua.
dofile("bench/report.lua")
done = function(summary, latency, requests) report(summary, latency) end
