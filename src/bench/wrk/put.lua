dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local headers = { ["Content-Type"] = "application/json" }
-- A new name each time: a PUT of the name a device already has writes nothing in the Spring peer
-- (Hibernate's dirty check), so a constant name compared Devices' writes with the peer's reads.
request = function() return wrk.format("PUT", "/api/v1/device/" .. random_id(), headers, new_name("bench-put")) end
