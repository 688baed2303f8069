-- GET /articles/{id} for random stored ids (ids.txt, one per line, written by query-bench.sh).
local ids = {}
init = function(args)
  for line in io.lines(args[1] or "ids.txt") do
    ids[#ids + 1] = line
  end
end
request = function()
  return wrk.format("GET", "/articles/" .. ids[math.random(#ids)])
end
