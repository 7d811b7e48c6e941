dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
request = function() return wrk.format("GET", "/health/live") end
