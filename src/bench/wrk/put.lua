dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local headers = { ["Content-Type"] = "application/json" }
request = function() return wrk.format("PUT", "/api/v1/device/" .. random_id(), headers, '{"name":"bench-put"}') end
