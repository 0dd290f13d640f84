#include "generate/client_generator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "generate/client_parts.h"
#include "generate/ids.h"

namespace passend::generate {
namespace {

using domain::DeliveryForm;
using domain::OfferKind;
using domain::Sector;

struct ProfileShare {
  const char* code;
  double weight;
};

// Profile mix per sector. VV: 6VV/7VV/8VV in the 2024 national ratio (47,900 / 16,105 /
// 3,150); 5VV the largest (psychogeriatric indications outnumber somatic ones 98,805 to
// 58,305 in 2019). Other sectors: invented, following the profile definitions.
std::vector<ProfileShare> ProfileMix(Sector s) {
  switch (s) {
    case Sector::kVV:
      return {{"4VV", 7}, {"5VV", 49.5}, {"6VV", 30}, {"7VV", 10}, {"8VV", 2}, {"9bVV", 1.5}};
    case Sector::kVG:
      return {{"3VG", 15}, {"4VG", 22}, {"5VG", 18}, {"6VG", 25}, {"7VG", 8}, {"8VG", 12}};
    case Sector::kLVG:
      return {{"1LVG", 15}, {"2LVG", 30}, {"3LVG", 25}, {"4LVG", 18}, {"5LVG", 7}, {"1SGLVG", 5}};
    case Sector::kLG: return {{"2LG", 10}, {"4LG", 25}, {"5LG", 25}, {"6LG", 25}, {"7LG", 15}};
    case Sector::kZGaud: return {{"2ZGaud", 40}, {"3ZGaud", 30}, {"4ZGaud", 30}};
    case Sector::kZGvis: return {{"2ZGvis", 25}, {"3ZGvis", 30}, {"4ZGvis", 30}, {"5ZGvis", 15}};
    case Sector::kGgzB:
      return {{"3bGGZ", 35}, {"4bGGZ", 20}, {"5bGGZ", 30}, {"6bGGZ", 10}, {"7bGGZ", 5}};
    case Sector::kGgzW:
      return {{"GGZWonen1", 35},
              {"GGZWonen2", 25},
              {"GGZWonen3", 30},
              {"GGZWonen4", 7},
              {"GGZWonen5", 3}};
  }
  return {};
}

// Age by sector: VV around 84 (most people in nursing homes are over 80: 130,650 of
// 307,105 with stay in 2019); LVG profiles are for 18-23; VG and LG include children.
int DrawAge(Rng& rng, Sector s, const std::string& profile) {
  auto clamp = [](double v, int lo, int hi) {
    return std::clamp(static_cast<int>(std::lround(v)), lo, hi);
  };
  switch (s) {
    case Sector::kVV:
      if (profile == "5VV" && rng.Bernoulli(0.03)) return rng.UniformInt(55, 65);
      return clamp(rng.Normal(profile == "9bVV" ? 77 : 84, 7), 66, 103);
    case Sector::kLVG: return rng.UniformInt(18, 23);
    case Sector::kVG:
      if (rng.Bernoulli(0.07)) return rng.UniformInt(4, 17);
      return clamp(18 + std::abs(rng.Normal(0, 25)), 18, 88);
    case Sector::kLG:
      if (rng.Bernoulli(0.05)) return rng.UniformInt(4, 17);
      return clamp(rng.Normal(52, 16), 18, 92);
    case Sector::kZGaud:
    case Sector::kZGvis: return clamp(rng.Normal(55, 18), 18, 95);
    case Sector::kGgzB:
    case Sector::kGgzW: return clamp(rng.Normal(50, 13), 20, 88);
  }
  return 50;
}

// Preferred delivery form, first choice. Shaped on care in kind in 2019 (verblijf 205,270;
// VPT 13,215; MPT 41,380; pgb 45,200) per sector; docs/generator.md compares.
std::vector<double> FormWeights(Sector s) {  // verblijf, vpt, mpt, pgb
  switch (s) {
    case Sector::kVV: return {0.70, 0.07, 0.14, 0.09};
    case Sector::kVG: return {0.60, 0.03, 0.10, 0.27};
    case Sector::kLVG: return {0.95, 0, 0.05, 0};
    case Sector::kLG: return {0.45, 0.08, 0.22, 0.25};
    case Sector::kZGaud:
    case Sector::kZGvis: return {0.50, 0.02, 0.28, 0.20};
    case Sector::kGgzB: return {1, 0, 0, 0};
    case Sector::kGgzW: return {0.62, 0, 0.18, 0.20};
  }
  return {1, 0, 0, 0};
}

void AddKind(std::vector<OfferKind>& v, OfferKind k) {
  if (std::find(v.begin(), v.end(), k) == v.end()) v.push_back(k);
}

std::vector<OfferKind> DrawSeeking(Rng& rng, Sector s, DeliveryForm first, int age) {
  std::vector<OfferKind> v;
  const bool ghz = s == Sector::kVG || s == Sector::kLG || s == Sector::kLVG;
  switch (first) {
    case DeliveryForm::kVerblijf:
      v.push_back(OfferKind::kWonen);
      // A client may live with one provider and go to day activities at another.
      if (rng.Bernoulli(ghz ? 0.35 : 0.12)) AddKind(v, OfferKind::kDagbesteding);
      if (rng.Bernoulli(0.05)) AddKind(v, OfferKind::kLogeren);  // while waiting at home
      break;
    case DeliveryForm::kVpt:
    case DeliveryForm::kMpt:
      v.push_back(OfferKind::kZorgThuis);
      if (rng.Bernoulli(0.45)) AddKind(v, OfferKind::kDagbesteding);
      if (rng.Bernoulli(ghz && age < 30 ? 0.45 : 0.25)) AddKind(v, OfferKind::kLogeren);
      break;
    case DeliveryForm::kPgb:
      // With a pgb: a small-scale house (often parents' initiatives) or care at home.
      v.push_back(rng.Bernoulli(0.5) ? OfferKind::kWonen : OfferKind::kZorgThuis);
      if (rng.Bernoulli(0.4)) AddKind(v, OfferKind::kDagbesteding);
      if (rng.Bernoulli(ghz ? 0.4 : 0.2)) AddKind(v, OfferKind::kLogeren);
      break;
  }
  return v;
}

std::optional<domain::Representative> DrawRepresentative(Rng& rng, Sector s, int age,
                                                         const std::string& surname,
                                                         const Person& p) {
  using Rel = std::pair<const char*, double>;
  std::vector<Rel> rel;
  double share = 0;
  if (age < 18) {
    share = 1, rel = {{"ouder", 1}};
  } else if (s == Sector::kVV) {
    share = 0.7,
    rel = {{"dochter", 0.38}, {"zoon", 0.3}, {"partner", 0.2}, {"mentor", 0.07}, {"curator", 0.05}};
  } else if (s == Sector::kVG) {
    share = 0.85,
    rel = {{"ouder", 0.6}, {"mentor", 0.2}, {"curator", 0.08}, {"broer", 0.06}, {"zus", 0.06}};
  } else if (s == Sector::kLVG) {
    share = 0.5, rel = {{"ouder", 0.5}, {"mentor", 0.35}, {"curator", 0.15}};
  } else if (s == Sector::kGgzB || s == Sector::kGgzW) {
    share = 0.45, rel = {{"mentor", 0.45}, {"curator", 0.35}, {"broer", 0.1}, {"zus", 0.1}};
  } else {
    share = 0.3, rel = {{"partner", 0.5}, {"ouder", 0.3}, {"mentor", 0.2}};
  }
  if (!rng.Bernoulli(share)) return std::nullopt;
  std::vector<double> w;
  for (const Rel& r : rel) w.push_back(r.second);
  const std::string relation = rel[rng.Weighted(w)].first;
  const int born = kReferenceYear - age;
  bool female = rng.Bernoulli(0.5);
  int rep_born = born;
  bool family = true;
  if (relation == "dochter" || relation == "zus") female = true;
  if (relation == "zoon" || relation == "broer") female = false;
  if (relation == "dochter" || relation == "zoon") rep_born = born + 28;
  if (relation == "ouder") rep_born = born - 30;
  if (relation == "partner") female = !p.female;
  if (relation == "mentor" || relation == "curator") family = false, rep_born = 1965;
  const Background bg = family ? p.background : Background::kDutch;
  std::string name = FirstName(rng, female, rep_born, bg) + " ";
  // Family members mostly share the surname; a daughter sometimes has her own.
  name += family && !(relation == "dochter" && rng.Bernoulli(0.4)) ? surname : Surname(rng, bg);
  return domain::Representative{name, relation};
}

// Where the client stands (monitorlangdurigezorg.nl, 2023 Q3; wlz_figures.md). Of people
// with an indication, those waiting: VV 21,209 of 191,303 (11.1%), disability care 1,808 of
// 144,045 (1.3%), mental health 662 of ~32,955 (2.0%); of those waiting, urgent or active
// placement VV 19.2%, disability 28.4%, mental health 29.0%, the rest waiting for a
// preference. The split of urgent against active is not published: 1 to 3 (invented).
// Waiting as a precaution is counted apart: 10,820 of the nursing-home waiting list (ActiZ,
// October 2023), 5.7% of VV indications; not published for other sectors (none drawn).
// Everyone else with an indication is in care. Without an indication one orients.
domain::CareStatus DrawCareStatus(Rng& rng, Sector s, domain::IndicationStatus indication) {
  using CS = domain::CareStatus;
  if (indication != domain::IndicationStatus::kGranted) return CS::kOrienting;
  const bool vv = s == Sector::kVV;
  const bool ggz = s == Sector::kGgzB || s == Sector::kGgzW;
  const double waiting = vv ? 0.111 : (ggz ? 0.020 : 0.0126);
  const double placement = vv ? 0.192 : (ggz ? 0.290 : 0.284);
  const double precaution = vv ? 0.057 : 0;
  const double u = rng.Uniform();
  if (u < waiting * placement * 0.25) return CS::kUrgent;
  if (u < waiting * placement) return CS::kActive;
  if (u < waiting) return CS::kPreference;
  if (u < waiting + precaution) return CS::kPrecaution;
  return CS::kInCare;
}

// The kind of offer a client in care receives, by the first preferred delivery form.
std::optional<OfferKind> CareKind(const domain::Client& c) {
  if (c.preferred_forms.empty()) return std::nullopt;
  switch (c.preferred_forms.front()) {
    case DeliveryForm::kVerblijf: return OfferKind::kWonen;
    case DeliveryForm::kVpt:
    case DeliveryForm::kMpt: return OfferKind::kZorgThuis;
    case DeliveryForm::kPgb: return std::nullopt;  // a team of trusted people, often
  }
  return std::nullopt;
}

bool Accepts(const domain::Offer& o, const domain::Client& c) {
  if (std::find(o.sectors.begin(), o.sectors.end(), c.sector) == o.sectors.end()) return false;
  return o.profiles.empty() ||
         std::find(o.profiles.begin(), o.profiles.end(), c.profile) != o.profiles.end();
}

// Gives each client in care the provider of an offer of the kind they receive in their
// care-office region, with a place left (capacity less free places, the occupied places);
// a VV client waiting gets bridging care at home from a provider in the region (94% of
// those waiting for a nursing home get it, ActiZ). Clients are taken in generation order
// with their own stream, so the result is deterministic.
void AssignCareProviders(const RegionPlan& plan, const domain::ReferenceData& ref,
                         domain::Dataset& d) {
  std::map<std::string, std::string> region_of_location;
  for (const domain::Location& l : d.locations)
    region_of_location[l.id] = ref.FindMunicipality(l.municipality_code)->zorgkantoor_code;
  // (region, kind) -> offers; occupied places left per offer.
  std::map<std::pair<std::string, OfferKind>, std::vector<size_t>> by_region_kind;
  std::vector<int> left(d.offers.size());
  for (size_t i = 0; i < d.offers.size(); ++i) {
    const domain::Offer& o = d.offers[i];
    by_region_kind[{region_of_location[o.location_id], o.kind}].push_back(i);
    left[i] = o.capacity - o.free_places;
  }
  for (size_t ci = 0; ci < d.clients.size(); ++ci) {
    domain::Client& c = d.clients[ci];
    const bool in_care = c.care_status == domain::CareStatus::kInCare;
    const bool bridging = c.sector == Sector::kVV && domain::IsSearching(c.care_status) &&
                          c.care_status != domain::CareStatus::kOrienting;
    if (!in_care && !bridging) continue;
    Rng rng = Rng::For(plan.seed, "client-care", ci);
    if (bridging && !rng.Bernoulli(0.94)) continue;
    const std::optional<OfferKind> kind = bridging ? OfferKind::kZorgThuis : CareKind(c);
    if (!kind) continue;
    const std::string& region = ref.FindMunicipality(c.municipality_code)->zorgkantoor_code;
    auto it = by_region_kind.find({region, *kind});
    if (it == by_region_kind.end()) continue;
    const std::vector<size_t>& offers = it->second;
    // The first offer that fits, scanning from a random start: cheap and spread out.
    const size_t n = offers.size();
    const size_t start = static_cast<size_t>(rng.UniformInt(0, static_cast<int>(n) - 1));
    for (size_t k = 0; k < n; ++k) {
      const size_t oi = offers[(start + k) % n];
      const domain::Offer& o = d.offers[oi];
      if (!Accepts(o, c) || (!bridging && left[oi] <= 0)) continue;
      if (!bridging) --left[oi];
      c.care_provider_id = o.provider_id;
      break;
    }
  }
}

}  // namespace

bool Seeks(const domain::Client& c, OfferKind kind) {
  return std::find(c.seeking.begin(), c.seeking.end(), kind) != c.seeking.end();
}

void GenerateClients(const RegionPlan& plan, const domain::ReferenceData& ref,
                     const ProgressFn& progress, domain::Dataset& out) {
  std::vector<double> sector_w;
  for (const SectorShare& s : plan.sectors) sector_w.push_back(s.weight);
  const WeightedTable sectors(sector_w);
  std::vector<std::vector<ProfileShare>> mixes;
  std::vector<WeightedTable> mix_tables;
  for (const SectorShare& s : plan.sectors) {
    mixes.push_back(ProfileMix(s.sector));
    std::vector<double> w;
    for (const ProfileShare& ps : mixes.back()) w.push_back(ps.weight);
    mix_tables.emplace_back(w);
  }
  out.clients.reserve(out.clients.size() + static_cast<size_t>(plan.clients));
  for (int i = 0; i < plan.clients; ++i) {
    Rng rng = Rng::For(plan.seed, "client", static_cast<uint64_t>(i));
    domain::Client c;
    c.id = MakeId("cli", plan.seed, static_cast<uint64_t>(i));
    const size_t si = sectors.Draw(rng);
    c.sector = plan.sectors[si].sector;
    const domain::Municipality& m = DrawHome(rng, plan, c.sector);
    c.municipality_code = m.code;
    c.home = HomeIn(rng, m);
    const std::string expected = mixes[si][mix_tables[si].Draw(rng)].code;
    const domain::CareProfile* profile = ref.FindProfile(expected);

    Person p;
    p.context = ContextOf(m);
    p.age = DrawAge(rng, c.sector, expected);
    c.birth_year = kReferenceYear - p.age;
    // Women live longer: about two in three in elderly care; fewer elsewhere.
    p.female = rng.Bernoulli(c.sector == Sector::kVV ? 0.66 : 0.45);
    p.background = DrawBackground(rng, p.context, c.birth_year);
    const std::string surname = Surname(rng, p.background);
    c.name = FirstName(rng, p.female, c.birth_year, p.background) + " " + surname;

    // Nearly everyone known here has an indication (358,490 people in 2022); a few are
    // orienting before or during the request, or were refused.
    const double u = rng.Uniform();
    c.indication = u < 0.945   ? domain::IndicationStatus::kGranted
                   : u < 0.975 ? domain::IndicationStatus::kRequested
                   : u < 0.995 ? domain::IndicationStatus::kNone
                               : domain::IndicationStatus::kRefused;
    if (profile != nullptr && c.indication != domain::IndicationStatus::kRefused)
      c.profile = profile->code;
    if (c.profile.empty() && c.indication == domain::IndicationStatus::kGranted)
      c.indication = domain::IndicationStatus::kNone;  // a reference without the profile

    std::vector<double> fw = FormWeights(c.sector);
    const bool pgb_ok = profile == nullptr || profile->pgb_possible;
    if (!pgb_ok) fw[3] = 0;
    const DeliveryForm first = domain::kAllDeliveryForms[rng.Weighted(fw)];
    c.preferred_forms = {first};
    // MPT combined with a pgb (e.g. a trusted carer for part of the care).
    if (first == DeliveryForm::kMpt && pgb_ok && rng.Bernoulli(0.15))
      c.preferred_forms.push_back(DeliveryForm::kPgb);
    c.seeking = DrawSeeking(rng, c.sector, first, p.age);
    c.care_status = DrawCareStatus(rng, c.sector, c.indication);
    c.representative = DrawRepresentative(rng, c.sector, p.age, surname, p);
    c.needs = DrawNeeds(rng, c, p);
    c.wishes = DrawWishes(rng, c, p, ref);
    c.places = DrawPlaces(rng, c, p);
    out.clients.push_back(std::move(c));
    if (progress && (i % 8192 == 0 || i + 1 == plan.clients))
      progress("cliënten", i + 1, plan.clients);
  }
  AssignCareProviders(plan, ref, out);
}

}  // namespace passend::generate
