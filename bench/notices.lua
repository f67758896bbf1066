-- wrk script for scripts/bench.sh: the baseline (GET /api/v1/me), or notice registrations with a new digest
-- in every request. Arguments after "--": SCENARIO RUN, where SCENARIO is "baseline", "single" or
-- "batch:<entries>" and RUN is a number 0..255 that differs between the wrk runs of one benchmark.
--
-- A digest is 64 hex digits: the run (2), the wrk thread (2), a per-thread counter (12), then 48 random
-- digits. The first 16 make every digest of a benchmark unique, so each request registers new notices
-- (the same digest again would only return the existing notice); the random rest spreads the leaves.

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local next_thread = 0

function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

local scenario, run, prefix, entries
local counter = 0

local function digest()
  counter = counter + 1
  local parts = { prefix, string.format("%012x", counter) }
  for i = 3, 14 do
    parts[i] = string.format("%04x", math.random(0, 65535))
  end
  return table.concat(parts)
end

local function entry()
  local text = digest()
  return '{"digest":"' .. text .. '","reference":"BENCH-' .. run .. "-" .. thread_number .. "-" .. counter .. '"}'
end

function init(args)
  scenario = args[1] or "baseline"
  run = tonumber(args[2]) or 0
  prefix = string.format("%02x%02x", run % 256, thread_number % 256)
  math.randomseed(os.time() + 7919 * thread_number + 104729 * run)
  entries = tonumber(scenario:match("^batch:(%d+)$"))
  if scenario ~= "baseline" then
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  if scenario == "single" then
    return wrk.format("POST", "/api/v1/notices", nil, entry())
  elseif entries then
    local body = {}
    for i = 1, entries do
      body[i] = entry()
    end
    return wrk.format("POST", "/api/v1/notices/batch", nil, '{"notices":[' .. table.concat(body, ",") .. "]}")
  end
  return wrk.format("GET", "/api/v1/me", nil, nil)
end
