-- The wrk reporter every bench driver shares (dofile("bench/report.lua"); the scripts run from the repository
-- root): one "key value" per line. status_errors are answers with an HTTP status >= 400 (wrk's count);
-- socket_errors are connect, read and write errors and timeouts. requests counts every answer.
function report(summary, latency)
  local e = summary.errors
  io.write(string.format("rps %.2f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("p%d_ms %.2f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("status_errors %d\n", e.status))
  io.write(string.format("socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
end
