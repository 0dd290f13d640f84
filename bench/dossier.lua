-- wrk script for the dossier over HTTP, used by bench/dossier_bench.sh.
--   MODE=create: POST /api/v1/clients with a realistic new client (bodies rotate).
--   MODE=update: PATCH /api/v1/clients/{id} on the clients listed in IDS_FILE (all at
--                version 1), each wrk thread on its own share of them in turn. Every PATCH
--                changes a wish's words, so the next PATCH of a client is made on the
--                version after the one its last PATCH was sent on; no request waits for an
--                answer to learn its version. A 412 means that PATCH raced the previous one
--                of the same client (wrk had not sent it yet): it is counted, and the client
--                goes on from the version the problem names.
-- COOKIE and CSRF come from the environment (a logged-in client supporter).
local mode = os.getenv("MODE") or "create"
local cookie = os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local ids_file = os.getenv("IDS_FILE")

local places = {
  {"GM0935", 50.85403, 5.70002}, {"GM0917", 50.89413, 5.97018}, {"GM1883", 51.00667, 5.82895},
  {"GM0928", 50.87300, 6.05223}, {"GM0994", 50.86190, 5.82435}, {"GM0899", 50.94413, 5.97818},
}
local wishes = {
  '{"feature_id":"eigen_kamer","importance":"must","text":"een eigen plek"}',
  '{"feature_id":"tuin","importance":"important","text":"buiten kunnen zitten"}',
  '{"feature_id":"huisdier_toegestaan","importance":"must","text":"mijn kat Moos"}',
  '{"feature_id":"vaste_begeleiders","importance":"important"}',
  '{"feature_id":"","importance":"nice","text":"samen koffie drinken na de mis"}',
}

local function body_for(i)
  local p = places[(i % #places) + 1]
  local w = {}
  for k = 0, 2 do w[#w + 1] = wishes[((i + k) % #wishes) + 1] end
  return string.format(
    '{"name":"Bench Cliënt %d","birth_year":%d,"municipality_code":"%s",' ..
    '"home":{"lat":%.5f,"lon":%.5f},"sector":"VV","indication":"none",' ..
    '"preferred_forms":["verblijf"],"seeking":["wonen"],"wishes":[%s],' ..
    '"needs":[{"feature_id":"dementie_expertise","note":"uit het gesprek"}]}',
    i, 1930 + (i % 20), p[1], p[2], p[3], table.concat(w, ","))
end

local all_ids = {}
if mode == "update" then
  for line in io.lines(ids_file) do all_ids[#all_ids + 1] = line end
end

local index, threads_total = 0, 1
local counter = 0
local mine = {}  -- this thread's client ids
next_version = {}  -- id -> the version its next PATCH is made on

function setup(thread)
  all_threads = all_threads or {}
  table.insert(all_threads, thread)
  thread:set("thread_index", setup_count or 0)
  setup_count = (setup_count or 0) + 1
end

function init(args)
  index = thread_index or 0
  threads_total = tonumber(os.getenv("WRK_THREADS") or "1")
  for i, id in ipairs(all_ids) do
    if (i - 1) % threads_total == index then mine[#mine + 1] = id end
  end
end

function request()
  counter = counter + 1
  local headers = {["Content-Type"] = "application/json", ["Cookie"] = cookie,
                   ["X-CSRF-Token"] = csrf}
  if mode == "create" then
    return wrk.format("POST", "/api/v1/clients", headers, body_for(counter + index * 1000000))
  end
  local k = ((counter - 1) % #mine) + 1
  local round = math.floor((counter - 1) / #mine) + 1
  local id = mine[k]
  local v = next_version[id] or 1
  next_version[id] = v + 1
  headers["If-Match"] = '"' .. v .. '"'
  local body = string.format(
    '{"reason":"Gesprek ronde %d","patch":{"wishes":[{"feature_id":"tuin",' ..
    '"importance":"important","text":"buiten zitten, ronde %d"}]}}', round, round)
  return wrk.format("PATCH", "/api/v1/clients/" .. id, headers, body)
end

-- Which answers were not a success: 412 (a lost race on a version) or anything else.
n412, nother = 0, 0
function response(status, headers, body)
  if status == 412 then
    -- The problem names the client (instance) and the version it is at: go on from there.
    n412 = n412 + 1
    local id = body:match('"instance":"/api/v1/clients/([^"]+)"')
    local now = body:match("nu bij versie (%d+)")
    if id and now then next_version[id] = tonumber(now) end
  elseif status >= 300 then
    nother = nother + 1
    if nother <= 3 then io.stderr:write("antwoord " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

function done(summary, latency, requests)
  local a, b = 0, 0
  for _, t in ipairs(all_threads or {}) do
    a = a + (t:get("n412") or 0)
    b = b + (t:get("nother") or 0)
  end
  io.write(string.format("  niet gelukt: %d keer 412 (versie veranderd), %d anders\n", a, b))
end
