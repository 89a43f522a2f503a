-- wrk script: POST /log/batch with a group of 8 visit numbers, as the visit service sends them.
wrk.method = "POST"
wrk.body = '["1","2","3","4","5","6","7","8"]'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Service-Name"] = "visit"
