-- Shared by the wrk scripts: counts the answers whose status `counts(status)` accepts, each thread in its own global
-- `name`, and prints "<name> N" with the sum over all threads when the run is done.
local counter = {}

function counter.count(name, counts)
  local threads = {}

  function setup(thread)
    table.insert(threads, thread)
  end

  function response(status, headers, body)
    if counts(status) then
      _G[name] = (_G[name] or 0) + 1
    end
  end

  function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
      total = total + (thread:get(name) or 0)
    end
    io.write(string.format("%s %d\n", name, total))
  end
end

return counter
