-- Request mix of the query benchmark (query-bench.sh). wrk ... -s scenarios.lua URL -- <scenario> <ids file>
-- Scenarios: search (q with a source or lang+month filter, newest first), relevance, collapse, facet-source,
-- facet-lang, facet-entity, facet-day, facets (all four), byid, stories, histogram, mix (all of them in turn).
local terms = {"election", "police", "climate", "market", "court", "government", "water", "president",
               "school", "health", "\"prime minister\"", "energy -oil", "war OR peace", "Japan", "football"}
local ids = {}
local scenario = "search"
local builders = {}

local function term()
  return terms[math.random(#terms)]
end

local function encode(path)
  return (path:gsub(" ", "%%20"):gsub("\"", "%%22"))
end

local function month()
  local y, m = math.random(2023, 2024), math.random(1, 12)
  return string.format("from=%d-%02d-01&to=%d-%02d-28", y, m, y, m)
end

builders["search"] = function()
  if math.random(2) == 1 then
    return "/articles?q=" .. term() .. "&source=source-" .. math.random(0, 40) .. ".example"
  end
  return "/articles?q=" .. term() .. "&lang=en&" .. month()
end
builders["relevance"] = function()
  return "/articles?q=" .. term() .. "&lang=en&sort=relevance"
end
builders["collapse"] = function()
  return "/articles?q=" .. term() .. "&collapse=story"
end
for _, facet in ipairs({"source", "lang", "entity", "day"}) do
  builders["facet-" .. facet] = function()
    return "/articles?limit=10&facets=" .. facet .. "&q=" .. term()
  end
end
builders["facets"] = function()
  local path = "/articles?limit=10&facets=source,lang,entity,day&q=" .. term()
  if math.random(2) == 1 then
    path = path .. "&lang=en"
  end
  return path
end
builders["byid"] = function()
  return "/articles/" .. ids[math.random(#ids)]
end
builders["stories"] = function()
  if math.random(2) == 1 then
    return "/stories?sort=size"
  end
  return "/stories?q=" .. term()
end
builders["histogram"] = function()
  return "/histogram?interval=day&q=" .. term() .. "&" .. month()
end
local kinds = {"search", "relevance", "collapse", "facets", "byid", "stories", "histogram"}
builders["mix"] = function()
  return builders[kinds[math.random(#kinds)]]()
end

init = function(args)
  scenario = args[1] or scenario
  if not builders[scenario] then
    error("unknown scenario " .. scenario)
  end
  for line in io.lines(args[2] or "ids.txt") do
    ids[#ids + 1] = line
  end
end

request = function()
  return wrk.format("GET", encode(builders[scenario]()))
end
