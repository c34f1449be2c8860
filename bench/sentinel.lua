-- wrk script for bench/sentinel-http: one presentation a line of the file the bench application
-- wrote (the sentinel's Authorization header, the JSON body with a live code, temperature and a
-- unique idempotency key), each line once. A run starts at line SENTINEL_OFFSET + 1, so that the
-- rounds of one benchmark never send a line twice.
local file = os.getenv("SENTINEL_REQUESTS") or "bench/results/sentinel-requests.tsv"
local lines = {}
for line in io.lines(file) do
  local auth, body = line:match("^([^\t]+)\t(.+)$")
  lines[#lines + 1] = { auth, body }
end
local n = tonumber(os.getenv("SENTINEL_OFFSET") or "0")

request = function()
  n = n + 1
  if n > #lines then
    -- out of lines: say so loudly rather than send a line twice (a replayed key is cheap)
    return wrk.format("GET", "/api/bench/out-of-requests")
  end
  local l = lines[n]
  return wrk.format("POST", "/api/sentinel/passages", {
    ["Authorization"] = l[1],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json"
  }, l[2])
end
