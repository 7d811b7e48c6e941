-- The tutorial's full list: every device in one JSON array.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
request = function() return wrk.format("GET", "/api/v1/device/") end
