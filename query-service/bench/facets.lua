-- GET /articles with facets=source,lang,entity,day for a query (and sometimes a filter).
local terms = {"election", "police", "climate", "market", "court", "government", "water", "president",
               "school", "health", "Japan", "football"}
request = function()
  local t = terms[math.random(#terms)]
  local path = "/articles?limit=10&facets=source,lang,entity,day&q=" .. t
  if math.random(2) == 1 then
    path = path .. "&lang=en"
  end
  return wrk.format("GET", path)
end
