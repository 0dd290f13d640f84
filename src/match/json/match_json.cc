#include "match/json/match_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <string_view>

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
    case MismatchKind::kProfile: return "profiel";
    default: return "plek";
  }
}

// The per-client answer is the API's hottest path: it is streamed straight into text
// (RapidJSON's writer) instead of being built as a tree first, which took half the time
// of a request. Strings in the data are valid UTF-8: everything entering Passend passes a
// JSON parser or the generator.
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void Field(Writer& w, std::string_view key, std::string_view value) {
  Str(w, key);
  Str(w, value);
}
// The tier of an assessment (score.h): what decides the place before the score.
void WriteTier(Writer& w, const Assessment& a) {
  Str(w, "apart");
  w.Bool(a.apart);
  Str(w, "pgb_only");
  w.Bool(a.pgb_only);
  Str(w, "far");
  w.Bool(a.far);
}

// Without this a string literal would convert to bool, not to string_view.
[[maybe_unused]] void Field(Writer& w, std::string_view key, const char* value) {
  Field(w, key, std::string_view(value));
}
void Field(Writer& w, std::string_view key, const std::string& value) {
  Field(w, key, std::string_view(value));
}
void Field(Writer& w, std::string_view key, bool value) {
  Str(w, key);
  w.Bool(value);
}
void Field(Writer& w, std::string_view key, int value) {
  Str(w, key);
  w.Int(value);
}
void Field(Writer& w, std::string_view key, double value) {
  Str(w, key);
  w.Double(value);
}

void WritePart(Writer& w, const PartExplanation& p) {
  w.StartObject();
  Field(w, "offer_id", p.offer_id);
  Field(w, "offer_name", p.offer_name);
  Field(w, "kind", domain::ToString(p.kind));
  Field(w, "provider_id", p.provider_id);
  Field(w, "provider_name", p.provider_name);
  Field(w, "location_name", p.location_name);
  Field(w, "municipality_code", p.municipality_code);
  Field(w, "profile_accepted", p.profile_accepted);
  if (!p.profile_reason.empty()) Field(w, "profile_reason", p.profile_reason);
  Field(w, "contracting", ContractingName(p.contracting));
  Field(w, "pgb_needed", p.pgb_needed);
  Field(w, "contracting_reason", p.contracting_reason);
  Field(w, "wait_weeks", p.wait_weeks);
  Field(w, "free_places", p.free_places);
  Field(w, "within_service_area", p.within_service_area);
  Field(w, "temporary", p.temporary);
  Field(w, "last_updated", p.last_updated);
  Field(w, "maybe_outdated", p.maybe_outdated);
  Str(w, "possible_forms");
  w.StartArray();
  for (auto f : p.possible_forms) Str(w, domain::ToString(f));
  w.EndArray();
  Str(w, "quality");
  w.StartArray();
  for (size_t i = 0; i < p.quality.size(); ++i) {
    const domain::QualityNote& n = p.quality[i];
    w.StartObject();
    Field(w, "kind", domain::ToString(n.kind));
    Field(w, "source", n.source);
    Field(w, "measured", n.measured);
    if (n.kind == domain::QualityKind::kReviews) {
      Field(w, "score", n.score);
      Field(w, "reviews", n.reviews);
    } else {
      Field(w, "outcome", domain::ToString(n.outcome));
      if (!n.link.empty()) Field(w, "link", n.link);
    }
    Field(w, "text", domain::QualityNl(n));
    Field(w, "used_in_ranking", static_cast<int>(i) == p.ranked_quality);
    w.EndObject();
  }
  w.EndArray();
  if (p.travel_km) Field(w, "travel_km", Round1(*p.travel_km));
  if (p.home_km) Field(w, "home_km", Round1(*p.home_km));
  if (p.service_radius_km) Field(w, "service_radius_km", *p.service_radius_km);
  w.EndObject();
}

