-- wrk script: counts the 200 answers (acknowledged requests) over all threads and prints "acknowledged N".
-- BENCH_METHOD and BENCH_BODY (environment) make it send e.g. POST with a text/plain body.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "counter.lua").count("acknowledged", function(status) return status == 200 end)

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body then
  wrk.body = body
  wrk.headers["Content-Type"] = "text/plain"
end
