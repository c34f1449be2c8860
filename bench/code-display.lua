-- wrk script for bench/code-display: one signed-in citizen a line of the file the bench application
-- wrote (a session cookie); each request is the next citizen's GET of PATH (default /api/me/code),
-- round and round, as a city's phones refresh their codes. CODE_OFFSET spreads the connections.
local file = os.getenv("CODE_SESSIONS") or "bench/results/code-sessions.txt"
local path = os.getenv("CODE_PATH") or "/api/me/code"
local cookies = {}
for line in io.lines(file) do
  cookies[#cookies + 1] = line
end
local n = tonumber(os.getenv("CODE_OFFSET") or "0")

request = function()
  n = n + 1
  if n > #cookies then
    n = 1
  end
  return wrk.format("GET", path, { ["Cookie"] = cookies[n], ["Accept"] = "application/json" })
end
