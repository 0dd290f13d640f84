#include "match/query.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "domain/validation.h"

namespace passend::match {
namespace {

using domain::FeatureKind;

std::string At(const char* list, size_t i, const char* field) {
  return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

// Thresholds for "met" and "partly" on the oriented value scale.
void Thresholds(const domain::Feature& f, std::optional<double> wished, double margin, float* met,
                float* partly) {
  constexpr float kNever = 3e38f;
  switch (f.kind) {
    case FeatureKind::kYesNo: *met = 1, *partly = kNever; return;
    case FeatureKind::kLevel: {
      const double w = wished.value_or(f.level_max);
      *met = static_cast<float>(w);
      *partly = w - 1 >= 1 ? static_cast<float>(w - 1) : kNever;
      return;
    }
    case FeatureKind::kNumber:
      if (!wished) {  // any amount the offer states
        *met = *partly = -1e29f;
      } else if (f.higher_is_better) {
        *met = static_cast<float>(*wished);
        *partly = static_cast<float>(*wished * (1 - margin));
      } else {
        *met = static_cast<float>(-*wished);
        *partly = static_cast<float>(-*wished * (1 + margin));
      }
      return;
  }
}

}  // namespace

double Query::DistanceScore(double km, double max_km) const {
  if (km <= max_km) return 1;
  return std::max(0.0, 1 - (km - max_km) / index->weights().distance_decay_km);
}

double WishedValue(const domain::Feature& f, const domain::Wish& w) {
  if (f.kind == FeatureKind::kLevel) return w.value.value_or(f.level_max);
  return w.value.value_or(1);
}

Status CheckQuerySize(const domain::Client& c) { return domain::CheckClientSize(c); }

Result<Query> MakeQuery(const MatchIndex& index, const domain::Client& c) {
  Query q;
  PASSEND_RETURN_IF_ERROR(MakeQueryInto(index, c, &q));
  return q;
}

Status MakeQueryInto(const MatchIndex& index, const domain::Client& c, Query* out) {
  const domain::ReferenceData& ref = index.ref();
  const Weights& wt = index.weights();
  PASSEND_RETURN_IF_ERROR(CheckQuerySize(c));
  Query& q = *out;
  q.wishes.clear(), q.free_text_wishes.clear(), q.needs.clear(), q.places.clear();
  q.kinds.clear();
  q.accepted_forms = 0;
  q.index = &index;
  q.client = &c;
  q.partly_score = wt.partly_factor;
  q.unknown_score = wt.unknown_factor;
  q.home_reach_km = wt.HomeReachKm(c.sector);
  if (!std::isfinite(c.home.lat) || !std::isfinite(c.home.lon))
    return InvalidArgument("Het woonadres heeft geen geldige coördinaten", "home");
  q.home = RadPoint::From(c.home);
  q.home_box = BoxRad::Of(q.home);
  const domain::Municipality* m = ref.FindMunicipality(c.municipality_code);
  if (m == nullptr)
    return InvalidArgument("Onbekende gemeentecode '" + c.municipality_code + "'",
                           "municipality_code");
  q.municipality = static_cast<size_t>(m - ref.municipalities().data());
  q.region_bit = index.MunicipalityRegionBit(q.municipality);
  const domain::CareProfile* profile = ref.FindProfile(c.profile);
  q.accept_bit = profile ? uint64_t{1} << (profile - ref.profiles().data())
                         : index.AcceptBit(c.profile, c.sector);
  q.pgb_allowed = profile == nullptr || profile->pgb_possible;
  for (domain::DeliveryForm f : c.preferred_forms) q.accepted_forms |= FormBit(f);
  q.prefers_pgb = (q.accepted_forms & FormBit(domain::DeliveryForm::kPgb)) != 0;
  if (q.accepted_forms == 0) q.accepted_forms = 0xf;

  for (size_t i = 0; i < c.wishes.size(); ++i) {
    const domain::Wish& w = c.wishes[i];
    if (w.feature_id.empty()) {
      q.free_text_wishes.push_back(static_cast<uint32_t>(i));
      continue;
    }
    auto f = ref.FeatureIndex(w.feature_id);
    if (!f)
      return InvalidArgument("Onbekend kenmerk '" + w.feature_id + "'",
                             At("wishes", i, "feature_id"));
    const domain::Feature& feat = ref.features()[*f];
    if (w.value && (!std::isfinite(*w.value) || *w.value < 0))
      return InvalidArgument("Een gewenste waarde mag niet negatief zijn",
                             At("wishes", i, "value"));
    QueryWish qw;
    qw.feature = *f;
    qw.wish = static_cast<uint32_t>(i);
    qw.weight = wt.Wish(w.importance);
    qw.must = w.importance == domain::Importance::kMust;
    Thresholds(feat, feat.kind == FeatureKind::kYesNo ? std::nullopt : w.value, wt.number_margin,
               &qw.met, &qw.partly);
    qw.kinds = index.feature_kinds(*f);
    q.wishes.push_back(qw);
  }
  for (size_t i = 0; i < c.needs.size(); ++i) {
    auto f = ref.FeatureIndex(c.needs[i].feature_id);
    if (!f)
      return InvalidArgument("Onbekend kenmerk '" + c.needs[i].feature_id + "'",
                             At("needs", i, "feature_id"));
    QueryNeed qn;
    qn.feature = *f;
    qn.need = static_cast<uint32_t>(i);
    float partly = 0;
    Thresholds(ref.features()[*f], std::nullopt, wt.number_margin, &qn.met, &partly);
    if (ref.features()[*f].kind == FeatureKind::kLevel) qn.met = 1;
    qn.kinds = index.feature_kinds(*f);
    q.needs.push_back(qn);
  }
  for (size_t i = 0; i < c.places.size(); ++i) {
    const domain::Place& p = c.places[i];
    if (!std::isfinite(p.max_km) || p.max_km < 0)
      return InvalidArgument("Een afstand mag niet negatief zijn", At("places", i, "max_km"));
    if (!std::isfinite(p.position.lat) || !std::isfinite(p.position.lon))
      return InvalidArgument("De plek heeft geen geldige coördinaten", At("places", i, "position"));
    QueryPlace qp;
    qp.place = static_cast<uint32_t>(i);
    qp.position = RadPoint::From(p.position);
    qp.max_km = p.max_km;
    qp.weight = wt.Place(p.importance);
    qp.must = p.importance == domain::Importance::kMust;
    q.places.push_back(qp);
  }
  for (uint8_t mask = 0; mask < 16; ++mask) {
    double w = 0;
    for (const QueryWish& qw : q.wishes)
      if (qw.kinds & mask) w += qw.weight;
    if (mask & KindBit(domain::OfferKind::kWonen))
      for (const QueryPlace& qp : q.places) w += qp.weight;
    q.fixed_weight[mask] = w + wt.wait + wt.contract + wt.quality;
  }
  q.kinds.assign(c.seeking.begin(), c.seeking.end());
  std::sort(q.kinds.begin(), q.kinds.end());
  q.kinds.erase(std::unique(q.kinds.begin(), q.kinds.end()), q.kinds.end());
  if (q.kinds.empty()) q.kinds.push_back(domain::OfferKind::kWonen);
  return Ok();
}

}  // namespace passend::match
