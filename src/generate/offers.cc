// Offers at the locations: a template per offer (by the provider's sector and the kind
// mix of that sector), then features, delivery forms, size, waiting list and contract.
#include <algorithm>
#include <cmath>

#include "generate/catalog_generator.h"
#include "generate/feature_rules.h"
#include "generate/ids.h"
#include "generate/offer_templates.h"

namespace passend::generate {
namespace {

using domain::DeliveryForm;
using domain::OfferKind;
using domain::Sector;

// Kind mix per sector (wonen, dagbesteding, logeren, zorg thuis), see docs/generator.md.
std::vector<double> KindWeights(Sector s) {
  switch (s) {
    case Sector::kVV: return {0.36, 0.22, 0.07, 0.35};
    case Sector::kVG: return {0.45, 0.33, 0.07, 0.15};
    case Sector::kLVG: return {0.75, 0.25, 0, 0};
    case Sector::kLG: return {0.40, 0.25, 0.05, 0.30};
    case Sector::kZGaud:
    case Sector::kZGvis: return {0.40, 0.30, 0, 0.30};
    case Sector::kGgzB: return {0.80, 0.20, 0, 0};
    case Sector::kGgzW: return {0.50, 0.25, 0, 0.25};
  }
  return {1, 0, 0, 0};
}

bool Serves(const OfferTemplate& t, Sector s) {
  return std::find(t.sectors.begin(), t.sectors.end(), s) != t.sectors.end();
}

bool TemplateAllowsPgb(const OfferTemplate& t, const domain::ReferenceData& ref) {
  if (t.profiles.empty()) {
    for (Sector s : t.sectors)
      if (SectorAllowsPgb(ref, s)) return true;
    return false;
  }
  for (std::string_view code : t.profiles) {
    const domain::CareProfile* p = ref.FindProfile(std::string(code));
    if (p != nullptr && p->pgb_possible) return true;
  }
  return false;
}

// `taken`: templates already run at this location; a location does not run the same form
// of care twice under the same name.
const OfferTemplate& ChooseTemplate(Rng& rng, const ProviderProfile& pp,
                                    const domain::ReferenceData& ref,
                                    const std::vector<const OfferTemplate*>& taken) {
  const std::vector<OfferTemplate>& all = OfferTemplates();
  const Sector sector =
      pp.sectors.size() > 1 && rng.Bernoulli(0.25) ? pp.sectors[1] : pp.sectors[0];
  std::vector<double> kind_w = KindWeights(sector);
  std::vector<double> w(all.size(), 0);
  // Draw a kind; if the sector has no template of that kind, fall back to any kind.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const OfferKind kind = domain::kAllOfferKinds[rng.Weighted(kind_w)];
    double total = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      const OfferTemplate& t = all[i];
      w[i] = 0;
      if (!Serves(t, sector) || (attempt == 0 && t.kind != kind)) continue;
      if (pp.pgb_only && !TemplateAllowsPgb(t, ref)) continue;
      // A full package at home (VPT) is care in kind: not for a provider without contract.
      if (pp.pgb_only && t.key.find("vpt") != std::string::npos) continue;
      if (std::find(taken.begin(), taken.end(), &t) != taken.end()) continue;
      // New initiatives are small-scale: they run mostly the "small" templates, and
      // established organisations rarely do.
      w[i] = t.weight * (t.small == pp.small ? 1.0 : (pp.small ? 0.25 : 0.4));
      total += w[i];
    }
    if (total > 0) return all[rng.Weighted(w)];
  }
  // Every template of the sector already runs here (a large site): take one again.
  return taken.empty()
             ? all.front()
             : *taken[static_cast<size_t>(rng.UniformInt(0, static_cast<int>(taken.size()) - 1))];
}

