-- 80 % reads by id, 20 % renames.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local headers = { ["Content-Type"] = "application/json" }
request = function()
  if math.random() < 0.8 then return wrk.format("GET", "/api/v1/device/" .. random_id()) end
  return wrk.format("PUT", "/api/v1/device/" .. random_id(), headers, new_name("bench-mix"))
end
