-- Shared by every scenario: one machine-readable line per run.
-- RESULT <requests> <seconds> <p50 ms> <p99 ms> <non-2xx/3xx> <socket errors>
local rows = tonumber(os.getenv("ROWS") or "10000")
-- token-cost.sh sends a bearer token (AUTHORIZATION="Bearer ...") with every request.
local authorization = os.getenv("AUTHORIZATION")
if authorization then wrk.headers["Authorization"] = authorization end
-- Each wrk thread runs its own Lua state, and LuaJIT seeds every state alike: unseeded, the threads
-- asked for the same ids in the same order, so two PUTs of one device met far more often than chance. Seeded by
-- thread number: the threads differ, and every service is sent the same sequence.
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_number", threads) end
function init(args) math.randomseed(thread_number) end
function random_id() return math.random(1, rows) end
-- A rename body whose name differs from request to request, so that every PUT is a write.
function new_name(prefix) return string.format('{"name":"%s-%d"}', prefix, math.random(1, 1000000000)) end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
