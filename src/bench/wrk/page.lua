dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
request = function() return wrk.format("GET", "/api/v1/device/?limit=20&after=" .. (random_id() - 1)) end
