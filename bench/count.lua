-- wrk script: counts the 200 answers (acknowledged requests) over all threads and prints "acknowledged N".
-- BENCH_METHOD and BENCH_BODY (environment) make it send e.g. POST with a text/plain body.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body then
  wrk.body = body
  wrk.headers["Content-Type"] = "text/plain"
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  acknowledged = 0
end

function response(status, headers, body)
  if status == 200 then
    acknowledged = acknowledged + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("acknowledged")
  end
  io.write(string.format("acknowledged %d\n", total))
end
