dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
request = function() return wrk.format("GET", "/api/v1/device/" .. random_id()) end
