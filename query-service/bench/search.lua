-- GET /articles: full-text query with filters (random term, source and date range per request).
local terms = {"election", "police", "climate", "market", "court", "government", "water", "president",
               "school", "health", "\"prime minister\"", "energy -oil", "war OR peace", "Japan", "football"}
request = function()
  local t = terms[math.random(#terms)]
  local path
  local kind = math.random(3)
  if kind == 1 then
    path = "/articles?q=" .. t .. "&source=source-" .. math.random(0, 40) .. ".example"
  elseif kind == 2 then
    local m = math.random(1, 12)
    path = string.format("/articles?q=%s&lang=en&from=2023-%02d-01&to=2023-%02d-28", t, m, m)
  else
    path = "/articles?q=" .. t .. "&lang=en&sort=relevance&limit=20"
  end
  local encoded = path:gsub(" ", "%%20"):gsub("\"", "%%22")
  return wrk.format("GET", encoded)
end