// Culture-bound features follow where the location is: Catholic identity and dialect in
// Limburg, Islamic identity and Turkish/Arabic in big cities. All rare on purpose.
std::vector<FeatureChance> ContextFeatures(PlaceContext c) {
  const bool south = c.limburg || c.brabant;
  return {
      {"katholieke_identiteit", c.limburg ? 0.18 : (c.brabant ? 0.12 : 0.04)},
      {"protestantse_identiteit",
       south ? 0.01 : (c.protestant_north ? 0.12 : (c.bible_belt ? 0.1 : 0.06))},
      {"reformatorische_identiteit", c.bible_belt ? 0.08 : 0.003},
      {"islamitische_identiteit", c.big_city ? 0.03 : 0.005},
      {"hindoeistische_identiteit", c.big_city ? 0.01 : 0.001},
      {"boeddhistische_identiteit", 0.003},
      {"turks_sprekend", c.big_city ? 0.04 : 0.005},
      {"arabisch_sprekend", c.big_city ? 0.03 : 0.003},
      {"tamazight_sprekend", c.big_city ? 0.02 : 0.002},
      {"sranan_sprekend", c.big_city ? 0.02 : 0.002},
      {"sarnami_sprekend", c.big_city ? 0.015 : 0.001},
      {"papiaments_sprekend", c.big_city ? 0.01 : 0.001},
      {"chinees_sprekend", c.big_city ? 0.005 : 0.001},
      {"pools_sprekend", 0.01},
      {"moluks_maleis_sprekend", 0.003},
      {"limburgs_dialect", c.limburg ? 0.07 : 0.0},
      {"fries_sprekend", c.friesland ? 0.25 : 0.0},
      {"nedersaksisch_sprekend", c.low_saxon ? 0.12 : 0.0},
      {"brabants_dialect", c.brabant ? 0.1 : 0.0},
      {"zeeuws_dialect", c.zeeland ? 0.1 : 0.0},
      {"duits_sprekend", c.limburg ? 0.12 : 0.02},
      {"joodse_identiteit", c.big_city ? 0.01 : 0.001},
      {"humanistisch", 0.03},
  };
}

domain::FeatureValue* FindFeature(domain::Offer& o, std::string_view id) {
  for (domain::FeatureValue& fv : o.features)
    if (fv.feature_id == id) return &fv;
  return nullptr;
}

// Draws a feature with its chance. When a yes/no feature is not drawn, the provider says
// "no" explicitly with chance `stated_no` and otherwise leaves it unknown (not listed):
// most providers state what they offer, not all. A yes drawn later overrides a no.
void AddFeature(domain::Offer& o, const domain::ReferenceData& ref, const FeatureChance& fc,
                Rng& rng, double stated_no) {
  const bool yes = rng.Bernoulli(fc.p);
  domain::FeatureValue* existing = FindFeature(o, fc.id);
  if (existing != nullptr && existing->value >= 1) return;
  const domain::Feature* f = ref.FindFeature(fc.id);
  if (f == nullptr) return;  // a vocabulary without it: skip (tests pin the built-in one)
  if (!yes) {
    if (existing == nullptr && f->kind == domain::FeatureKind::kYesNo && stated_no > 0 &&
        rng.Bernoulli(stated_no))
      o.features.push_back({f->id, 0});
    return;
  }
  double value = 1;
  if (f->kind != domain::FeatureKind::kYesNo) value = rng.UniformInt(fc.lo, fc.hi);
  if (f->kind == domain::FeatureKind::kLevel)
    value = std::clamp(value, 1.0, static_cast<double>(std::max(1, f->level_max)));
  if (existing != nullptr) {
    existing->value = value;
  } else {
    o.features.push_back({f->id, value});
  }
}

void SetFeature(domain::Offer& o, const std::string& id, double value) {
  if (domain::FeatureValue* fv = FindFeature(o, id)) {
    fv->value = value;
  } else {
    o.features.push_back({id, value});
  }
}

bool Has(const domain::Offer& o, std::string_view id) {
  for (const domain::FeatureValue& fv : o.features)
    if (fv.feature_id == id) return fv.value >= 1;
  return false;
}

