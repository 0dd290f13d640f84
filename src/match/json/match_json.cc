#include "match/json/match_json.h"

#include <cmath>

namespace passend::match {

using nlohmann::json;

namespace {

double Round1(double v) { return std::round(v * 10) / 10; }

std::string_view ContractingName(Contracting c) {
  switch (c) {
    case Contracting::kInKind: return "in_natura";
    case Contracting::kPgbNeeded: return "pgb_nodig";
    default: return "niet_bereikbaar";
  }
}

std::string_view MismatchKindName(MismatchKind k) {
  switch (k) {
    case MismatchKind::kWish: return "wens";
    case MismatchKind::kNeed: return "behoefte";
    default: return "plek";
  }
}

json PartToJson(const PartExplanation& p) {
  json j = {{"offer_id", p.offer_id},
            {"offer_name", p.offer_name},
            {"kind", domain::ToString(p.kind)},
            {"provider_id", p.provider_id},
            {"provider_name", p.provider_name},
            {"location_name", p.location_name},
            {"municipality_code", p.municipality_code},
            {"profile_accepted", p.profile_accepted},
            {"contracting", ContractingName(p.contracting)},
            {"pgb_needed", p.pgb_needed},
            {"contracting_reason", p.contracting_reason},
            {"wait_weeks", p.wait_weeks},
            {"free_places", p.free_places},
            {"within_service_area", p.within_service_area}};
  if (!p.profile_reason.empty()) j["profile_reason"] = p.profile_reason;
  j["possible_forms"] = json::array();
  for (auto f : p.possible_forms) j["possible_forms"].push_back(domain::ToString(f));
  if (p.quality) j["quality"] = *p.quality;
  if (p.travel_km) j["travel_km"] = Round1(*p.travel_km);
  if (p.service_radius_km) j["service_radius_km"] = *p.service_radius_km;
  return j;
}

}  // namespace

json ExplanationToJson(const Explanation& e) {
  json j = {{"parts", json::array()},
            {"wishes", json::array()},
            {"needs", json::array()},
            {"places", json::array()},
            {"summary", e.summary}};
  for (const auto& p : e.parts) j["parts"].push_back(PartToJson(p));
  for (const auto& w : e.wishes) {
    json wj = {{"wish", w.wish},
               {"feature_id", w.feature_id},
               {"label", w.label},
               {"importance", domain::ToString(w.importance)},
               {"status", w.status ? StatusNl(*w.status) : "vrije tekst"},
               {"reason", w.reason}};
    if (!w.met_by.empty()) wj["met_by"] = w.met_by;
    j["wishes"].push_back(wj);
  }
  for (const auto& n : e.needs)
    j["needs"].push_back(
        {{"feature_id", n.feature_id}, {"label", n.label}, {"met", n.met}, {"reason", n.reason}});
  for (const auto& p : e.places)
    j["places"].push_back({{"label", p.label},
                           {"kind", domain::ToString(p.kind)},
                           {"distance_km", Round1(p.distance_km)},
                           {"max_km", p.max_km},
                           {"within", p.within}});
  return j;
}

json ClientMismatchToJson(const MatchIndex& ix, const domain::Client& c, const ClientMismatch& m) {
  json j = {{"items", json::array()}, {"free_text_wishes", json::array()}};
  if (m.best) j["best_offer_id"] = ix.offer(*m.best).id;
  for (const auto& item : m.items) {
    json ij = {{"kind", MismatchKindName(item.kind)},
               {"key", item.key},
               {"label", item.label},
               {"importance", domain::ToString(item.importance)},
               {"status", StatusNl(item.status)}};
    if (item.nearest)
      ij["nearest"] = {{"offer_id", ix.offer(item.nearest->offer).id},
                       {"offer_name", ix.offer(item.nearest->offer).name},
                       {"distance_km", Round1(item.nearest->distance_km)},
                       {"wait_weeks", item.nearest->wait_weeks}};
    else
      ij["nearest"] = nullptr;
    j["items"].push_back(ij);
  }
  for (uint32_t w : m.free_text_wishes) j["free_text_wishes"].push_back(c.wishes[w].text);
  return j;
}

json MatchResultToJson(const MatchIndex& ix, const domain::Client& c, const MatchResult& r,
                       bool with_arrangements) {
  json j = {{"client_id", c.id}, {"offers", json::array()}};
  for (const auto& o : r.offers)
    j["offers"].push_back({{"offer_id", ix.offer(o.offer).id},
                           {"score", Round1(o.assessment.score)},
                           {"unmet", o.assessment.unmet},
                           {"explanation", ExplanationToJson(o.explanation)}});
  j["mismatch"] = ClientMismatchToJson(ix, c, r.mismatch);
  if (with_arrangements) {
    j["arrangements"] = json::array();
    for (const auto& ar : r.arrangements) {
      json ids = json::array();
      for (uint32_t o : ar.offers) ids.push_back(ix.offer(o).id);
      j["arrangements"].push_back({{"offer_ids", ids},
                                   {"score", Round1(ar.assessment.score)},
                                   {"unmet", ar.assessment.unmet},
                                   {"explanation", ExplanationToJson(ar.explanation)}});
    }
  }
  return j;
}

json MismatchAreaToJson(const MismatchArea& a) {
  json per = json::object();
  for (const auto& [k, v] : a.per_wish) per[k] = {{"clients", v}, {"share", Share(v, a.clients)}};
  return {{"code", a.code},
          {"name", a.name},
          {"clients", a.clients},
          {"clients_with_mismatch", a.clients_with_mismatch},
          {"per_wish", per}};
}

json MismatchMapToJson(const MismatchMap& m, const std::string& scope) {
  json j = {{"scope", scope},
            {"clients", m.clients},
            {"clients_with_mismatch", m.clients_with_mismatch},
            {"clients_without_offer", m.clients_without_offer},
            {"clients_invalid", m.clients_invalid},
            {"per_wish", json::object()},
            {"regions", json::array()},
            {"municipalities", json::array()},
            {"free_texts", json::array()}};
  for (const auto& [k, v] : m.per_wish) {
    auto label = m.labels.find(k);
    j["per_wish"][k] = {{"label", label == m.labels.end() ? k : label->second},
                        {"clients", v},
                        {"share", Share(v, m.clients)}};
  }
  for (const auto& [code, area] : m.regions) j["regions"].push_back(MismatchAreaToJson(area));
  for (const auto& [code, area] : m.municipalities)
    j["municipalities"].push_back(MismatchAreaToJson(area));
  for (const auto& [t, v] : m.free_texts) j["free_texts"].push_back({{"text", t}, {"clients", v}});
  return j;
}

}  // namespace passend::match
