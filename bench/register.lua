-- wrk script: POST /services with the registration bodies of the file named by $BODIES (one ServiceInfo per
-- line, written by RegistryBench in serve.fakes mode), cycling through all of them; counts answers other than 200.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "counter.lua").count("refused", function(status) return status ~= 200 end)

local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  bodies[#bodies + 1] = line
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("BENCH_TOKEN") then
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end

function init(args)
  next_body = math.random(#bodies)
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[next_body])
end