std::vector<DeliveryForm> FormsFor(const OfferTemplate& t, const domain::Offer& o,
                                   const ProviderProfile& pp, const domain::ReferenceData& ref,
                                   Rng& rng) {
  if (pp.pgb_only) return {DeliveryForm::kPgb};
  std::vector<DeliveryForm> f;
  double pgb_p = 0.5;
  switch (t.kind) {
    case OfferKind::kWonen:
      f = {DeliveryForm::kVerblijf};
      // Clustered flats can also be had as a full package at home.
      if ((Has(o, "geclusterd_wonen") || Has(o, "eigen_appartement")) && rng.Bernoulli(0.5))
        f.push_back(DeliveryForm::kVpt);
      pgb_p = t.small ? 0.8 : 0.3;
      break;
    case OfferKind::kDagbesteding:
      f = {DeliveryForm::kMpt};
      if (rng.Bernoulli(0.5)) f.push_back(DeliveryForm::kVerblijf);  // for residents too
      break;
    case OfferKind::kLogeren:
      f = {DeliveryForm::kMpt};  // logeeropvang is a module of the package at home
      if (rng.Bernoulli(0.3)) f.push_back(DeliveryForm::kVpt);
      break;
    case OfferKind::kZorgThuis:
      // An offer named after the full package at home has it.
      if (t.key.find("vpt") != std::string::npos || t.name.find("VPT") != std::string::npos ||
          t.name.find("Volledig pakket") != std::string::npos) {
        f = {DeliveryForm::kVpt};
        if (rng.Bernoulli(0.4)) f.push_back(DeliveryForm::kMpt);
      } else {
        f = {DeliveryForm::kMpt};
        if (rng.Bernoulli(0.15)) f.push_back(DeliveryForm::kVpt);
      }
      break;
  }
  if (TemplateAllowsPgb(t, ref) && rng.Bernoulli(pgb_p)) f.push_back(DeliveryForm::kPgb);
  std::sort(f.begin(), f.end());
  return f;
}

// Waiting list and free places. Pressure is people waiting per place; turnover (places
// coming free per place per year) turns people waiting into weeks. The weeks get their own
// spread (how fast places really come free varies), so waits are continuous rather than
// multiples of one place's turnover.
void FillAvailability(domain::Offer& o, const OfferTemplate& t, Rng& rng) {
  double pressure = t.wait_pressure * std::exp(rng.Normal(0, 0.5));
  if (o.kind == OfferKind::kWonen) {
    if (Has(o, "kleinschalig_wonen")) pressure *= 1.5;  // small-scale is in demand
    if (Has(o, "huisdier_toegestaan")) pressure *= 1.3;
  }
  const double cap = o.capacity;
  o.waiting_people = std::min(300, static_cast<int>(std::floor(cap * pressure + rng.Uniform())));
  if (o.waiting_people > 0) {
    const double free_per_week = std::max(cap * t.turnover / 52.0, 0.02);
    const double weeks = o.waiting_people / free_per_week * std::exp(rng.Normal(0, 0.45));
    o.waiting_weeks = std::clamp(static_cast<int>(std::lround(weeks)), 1, 260);
  }
  int free = 0;
  switch (o.kind) {
    case OfferKind::kZorgThuis:
      if (o.waiting_people == 0) free = static_cast<int>(cap * rng.Uniform(0, 0.25));
      break;
    case OfferKind::kDagbesteding:
      if (o.waiting_people == 0) free = static_cast<int>(cap * rng.Uniform(0, 0.2));
      break;
    case OfferKind::kWonen:
      // A place can be free while people wait for preference (another location).
      if (o.waiting_people == 0 ? rng.Bernoulli(0.6) : rng.Bernoulli(0.1))
        free = rng.UniformInt(1, std::max(1, o.capacity / 8));
      break;
    case OfferKind::kLogeren:
      if (o.waiting_people == 0 && rng.Bernoulli(0.5)) free = 1;
      break;
  }
  o.free_places = std::min(free, o.capacity);
}

double Round1(double v) { return std::round(v * 10) / 10; }

// Places per client in the public figures (docs/generator.md, "Capacity"): people in an
// institution in 2019 per person with an indication of the group; VPT and MPT per person in
// care. Groups without a public count (GGZ-W housing, day activities, respite) keep their
// templates' sizes.
enum class CapacityGroup { kVvHousing, kGhzHousing, kGgzbHousing, kHomeCare, kNone };

