-- wrk script: POST /api/scan with the live code the bench application wrote (bench/scan-http).
local file = assert(io.open(os.getenv("SCAN_TOKEN_FILE") or "bench/results/scan-token.txt", "r"))
local token = file:read("*l")
file:close()
wrk.method = "POST"
wrk.body = '{"payload":"' .. token .. '","purpose":"venue-entry","location":"bench"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
