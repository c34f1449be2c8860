-- wrk script for bench/sampling-http: one registration a line of the file the bench application
-- wrote (tube barcode, the terminal's Authorization header, the JSON body), each line once. A run
-- starts at line SAMPLING_OFFSET + 1, so that the rounds of one benchmark never send a line twice.
local file = os.getenv("SAMPLING_REQUESTS") or "bench/results/sampling-requests.tsv"
local lines = {}
for line in io.lines(file) do
  local tube, auth, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
  lines[#lines + 1] = { "/api/sampling/tubes/" .. tube .. "/registrations", auth, body }
end
local n = tonumber(os.getenv("SAMPLING_OFFSET") or "0")

request = function()
  n = n + 1
  if n > #lines then
    -- out of lines: say so loudly rather than send a line twice (an idempotent replay is cheap)
    return wrk.format("GET", "/api/bench/out-of-requests")
  end
  local l = lines[n]
  return wrk.format("POST", l[1], {
    ["Authorization"] = l[2],
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json"
  }, l[3])
end
