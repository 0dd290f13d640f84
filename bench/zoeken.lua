-- wrk script for POST /api/v1/zoeken (anonymous search), used by bench/api_bench.sh.
-- Sends a realistic situation: elderly care (VV) in one of the municipalities of
-- Zuid-Limburg, a handful of wishes (one in own words), a need and one or two places that
-- matter. The bodies rotate, so the server does not answer one cached question.
local situations = {
  {"GM0935", 50.85403, 5.70002}, {"GM0917", 50.89413, 5.97018}, {"GM1883", 51.00667, 5.82895},
  {"GM0928", 50.87300, 6.05223}, {"GM0994", 50.86190, 5.82435}, {"GM0899", 50.94413, 5.97818},
  {"GM1903", 50.80277, 5.77542}, {"GM0882", 50.90654, 6.03340},
}

local wishes = {
  '{"feature_id":"eigen_kamer","importance":"must"}',
  '{"feature_id":"rustige_omgeving","importance":"important","value":3}',
  '{"feature_id":"tuin","importance":"nice"}',
  '{"feature_id":"huisdier_toegestaan","importance":"important"}',
  '{"feature_id":"vaste_begeleiders","importance":"important"}',
  '{"feature_id":"bezoek_altijd_welkom","importance":"must"}',
  '{"feature_id":"gezamenlijke_maaltijd","importance":"nice"}',
  '{"importance":"nice","text":"samen koffie drinken na de mis"}',
}

local bodies = {}
for i, s in ipairs(situations) do
  local w = {}
  for k = 0, 4 do w[#w + 1] = wishes[((i + k) % #wishes) + 1] end
  local places = string.format(
    '{"kind":"familie","label":"dochter","position":{"lat":%.5f,"lon":%.5f},"max_km":%d,"importance":"important"}',
    s[2] + 0.02, s[3] - 0.03, 5 + (i % 3) * 5)
  if i % 2 == 0 then
    places = places .. string.format(
      ',{"kind":"kerk","label":"parochie","position":{"lat":%.5f,"lon":%.5f},"max_km":3,"importance":"nice"}',
      s[2] - 0.01, s[3] + 0.01)
  end
  local need = (i % 3 == 0) and '{"feature_id":"dementie_expertise"}' or ''
  bodies[#bodies + 1] = string.format(
    '{"profile":"%dVV","municipality_code":"%s","seeking":["wonen"],"wishes":[%s],"needs":[%s],"places":[%s]}',
    4 + (i % 4), s[1], table.concat(w, ","), need, places)
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/zoeken", {["Content-Type"] = "application/json"},
                    bodies[(n % #bodies) + 1])
end
