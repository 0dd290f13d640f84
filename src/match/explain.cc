#include "match/explain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

#include "domain/dutch_number.h"

namespace passend::match {
namespace {

using domain::FeatureKind;
using domain::OfferKind;

std::string Num(double v) { return domain::ShortNumberNl(v); }

// The offer's own value of a feature, for people ("niveau 2 van 3", "12 personen").
std::string ValueNl(const domain::Feature& f, float oriented) {
  if (oriented == kAbsent) return "niet bekend";
  const double v = f.kind == FeatureKind::kNumber && !f.higher_is_better ? -oriented : oriented;
  switch (f.kind) {
    case FeatureKind::kYesNo: return v >= 1 ? "ja" : "nee";
    case FeatureKind::kLevel: return "niveau " + Num(v) + " van " + std::to_string(f.level_max);
    case FeatureKind::kNumber: return Num(v) + (f.unit.empty() ? "" : " " + f.unit);
  }
  return "?";
}

std::string WishReason(const domain::Feature& f, const domain::Wish& w, WishStatus st, float value,
                       const std::string& by) {
  const std::string who = by.empty() ? "" : " (" + by + ")";
  // An offer that does not say is not an offer that says no.
  if (value == kAbsent) return "Niet bekend — vraag het de aanbieder";
  if (f.kind == FeatureKind::kYesNo)
    return st == WishStatus::kMet ? "Wordt geboden" + who : "Wordt niet geboden";
  const double wished = WishedValue(f, w);
  std::string want = f.kind == FeatureKind::kLevel
                         ? "niveau " + Num(wished)
                         : Num(wished) + (f.unit.empty() ? "" : " " + f.unit);
  if (f.kind == FeatureKind::kNumber && w.value)
    want = (f.higher_is_better ? "minstens " : "hoogstens ") + want;
  if (f.kind == FeatureKind::kNumber && !w.value) want = "een opgave";
  return "Aanbod: " + ValueNl(f, value) + who + "; gewenst: " + want;
}

std::string LowerFirst(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

bool ClientRegionContracts(const Query& q, const domain::Offer& o) {
  for (const std::string& code : o.contracted_regions)
    if ((q.index->RegionBit(code) & q.region_bit) != 0) return true;
  return false;
}

std::string SectorsNl(const domain::Offer& o) {
  std::string s;
  for (const std::string& p : o.profiles) s += (s.empty() ? "" : ", ") + p;
  if (!s.empty()) return "zorgprofielen " + s;
  for (domain::Sector sec : o.sectors) s += (s.empty() ? "" : ", ") + std::string(ToString(sec));
  return "sector " + (s.empty() ? std::string("(geen)") : s);
}

std::string WaitNl(int weeks) {
  return weeks == 0 ? std::string("geen wachttijd")
                    : "ongeveer " + CountNl(weeks, "week", "weken") + " wachten";
}

PartExplanation ExplainPart(const Query& q, uint32_t o, const RadPoint& living) {
  const MatchIndex& ix = *q.index;
  const domain::Offer& offer = ix.offer(o);
  const domain::Client& c = *q.client;
  PartExplanation p;
  p.offer_id = offer.id, p.offer_name = offer.name, p.kind = offer.kind;
  p.provider_id = offer.provider_id, p.provider_name = ix.provider(o).name;
  p.location_name = ix.location(o).name, p.municipality_code = ix.location(o).municipality_code;
  p.profile_accepted = (ix.accept_mask(o) & q.accept_bit) != 0;
  if (!p.profile_accepted) {
    const std::string prof = c.profile.empty() ? "" : "zorgprofiel " + c.profile + ", ";
    p.profile_reason = "Dit aanbod is er voor " + SectorsNl(offer) + "; " + prof + "sector " +
                       std::string(ToString(c.sector)) + " hoort daar niet bij";
  }
  p.contracting = ContractingOf(q, ix.region_mask(o), ix.forms(o));
  p.pgb_needed = p.contracting == Contracting::kPgbNeeded;
  const uint8_t pgb = FormBit(domain::DeliveryForm::kPgb);
  for (domain::DeliveryForm f : offer.delivery_forms) {
    const bool is_pgb = f == domain::DeliveryForm::kPgb;
    if ((is_pgb && q.pgb_allowed) || (!is_pgb && p.contracting == Contracting::kInKind &&
                                      (FormBit(f) & ~pgb & q.accepted_forms)))
      p.possible_forms.push_back(f);
  }
  // Housing: the client's care office follows the new address (index.h, region_mask).
  const bool home = offer.kind == OfferKind::kWonen;
  switch (p.contracting) {
    case Contracting::kInKind:
      p.contracting_reason =
          home && !ClientRegionContracts(q, offer)
              ? "Het zorgkantoor van de regio waar dit huis staat heeft een contract. Gaat u "
                "hier wonen, dan wordt dat uw zorgkantoor: zorg in natura kan"
              : "Uw zorgkantoor heeft een contract: zorg in natura kan";
      break;
    case Contracting::kPgbNeeded:
      p.contracting_reason =
          home ? (ix.contracted_where_it_stands(o)
                      ? "Alleen met een pgb in de vorm die u wilt"
                      : "Geen contract met het zorgkantoor van de regio waar dit huis staat: "
                        "alleen met een pgb")
          : (ix.region_mask(o) & q.region_bit) == 0
              ? "Geen contract met uw zorgkantoor: alleen met een pgb"
              : "Alleen met een pgb in de vorm die u wilt";
      break;
    case Contracting::kNotReachable:
      p.contracting_reason =
          !q.pgb_allowed && (ix.forms(o) & pgb)
              ? "Geen contract met uw zorgkantoor, en uw zorgprofiel geeft geen pgb"
              : "Geen contract met uw zorgkantoor en geen pgb mogelijk: niet bereikbaar";
      break;
  }
  // An offer for another profile is not simply "in kind": say what is the matter first.
  if (!p.profile_accepted) {
    p.contracting_reason = "Past niet bij uw indicatie: vraag het zorgkantoor of het toch kan";
    p.possible_forms.clear();
  }
  p.wait_weeks = ix.wait_weeks(o), p.free_places = offer.free_places, p.quality = offer.quality;
  if (const domain::QualityNote* ranked = domain::RankedReviews(offer.quality))
    p.ranked_quality = static_cast<int>(ranked - offer.quality.data());
  p.temporary = offer.temporary;
  p.last_updated = offer.last_updated();
  p.maybe_outdated = ix.maybe_outdated(o);
  if (!IsLiving(offer.kind)) p.travel_km = DistanceKm(living, ix.position(o));
  if (offer.kind == OfferKind::kWonen) p.home_km = DistanceKm(q.home, ix.position(o));
  if (offer.kind == OfferKind::kZorgThuis && offer.service_radius_km > 0) {
    p.service_radius_km = offer.service_radius_km;
    p.within_service_area = DistanceKm(q.home, ix.position(o)) <= offer.service_radius_km;
  }
  return p;
}

}  // namespace

std::string CountNl(int64_t n, const char* one, const char* many) {
  return domain::CountNl(n, one, many);
}

std::string HeadlineNl(const Query& q, const Assessment& a) {
  const domain::Client& c = *q.client;
  std::string s;
  if (a.apart)
    s = "Past niet bij uw indicatie (" +
        (c.profile.empty() ? "sector " + std::string(ToString(c.sector))
                           : "zorgprofiel " + domain::ProfileInWords(q.index->ref(), c.profile)) +
        ")";
  else if (a.unmet == 0 && a.unknown == 0)
    s = "Voldoet aan alle moet-wensen en behoeften";
  else if (a.unmet == 0)
    s = "Van " + CountNl(a.unknown, "moet-wens of behoefte", "moet-wensen of behoeften") +
        " is niet bekend of het kan";
  else
    s = "Mist " + CountNl(a.unmet, "moet-wens of behoefte", "moet-wensen of behoeften") +
        (a.unknown > 0 ? "; van " + std::to_string(a.unknown) + " niet bekend" : "");
  if (a.pgb_only) s += "; alleen met een pgb";
  if (a.far) s += "; ver weg";
  return s;
}

std::string StatusNl(WishStatus s) {
  switch (s) {
    case WishStatus::kMet: return "voldaan";
    case WishStatus::kPartly: return "deels";
    case WishStatus::kUnknown: return "niet bekend";
    case WishStatus::kNotMet: return "niet voldaan";
  }
  return "?";
}

Explanation Explain(const Query& q, const std::vector<uint32_t>& offers, const Assessment& a) {
  const MatchIndex& ix = *q.index;
  const domain::Client& c = *q.client;
  const auto& features = ix.ref().features();
  Explanation e;
  const bool at_offer = !offers.empty() && ix.kind(offers[0]) == OfferKind::kWonen;
  const RadPoint living = at_offer ? ix.position(offers[0]) : q.home;
  for (uint32_t o : offers) e.parts.push_back(ExplainPart(q, o, living));
  e.headline = HeadlineNl(q, a);
  if (offers.size() == 1 && ix.offer(offers[0]).temporary) e.headline = "Tijdelijk: " + e.headline;

  uint8_t kinds = 0;
  for (uint32_t o : offers) kinds |= KindBit(ix.kind(o));
  // A wish or need that belongs to none of these kinds of care is not judged here.
  const std::string not_here =
      offers.size() == 1
          ? "Hoort niet bij " + LowerFirst(LabelNl(ix.kind(offers[0]))) + ": hier niet beoordeeld"
          : std::string("Hoort bij geen van deze soorten zorg: hier niet beoordeeld");
  int met = 0, linked = 0;
  std::vector<std::string> missing_musts, unknown_musts;
  // q.wishes holds the linked wishes in the client's order, so one cursor walks both lists
  // (a search per wish made this quadratic in the number of wishes).
  auto next_linked = q.wishes.begin();
  for (size_t i = 0; i < c.wishes.size(); ++i) {
    const domain::Wish& w = c.wishes[i];
    WishExplanation we;
    we.wish = static_cast<uint32_t>(i), we.feature_id = w.feature_id, we.importance = w.importance;
    auto qw =
        next_linked != q.wishes.end() && next_linked->wish == i ? next_linked++ : q.wishes.end();
    if (qw == q.wishes.end()) {
      we.label = w.text;
      std::string like;
      for (uint32_t f : ix.suggester().Suggest(w.text)) {
        we.suggested_features.push_back(features[f].id);
        like += (like.empty() ? "" : ", ") + features[f].label_nl;
      }
      we.reason =
          like.empty()
              ? "Niet beoordeeld: in eigen woorden, past bij geen kenmerk uit de lijst. Vraag "
                "de aanbieder hier zelf naar"
              : "Niet beoordeeld: in eigen woorden. Lijkt op: " + like +
                    ". Kies samen met de cliënt of dat klopt; dan telt het mee";
      e.wishes.push_back(std::move(we));
      continue;
    }
    const domain::Feature& f = features[qw->feature];
    we.label = f.label_nl;
    if (!(qw->kinds & kinds)) {
      we.applies = false;
      we.reason = not_here;
      e.wishes.push_back(std::move(we));
      continue;
    }
    WishStatus best = WishStatus::kNotMet;
    float value = kAbsent;
    for (uint32_t o : offers) {
      if (!(qw->kinds & KindBit(ix.kind(o)))) continue;
      const float v = ix.values(o)[qw->feature];
      const WishStatus st = qw->Status(v);
      if (we.met_by.empty() || st > best || (st == best && v > value))
        best = st, value = v, we.met_by = ix.offer(o).id;
    }
    we.status = best;
    const std::string by =
        offers.size() > 1 && best != WishStatus::kNotMet ? ix.offer(ix.Find(we.met_by)).name : "";
    we.reason = WishReason(f, w, best, value, by);
    ++linked;
    if (best == WishStatus::kMet) ++met;
    if (qw->must && best == WishStatus::kUnknown) unknown_musts.push_back(f.label_nl);
    if (qw->must && best < WishStatus::kUnknown) missing_musts.push_back(f.label_nl);
    e.wishes.push_back(std::move(we));
  }
  for (const QueryNeed& qn : q.needs) {
    NeedExplanation ne;
    ne.need = qn.need, ne.feature_id = features[qn.feature].id,
    ne.label = features[qn.feature].label_nl;
    if (!(qn.kinds & kinds)) {
      ne.applies = false;
      ne.reason = not_here;
      e.needs.push_back(std::move(ne));
      continue;
    }
    // As the ranking judges it (score.h): the best status over the parts of its kinds.
    WishStatus st = WishStatus::kNotMet;
    for (uint32_t o : offers)
      if (qn.kinds & KindBit(ix.kind(o))) st = std::max(st, qn.Status(ix.values(o)[qn.feature]));
    ne.met = st == WishStatus::kMet;
    ne.status = st;
    ne.reason = ne.met ? "Aanwezig"
                : st == WishStatus::kUnknown
                    ? "Niet bekend — vraag het de aanbieder; dit is nodig volgens de indicatie"
                    : "Ontbreekt: dit is nodig volgens de indicatie";
    if (!ne.met) (st == WishStatus::kUnknown ? unknown_musts : missing_musts).push_back(ne.label);
    e.needs.push_back(std::move(ne));
  }
  // The places that matter move only with a home: beside care at home or a day activity the
  // distance from the client's own home is the same for every option and says nothing of it.
  for (const QueryPlace& qp : at_offer ? q.places : std::span<const QueryPlace>{}) {
    const domain::Place& pl = c.places[qp.place];
    PlaceExplanation pe;
    pe.place = qp.place, pe.label = pl.label.empty() ? std::string(LabelNl(pl.kind)) : pl.label;
    pe.kind = pl.kind, pe.max_km = qp.max_km;
    pe.distance_km = DistanceKm(living, qp.position);
    pe.within = pe.distance_km <= qp.max_km;
    // A place that must be near counts as an unmet must in the ranking (housing only: it
    // moves the client); say so here too.
    if (!pe.within && qp.must && at_offer)
      missing_musts.push_back("dichtbij " + pe.label + " (binnen " +
                              std::to_string(static_cast<int>(qp.max_km)) + " km)");
    e.places.push_back(std::move(pe));
  }

  // The summary, most important first.
  for (const PartExplanation& p : e.parts) {
    const std::string who = offers.size() > 1 ? p.offer_name + ": " : "";
    // A bridging offer is not a failed permanent one: say what it is first.
    if (p.temporary)
      e.summary.push_back(who +
                          "tijdelijk aanbod, om een periode te overbruggen (bijvoorbeeld een "
                          "trainingshuis of logeren terwijl u wacht): geen vaste plek.");
    if (!p.profile_accepted) e.summary.push_back(who + p.profile_reason + ".");
    if (p.contracting != Contracting::kInKind)
      e.summary.push_back(who + p.contracting_reason + ".");
    if (!p.within_service_area) e.summary.push_back(who + "u woont buiten het werkgebied.");
    if (p.maybe_outdated)
      e.summary.push_back(who +
                          "mogelijk verouderd: de aanbieder heeft vrije plaatsen en wachttijd "
                          "(of de rest) lang niet bijgewerkt. Vraag na of het nog klopt.");
  }
  if (!missing_musts.empty()) {
    std::string s = "Ontbreekt, terwijl het moet: ";
    for (size_t i = 0; i < missing_musts.size(); ++i) s += (i ? ", " : "") + missing_musts[i];
    e.summary.push_back(s + ".");
  }
  if (!unknown_musts.empty()) {
    std::string s = "Niet bekend, terwijl het moet (vraag het de aanbieder): ";
    for (size_t i = 0; i < unknown_musts.size(); ++i) s += (i ? ", " : "") + unknown_musts[i];
    e.summary.push_back(s + ".");
  }
  // Every wish counts in "X van Y": one in the client's own words is "niet beoordeeld".
  const int free = static_cast<int>(q.free_text_wishes.size()), all = linked + free;
  if (free > 0 && free == all) {
    e.summary.push_back(all == 1 ? "De wens in eigen woorden is niet beoordeeld."
                                 : "De " + std::to_string(all) +
                                       " wensen in eigen woorden zijn niet beoordeeld.");
  } else if (all > 0) {
    std::string s = all == 1 ? (met == 1 ? "Voldoet aan de wens" : "Voldoet niet aan de wens")
                             : "Voldoet aan " + std::to_string(met) + " van de " +
                                   CountNl(all, "wens", "wensen");
    if (free > 0) s += " (" + std::to_string(free) + " in eigen woorden: niet beoordeeld)";
    e.summary.push_back(s + ".");
  }
  // How far a home is from the current one, and whether that is beyond the reach; day
  // activities or respite beyond their limit below.
  if (!e.parts.empty() && e.parts[0].home_km) {
    const std::string km = Num(std::round(*e.parts[0].home_km * 10) / 10) + " km";
    e.summary.push_back(a.far ? "Ver van uw huis: " + km + ", verder dan " + Num(q.home_reach_km) +
                                    " km."
                              : km + " van uw huis.");
  }
  for (const PartExplanation& p : e.parts)
    if (p.travel_km && a.far && p.kind != OfferKind::kWonen) {
      const Weights& wt = ix.weights();
      const double limit = p.kind == OfferKind::kDagbesteding ? wt.travel_dagbesteding_limit_km
                                                              : wt.travel_logeren_limit_km;
      if (*p.travel_km > limit)
        e.summary.push_back((offers.size() > 1 ? p.offer_name + ": r" : std::string("R")) +
                            "eisafstand " + Num(std::round(*p.travel_km * 10) / 10) +
                            " km, verder dan " + Num(limit) + " km.");
    }
  for (const PlaceExplanation& pe : e.places)
    e.summary.push_back(pe.label + ": " + Num(std::round(pe.distance_km * 10) / 10) + " km" +
                        (pe.within ? "" : " (verder dan de gewenste " + Num(pe.max_km) + " km)") +
                        ".");
  for (const PartExplanation& p : e.parts) {
    const std::string who = offers.size() > 1 ? p.offer_name + ": " : "";
    e.summary.push_back(who + WaitNl(p.wait_weeks) + ".");
  }
  // Quality only with its source and date, never as a bare number.
  for (const PartExplanation& p : e.parts) {
    const std::string who = offers.size() > 1 ? p.offer_name + ": k" : "K";
    for (const domain::QualityNote& n : p.quality)
      e.summary.push_back(who + "waliteit: " + domain::QualityNl(n) + ".");
  }
  return e;
}

}  // namespace passend::match