CapacityGroup GroupOf(const domain::Offer& o) {
  if (o.kind == OfferKind::kZorgThuis) return CapacityGroup::kHomeCare;
  if (o.kind != OfferKind::kWonen || o.sectors.empty()) return CapacityGroup::kNone;
  switch (o.sectors.front()) {
    case Sector::kVV: return CapacityGroup::kVvHousing;
    case Sector::kVG:
    case Sector::kLVG:
    case Sector::kLG:
    case Sector::kZGaud:
    case Sector::kZGvis: return CapacityGroup::kGhzHousing;
    case Sector::kGgzB: return CapacityGroup::kGgzbHousing;
    case Sector::kGgzW: return CapacityGroup::kNone;
  }
  return CapacityGroup::kNone;
}

// Scales the drawn capacities so that each group has the public places per client for the
// clients the plan will make (by its sector shares), at least one place per offer.
void ScaleCapacity(const RegionPlan& plan, const std::vector<const OfferTemplate*>& templates,
                   std::vector<domain::Offer>& offers) {
  (void)templates;
  double weight = 0;
  for (const SectorShare& s : plan.sectors) weight += s.weight;
  auto clients_of = [&](std::initializer_list<Sector> sectors) {
    double n = 0;
    for (const SectorShare& s : plan.sectors)
      if (std::find(sectors.begin(), sectors.end(), s.sector) != sectors.end()) n += s.weight;
    return plan.clients * n / weight;
  };
  const double target[] = {
      clients_of({Sector::kVV}) * 124985.0 / 191303.0,
      clients_of({Sector::kVG, Sector::kLVG, Sector::kLG, Sector::kZGaud, Sector::kZGvis}) *
          73830.0 / 144045.0,
      clients_of({Sector::kGgzB}) * 4510.0 / 5955.0,
      plan.clients * (13215.0 + 41380.0) / (205270.0 + 13215.0 + 41380.0 + 45200.0),
  };
  double drawn[4] = {0, 0, 0, 0};
  for (const domain::Offer& o : offers)
    if (GroupOf(o) != CapacityGroup::kNone) drawn[static_cast<int>(GroupOf(o))] += o.capacity;
  for (domain::Offer& o : offers) {
    const CapacityGroup g = GroupOf(o);
    if (g == CapacityGroup::kNone || drawn[static_cast<int>(g)] <= 0) continue;
    const double factor = target[static_cast<int>(g)] / drawn[static_cast<int>(g)];
    o.capacity = std::max(1, static_cast<int>(std::lround(o.capacity * factor)));
  }
}

}  // namespace

