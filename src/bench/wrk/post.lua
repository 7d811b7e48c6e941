dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local headers = { ["Content-Type"] = "application/json" }
request = function() return wrk.format("POST", "/api/v1/device/", headers, '{"name":"bench-post"}') end
