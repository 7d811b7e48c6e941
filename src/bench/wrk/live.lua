-- The HTTP ceiling: OPTIONS on the collection goes through the servlet filters and JAX-RS but touches
-- no database. (Payara's /health/live builds its JSON through a provider lookup on every call, so it
-- would make the ceiling look lower than the stack allows.)
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
request = function() return wrk.format("OPTIONS", "/api/v1/device/") end
