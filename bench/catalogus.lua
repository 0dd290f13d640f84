-- wrk script for GET /api/v1/offers, used by bench/api_bench.sh (ONLY=catalogus): the
-- catalogue's search box. `-- zoek` sends type-ahead searches (?q= with a word or two, the
-- last one a beginning as typed), `-- lijst` the same requests without ?q=: the plain list,
-- the baseline measured in the same run. Both rotate the same filters (none, kind,
-- municipality, region, profile, distance), ten offers a page as a search box shows.
local searches = {
  "dem", "dementie", "verpleeg", "dagbe", "logeren", "kleinsch won", "zorg thuis", "psychog",
  "nachtz", "tuin", "lindenh", "sint", "eigen kamer", "muziek", "casem", "ontmoet",
}
local filters = {
  "", "&kind=wonen", "&municipality=GM0363", "&near=52.09,5.12&within_km=15",
  "&kind=dagbesteding&region=5531", "&profile=5VV", "&municipality=GM0599",
}

local mode = "zoek"
function init(args)
  mode = args[1] or "zoek"
end

local n = 0
request = function()
  n = n + 1
  local path = "/api/v1/offers?limit=10" .. filters[(n % #filters) + 1]
  if mode == "zoek" then
    path = path .. "&q=" .. (searches[(n % #searches) + 1]:gsub(" ", "%%20"))
  end
  return wrk.format("GET", path)
end
