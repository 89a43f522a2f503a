-- wrk script: POST /log with a text/plain line; counts the 200 answers (acknowledged lines) over all threads.
wrk.method = "POST"
wrk.body = "benchmark line"
wrk.headers["Content-Type"] = "text/plain"

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
