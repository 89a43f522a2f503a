-- wrk script: POST a text/plain line (reference servlet of bench/reference); counts 200 answers.
wrk.method = "POST"
wrk.body = "benchmark line"
wrk.headers["Content-Type"] = "text/plain"
wrk.headers["X-Service-Name"] = "visit"
