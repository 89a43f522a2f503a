-- wrk script: POST /services with the registration bodies of the file named by $BODIES (one ServiceInfo per
-- line, written by RegistryBench in serve.fakes mode), cycling through all of them; counts answers other than 200.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  bodies[#bodies + 1] = line
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("BENCH_TOKEN") then
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  next_body = math.random(#bodies)
  refused = 0
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next_body])
end

function response(status, headers, body)
  if status ~= 200 then
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("refused")
  end
  io.write(string.format("refused %d\n", total))
end