void WriteExplanation(Writer& w, const Explanation& e) {
  w.StartObject();
  Field(w, "headline", e.headline);
  Str(w, "parts");
  w.StartArray();
  for (const auto& p : e.parts) WritePart(w, p);
  w.EndArray();
  Str(w, "wishes");
  w.StartArray();
  for (const auto& wish : e.wishes) {
    w.StartObject();
    Str(w, "wish");
    w.Uint(wish.wish);
    Field(w, "feature_id", wish.feature_id);
    Field(w, "label", wish.label);
    Field(w, "importance", domain::ToString(wish.importance));
    Field(w, "status",
          wish.status    ? StatusNl(*wish.status)
          : wish.applies ? "vrije tekst"
                         : "hoort niet bij deze zorg");
    Field(w, "applies", wish.applies);
    Field(w, "reason", wish.reason);
    if (!wish.met_by.empty()) Field(w, "met_by", wish.met_by);
    if (!wish.suggested_features.empty()) {
      Str(w, "suggested_features");
      w.StartArray();
      for (const auto& id : wish.suggested_features) Str(w, id);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  Str(w, "needs");
  w.StartArray();
  for (const auto& n : e.needs) {
    w.StartObject();
    Field(w, "feature_id", n.feature_id);
    Field(w, "label", n.label);
    Field(w, "met", n.met);
    Field(w, "status", n.applies ? StatusNl(n.status) : "hoort niet bij deze zorg");
    Field(w, "applies", n.applies);
    Field(w, "reason", n.reason);
    w.EndObject();
  }
  w.EndArray();
  Str(w, "places");
  w.StartArray();
  for (const auto& p : e.places) {
    w.StartObject();
    Field(w, "label", p.label);
    Field(w, "kind", domain::ToString(p.kind));
    Field(w, "distance_km", Round1(p.distance_km));
    Field(w, "max_km", p.max_km);
    Field(w, "within", p.within);
    w.EndObject();
  }
  w.EndArray();
  Str(w, "summary");
  w.StartArray();
  for (const auto& line : e.summary) Str(w, line);
  w.EndArray();
  w.EndObject();
}

void WriteMismatch(Writer& w, const MatchIndex& ix, const domain::Client& c,
                   const ClientMismatch& m) {
  w.StartObject();
  if (m.best) Field(w, "best_offer_id", ix.offer(*m.best).id);
  Str(w, "items");
  w.StartArray();
  for (const auto& item : m.items) {
    w.StartObject();
    Field(w, "kind", MismatchKindName(item.kind));
    Field(w, "key", item.key);
    Field(w, "label", item.label);
    Field(w, "importance", domain::ToString(item.importance));
    Field(w, "status", StatusNl(item.status));
    if (item.kind == MismatchKind::kWish || item.kind == MismatchKind::kNeed) {
      Field(w, "reachable_yes", item.reachable_yes);
      Str(w, "reachable_not_stating");
      w.Int64(item.reachable_unknown);
    }
    Str(w, "nearest");
    if (item.nearest) {
      const auto& offer = ix.offer(item.nearest->offer);
      w.StartObject();
      Field(w, "offer_id", offer.id);
      Field(w, "offer_name", offer.name);
      Field(w, "distance_km", Round1(item.nearest->distance_km));
      Field(w, "wait_weeks", item.nearest->wait_weeks);
      w.EndObject();
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  Str(w, "free_text_wishes");
  w.StartArray();
  for (uint32_t i : m.free_text_wishes) Str(w, c.wishes[i].text);
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string MatchResultJsonText(const MatchIndex& ix, const domain::Client& c, const MatchResult& r,
                                bool with_arrangements) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  Field(w, "client_id", c.id);
  auto offers = [&](const std::vector<OfferMatch>& list) {
    w.StartArray();
    for (const auto& o : list) {
      w.StartObject();
      Field(w, "offer_id", ix.offer(o.offer).id);
      Field(w, "score", Round1(o.assessment.score));
      Field(w, "unmet", o.assessment.unmet);
      Field(w, "unknown", o.assessment.unknown);
      WriteTier(w, o.assessment);
      Str(w, "explanation");
      WriteExplanation(w, o.explanation);
      w.EndObject();
    }
    w.EndArray();
  };
  Str(w, "offers");
  offers(r.offers);
  Str(w, "other_kinds");
  w.StartArray();
  for (const KindMatches& km : r.other_kinds) {
    w.StartObject();
    Field(w, "kind", domain::ToString(km.kind));
    Str(w, "offers");
    offers(km.offers);
    w.EndObject();
  }
  w.EndArray();
  Str(w, "mismatch");
  WriteMismatch(w, ix, c, r.mismatch);
  if (with_arrangements) {
    Str(w, "arrangements");
    w.StartArray();
    for (const auto& ar : r.arrangements) {
      w.StartObject();
      Str(w, "offer_ids");
      w.StartArray();
      for (uint32_t o : ar.offers) Str(w, ix.offer(o).id);
      w.EndArray();
      Field(w, "score", Round1(ar.assessment.score));
      Field(w, "unmet", ar.assessment.unmet);
      Field(w, "unknown", ar.assessment.unknown);
      WriteTier(w, ar.assessment);
      Str(w, "explanation");
      WriteExplanation(w, ar.explanation);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

json MatchResultToJson(const MatchIndex& ix, const domain::Client& c, const MatchResult& r,
                       bool with_arrangements) {
  return json::parse(MatchResultJsonText(ix, c, r, with_arrangements));
}

namespace {
// A count, or null when it was left out (kSuppressed: fewer clients than min_clients).
json Count(int64_t n) { return n == kSuppressed ? json(nullptr) : json(n); }
}  // namespace

namespace {
// Clients for whom the key is a must or need (0 when it is a wish only).
json MustCount(const std::map<std::string, int64_t>& per_must, const std::string& key) {
  auto it = per_must.find(key);
  return Count(it == per_must.end() ? 0 : it->second);
}
json SupplyToJson(const Supply& s) {
  return {{"offers", s.offers},
          {"free_places", s.free_places},
          {"median_wait_weeks", s.median_wait_weeks}};
}
}  // namespace

json MismatchAreaToJson(const MismatchArea& a) {
  json per = json::object();
  for (const auto& [k, v] : a.per_wish)
    per[k] = {
        {"clients", v}, {"share", Share(v, a.clients)}, {"clients_must", MustCount(a.per_must, k)}};
  json j = {{"code", a.code},
            {"name", a.name},
            {"clients", Count(a.clients)},
            {"clients_with_mismatch", Count(a.clients_with_mismatch)},
            {"clients_with_must_gap", Count(a.clients_with_must_gap)},
            {"per_wish", per}};
  if (a.supply) j["supply"] = SupplyToJson(*a.supply);
  return j;
}

json MismatchMapToJson(const MismatchMap& m, const std::string& scope) {
  json j = {{"scope", scope},
            {"clients", Count(m.clients)},
            {"clients_with_mismatch", Count(m.clients_with_mismatch)},
            {"clients_with_must_gap", Count(m.clients_with_must_gap)},
            {"clients_without_offer", Count(m.clients_without_offer)},
            {"clients_invalid", Count(m.clients_invalid)},
            {"min_clients", m.min_clients},
            {"suppressed_cells", m.suppressed_cells},
            {"per_wish", json::object()},
            {"unchangeable", json::object()},
            {"regions", json::array()},
            {"municipalities", json::array()},
            {"profiles", json::array()},
            {"kinds", json::array()},
            {"free_texts", json::array()},
            {"free_text_features", json::array()}};
  for (const auto& [k, v] : m.per_wish) {
    auto label = m.labels.find(k);
    json& w = j["per_wish"][k];
    w = {{"label", label == m.labels.end() ? k : label->second},
         {"clients", v},
         {"share", Share(v, m.clients)}};
    auto ns = m.not_stated.find(k);
    w["clients_offer_not_stating"] = Count(ns == m.not_stated.end() ? 0 : ns->second);
    auto os = m.offers_not_stating.find(k);
    w["offers_not_stating"] = os == m.offers_not_stating.end() ? 0 : os->second.size();
    w["clients_must"] = MustCount(m.per_must, k);
    if (auto s = m.supply.find(k); s != m.supply.end()) w["supply"] = SupplyToJson(s->second);
  }
  for (const auto& [k, v] : m.unchangeable) {
    auto label = m.labels.find(k);
    j["unchangeable"][k] = {{"label", label == m.labels.end() ? k : label->second},
                            {"clients", v},
                            {"share", Share(v, m.clients)}};
  }
  for (const auto& [code, area] : m.regions) j["regions"].push_back(MismatchAreaToJson(area));
  for (const auto& [code, area] : m.profiles) j["profiles"].push_back(MismatchAreaToJson(area));
  for (const auto& [code, area] : m.kinds) j["kinds"].push_back(MismatchAreaToJson(area));
  for (const auto& [code, area] : m.municipalities)
    j["municipalities"].push_back(MismatchAreaToJson(area));
  for (const auto& [t, v] : m.free_texts) j["free_texts"].push_back({{"text", t}, {"clients", v}});
  for (const auto& [k, v] : m.free_text_features) {
    auto label = m.labels.find(k);
    j["free_text_features"].push_back({{"feature_id", k},
                                       {"label", label == m.labels.end() ? k : label->second},
                                       {"clients", v},
                                       {"share", Share(v, m.clients)}});
  }
  return j;
}

}  // namespace passend::match