void GenerateOffers(const RegionPlan& plan, const domain::ReferenceData& ref,
                    const ProgressFn& progress, const std::vector<ProviderProfile>& profiles,
                    const std::vector<size_t>& location_provider, domain::Dataset& out) {
  // Every location has at least one offer; the rest go to established organisations'
  // locations more than to new initiatives'.
  const size_t n_loc = out.locations.size();
  std::vector<int> per_location(n_loc, 1);
  std::vector<double> w(n_loc);
  // pgb-only initiatives carry more offers than other new ones: the pgb is chosen by about
  // one client in six (45,200 of 305,065 people in 2019), and they serve only them.
  for (size_t i = 0; i < n_loc; ++i) {
    const ProviderProfile& pp = profiles[location_provider[i]];
    w[i] = pp.pgb_only ? 0.8 : (pp.small ? 0.3 : 1.0);
  }
  const WeightedTable slots(w);
  Rng slot_rng = Rng::For(plan.seed, "offer-slots", 0);
  for (int k = static_cast<int>(n_loc); k < plan.offers; ++k) ++per_location[slots.Draw(slot_rng)];

  uint64_t index = 0;
  out.offers.reserve(static_cast<size_t>(plan.offers));
  std::vector<const OfferTemplate*> offer_template;
  offer_template.reserve(static_cast<size_t>(plan.offers));
  for (size_t li = 0; li < n_loc; ++li) {
    const domain::Location& loc = out.locations[li];
    const ProviderProfile& pp = profiles[location_provider[li]];
    const domain::Provider& provider = out.providers[location_provider[li]];
    const domain::Municipality& m = *ref.FindMunicipality(loc.municipality_code);
    std::vector<const OfferTemplate*> taken;
    for (int j = 0; j < per_location[li]; ++j, ++index) {
      Rng rng = Rng::For(plan.seed, "offer", index);
      const OfferTemplate& t = ChooseTemplate(rng, pp, ref, taken);
      taken.push_back(&t);
      offer_template.push_back(&t);
      domain::Offer o;
      o.id = MakeId("off", plan.seed, index);
      o.provider_id = provider.id;
      o.location_id = loc.id;
      o.kind = t.kind;
      o.sectors = t.sectors;
      for (std::string_view code : t.profiles)
        if (ref.FindProfile(std::string(code)) != nullptr) o.profiles.emplace_back(code);
      // What the template names, the provider states as yes or (mostly) no; common and
      // local features are stated less often; the sector's standard features always.
      for (const FeatureChance& fc : t.features) AddFeature(o, ref, fc, rng, 0.75);
      for (const FeatureChance& fc : CommonFeatures(t.kind)) AddFeature(o, ref, fc, rng, 0.6);
      for (const FeatureChance& fc : ContextFeatures(ContextOf(m)))
        AddFeature(o, ref, fc, rng, 0.4);
      for (const StandardFeature& sf : StandardFeatures())
        if (Applies(sf, o, t.key)) SetFeature(o, sf.feature, sf.value);
      o.delivery_forms = FormsFor(t, o, pp, ref, rng);
      SetFeature(o, "pgb_mogelijk",
                 std::find(o.delivery_forms.begin(), o.delivery_forms.end(), DeliveryForm::kPgb) !=
                         o.delivery_forms.end()
                     ? 1
                     : 0);
      ApplyRelations(o.features, ref);
      o.capacity = rng.UniformInt(t.cap_lo,
                                  pp.small ? std::min(t.cap_hi, std::max(t.cap_lo, 16)) : t.cap_hi);
      o.contracted_regions = pp.contracted_regions;
      // The review score; its count, source and date are added by Generate (StampQuality),
      // from a stream of their own, so this stream draws what it always did.
      if (rng.Bernoulli(pp.small ? 0.55 : 0.92))
        o.quality = {
            {domain::QualityKind::kReviews, "", "",
             Round1(std::clamp(rng.Normal(pp.small ? 8.2 : 7.8, pp.small ? 0.7 : 0.6), 4.0, 9.8)),
             0}};
      if (t.kind == OfferKind::kZorgThuis)
        o.service_radius_km = std::round(rng.Uniform(pp.small ? 4 : 8, pp.small ? 12 : 25) * 2) / 2;
      o.name = std::string(t.name) + " – " + loc.name;
      o.description = std::string(t.name) + " van " + provider.name + " in " + m.name + ".";
      int shown = 0;
      for (const domain::FeatureValue& fv : o.features) {
        if (shown == 3) break;
        const domain::Feature* f = ref.FindFeature(fv.feature_id);
        if (f == nullptr || f->kind != domain::FeatureKind::kYesNo || fv.value < 1) continue;
        o.description += (shown++ == 0 ? " " : "; ") + f->label_nl;
      }
      if (shown > 0) o.description += ".";
      out.offers.push_back(std::move(o));
      if (progress && index % 2000 == 0)
        progress("aanbod", static_cast<int64_t>(index), plan.offers);
    }
  }
  ScaleCapacity(plan, offer_template, out.offers);
  for (size_t i = 0; i < out.offers.size(); ++i) {
    Rng rng = Rng::For(plan.seed, "offer-availability", i);
    FillAvailability(out.offers[i], *offer_template[i], rng);
  }
  if (progress) progress("aanbod", plan.offers, plan.offers);
}

}  // namespace passend::generate
