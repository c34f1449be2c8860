-- wrk script: POST /api/scan with the live codes of distinct people the bench application wrote
-- (bench/scan-http), one after another from SCAN_OFFSET on, so that every scan reads another
-- person's rows.
local file = assert(io.open(os.getenv("SCAN_TOKENS_FILE") or "bench/results/scan-tokens.txt", "r"))
local tokens = {}
for line in file:lines() do
  if #line > 0 then tokens[#tokens + 1] = line end
end
file:close()
assert(#tokens > 0, "no live codes in the tokens file")
local index = tonumber(os.getenv("SCAN_OFFSET") or "0") % #tokens
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

request = function()
  index = index % #tokens + 1
  return wrk.format(nil, nil, nil,
    '{"payload":"' .. tokens[index] .. '","purpose":"venue-entry","location":"bench"}')
end
