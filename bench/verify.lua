-- wrk script for `scripts/bench.sh verify`: the baseline (GET /health/live, anonymous and trivial), or public
-- verifications of digests that were registered and anchored before the run. Arguments after "--":
-- SCENARIO DIGESTS, where SCENARIO is "baseline", "single" or "batch:<entries>" and DIGESTS is a file with
-- one 64-hex-digit digest per line. Each thread starts at its own offset and walks the list round robin, so
-- the store is read across the whole set rather than one hot row.

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local next_thread = 0

function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

local scenario, entries
local digests = {}
local position = 0

local function next_digest()
  position = position % #digests + 1
  return digests[position]
end

function init(args)
  scenario = args[1] or "baseline"
  entries = tonumber(scenario:match("^batch:(%d+)$"))
  if scenario ~= "baseline" then
    local file = assert(io.open(args[2], "r"), "cannot read the digest file " .. tostring(args[2]))
    for line in file:lines() do
      if line:match("^%x+$") and #line == 64 then
        digests[#digests + 1] = line
      end
    end
    file:close()
    assert(#digests > 0, "the digest file has no digests")
    position = (thread_number * 7919) % #digests
  end
  if entries then
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  if scenario == "single" then
    return wrk.format("GET", "/api/v1/verify/" .. next_digest(), nil, nil)
  elseif entries then
    local body = {}
    for i = 1, entries do
      body[i] = '"' .. next_digest() .. '"'
    end
    return wrk.format("POST", "/api/v1/verify", nil, '{"digests":[' .. table.concat(body, ",") .. "]}")
  end
  return wrk.format("GET", "/health/live", nil, nil)
end
