#include "monitor/monitor_service.h"

#include <algorithm>
#include <map>

#include "match/json/match_json.h"

namespace passend::monitor {

using nlohmann::json;

Result<MapMoment> MonitorService::KeepMoment(const match::RegionMismatch& map,
                                             int64_t min_clients) {
  if (min_clients < match::kMinPublishedClients)
    return InvalidArgument("Een bewaard moment laat aantallen onder " +
                               std::to_string(match::kMinPublishedClients) + " cliënten weg",
                           "min_clients");
  MapMoment m;
  m.region = map.region_code;
  m.taken_at = access::FormatUtc(clock_());
  m.map_json = match::MismatchMapToJson(match::Publishable(map.map, min_clients), map.scope).dump();
  PASSEND_RETURN_IF_ERROR(store_.SaveMoment(m));
  return m;
}

Result<json> MonitorService::Trend(const std::string& region, int limit) {
  if (limit < 1) return InvalidArgument("Minstens één moment", "limit");
  PASSEND_ASSIGN_OR_RETURN(std::vector<MapMoment> moments, store_.Moments(region, limit));
  std::vector<json> maps;
  maps.reserve(moments.size());
  for (const MapMoment& m : moments) {
    json j = json::parse(m.map_json, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
      return Internal("Bewaard moment " + m.taken_at + " van regio '" + region + "' is geen kaart");
    maps.push_back(std::move(j));
  }
  json out = {{"region", region}, {"moments", json::array()}, {"per_wish", json::array()}};
  // Every wish key that was a mismatch at some moment, with its newest label.
  std::map<std::string, std::string> labels;
  for (size_t i = 0; i < maps.size(); ++i) {
    const json& j = maps[i];
    out["moments"].push_back({{"taken_at", moments[i].taken_at},
                              {"clients", j.value("clients", json())},
                              {"clients_with_mismatch", j.value("clients_with_mismatch", json())},
                              {"clients_with_must_gap", j.value("clients_with_must_gap", json())}});
    auto per = j.find("per_wish");
    if (per == j.end() || !per->is_object()) continue;
    for (auto w = per->begin(); w != per->end(); ++w) labels[w.key()] = w->value("label", w.key());
  }
  std::vector<json> wishes;
  for (const auto& [key, label] : labels) {
    json clients = json::array(), must = json::array();
    for (const json& j : maps) {
      const json* w = nullptr;
      if (auto per = j.find("per_wish"); per != j.end() && per->contains(key)) w = &(*per)[key];
      clients.push_back(w == nullptr ? json() : w->value("clients", json()));
      must.push_back(w == nullptr ? json() : w->value("clients_must", json()));
    }
    wishes.push_back(
        {{"key", key}, {"label", label}, {"clients", clients}, {"clients_must", must}});
  }
  // Largest at the newest moment first; then by key, so the order is stable.
  auto newest = [](const json& w) {
    const json& last = w["clients"].back();
    return last.is_number() ? last.get<int64_t>() : -1;
  };
  std::stable_sort(wishes.begin(), wishes.end(),
                   [&](const json& a, const json& b) { return newest(a) > newest(b); });
  for (auto& w : wishes) out["per_wish"].push_back(std::move(w));
  return out;
}

}  // namespace passend::monitor
