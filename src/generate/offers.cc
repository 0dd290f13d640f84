// Offers at the locations: a template per offer (by the provider's sector and the kind
// mix of that sector), then features, delivery forms, size, waiting list and contract.
#include <algorithm>
#include <cmath>

#include "generate/catalog_generator.h"
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

const OfferTemplate& ChooseTemplate(Rng& rng, const ProviderProfile& pp,
                                    const domain::ReferenceData& ref) {
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
      // New initiatives are small-scale: they run mostly the "small" templates, and
      // established organisations rarely do.
      w[i] = t.weight * (t.small == pp.small ? 1.0 : (pp.small ? 0.25 : 0.4));
      total += w[i];
    }
    if (total > 0) return all[rng.Weighted(w)];
  }
  return all.front();  // unreachable with the tables as they are
}

// Culture-bound features follow where the location is: Catholic identity and dialect in
// Limburg, Islamic identity and Turkish/Arabic in big cities. All rare on purpose.
std::vector<FeatureChance> ContextFeatures(PlaceContext c) {
  return {
      {"katholieke_identiteit", c.limburg ? 0.18 : 0.04},
      {"protestantse_identiteit", c.limburg ? 0.01 : 0.06},
      {"islamitische_identiteit", c.big_city ? 0.03 : 0.005},
      {"turks_sprekend", c.big_city ? 0.04 : 0.005},
      {"arabisch_sprekend", c.big_city ? 0.03 : 0.003},
      {"limburgs_dialect", c.limburg ? 0.07 : 0.0},
      {"duits_sprekend", c.limburg ? 0.12 : 0.02},
      {"joodse_identiteit", c.big_city ? 0.01 : 0.001},
      {"humanistisch", 0.03},
  };
}

void AddFeature(domain::Offer& o, const domain::ReferenceData& ref, const FeatureChance& fc,
                Rng& rng) {
  if (!rng.Bernoulli(fc.p)) return;
  for (const domain::FeatureValue& fv : o.features)
    if (fv.feature_id == fc.id) return;
  const domain::Feature* f = ref.FindFeature(std::string(fc.id));
  if (f == nullptr) return;  // a vocabulary without it: skip (tests pin the built-in one)
  double value = 1;
  if (f->kind != domain::FeatureKind::kYesNo) value = rng.UniformInt(fc.lo, fc.hi);
  if (f->kind == domain::FeatureKind::kLevel)
    value = std::clamp(value, 1.0, static_cast<double>(std::max(1, f->level_max)));
  o.features.push_back({f->id, value});
}

bool Has(const domain::Offer& o, std::string_view id) {
  for (const domain::FeatureValue& fv : o.features)
    if (fv.feature_id == id) return true;
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
      if (t.key.find("vpt") != std::string_view::npos) {
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
// coming free per place per year) turns people waiting into weeks.
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
    o.waiting_weeks =
        std::clamp(static_cast<int>(std::lround(o.waiting_people / free_per_week)), 1, 156);
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

}  // namespace

void GenerateOffers(const RegionPlan& plan, const domain::ReferenceData& ref,
                    const ProgressFn& progress, const std::vector<ProviderProfile>& profiles,
                    const std::vector<size_t>& location_provider, domain::Dataset& out) {
  // Every location has at least one offer; the rest go to established organisations'
  // locations more than to new initiatives'.
  const size_t n_loc = out.locations.size();
  std::vector<int> per_location(n_loc, 1);
  std::vector<double> w(n_loc);
  for (size_t i = 0; i < n_loc; ++i) w[i] = profiles[location_provider[i]].small ? 0.3 : 1.0;
  const WeightedTable slots(w);
  Rng slot_rng = Rng::For(plan.seed, "offer-slots", 0);
  for (int k = static_cast<int>(n_loc); k < plan.offers; ++k) ++per_location[slots.Draw(slot_rng)];

  uint64_t index = 0;
  out.offers.reserve(static_cast<size_t>(plan.offers));
  for (size_t li = 0; li < n_loc; ++li) {
    const domain::Location& loc = out.locations[li];
    const ProviderProfile& pp = profiles[location_provider[li]];
    const domain::Provider& provider = out.providers[location_provider[li]];
    const domain::Municipality& m = *ref.FindMunicipality(loc.municipality_code);
    for (int j = 0; j < per_location[li]; ++j, ++index) {
      Rng rng = Rng::For(plan.seed, "offer", index);
      const OfferTemplate& t = ChooseTemplate(rng, pp, ref);
      domain::Offer o;
      o.id = MakeId("off", plan.seed, index);
      o.provider_id = provider.id;
      o.location_id = loc.id;
      o.kind = t.kind;
      o.sectors = t.sectors;
      for (std::string_view code : t.profiles)
        if (ref.FindProfile(std::string(code)) != nullptr) o.profiles.emplace_back(code);
      for (const FeatureChance& fc : t.features) AddFeature(o, ref, fc, rng);
      for (const FeatureChance& fc : CommonFeatures(t.kind)) AddFeature(o, ref, fc, rng);
      for (const FeatureChance& fc : ContextFeatures(ContextOf(m))) AddFeature(o, ref, fc, rng);
      o.delivery_forms = FormsFor(t, o, pp, ref, rng);
      if (std::find(o.delivery_forms.begin(), o.delivery_forms.end(), DeliveryForm::kPgb) !=
          o.delivery_forms.end())
        AddFeature(o, ref, {"pgb_mogelijk"}, rng);
      o.capacity = rng.UniformInt(t.cap_lo,
                                  pp.small ? std::min(t.cap_hi, std::max(t.cap_lo, 16)) : t.cap_hi);
      FillAvailability(o, t, rng);
      o.contracted_regions = pp.contracted_regions;
      if (rng.Bernoulli(pp.small ? 0.55 : 0.92))
        o.quality =
            Round1(std::clamp(rng.Normal(pp.small ? 8.2 : 7.8, pp.small ? 0.7 : 0.6), 4.0, 9.8));
      if (t.kind == OfferKind::kZorgThuis)
        o.service_radius_km = std::round(rng.Uniform(pp.small ? 4 : 8, pp.small ? 12 : 25) * 2) / 2;
      o.name = std::string(t.name) + " – " + loc.name;
      o.description = std::string(t.name) + " van " + provider.name + " in " + m.name + ".";
      int shown = 0;
      for (const domain::FeatureValue& fv : o.features) {
        if (shown == 3) break;
        const domain::Feature* f = ref.FindFeature(fv.feature_id);
        if (f == nullptr || f->kind != domain::FeatureKind::kYesNo) continue;
        o.description += (shown++ == 0 ? " " : "; ") + f->label_nl;
      }
      if (shown > 0) o.description += ".";
      out.offers.push_back(std::move(o));
      if (progress && index % 2000 == 0)
        progress("aanbod", static_cast<int64_t>(index), plan.offers);
    }
  }
  if (progress) progress("aanbod", plan.offers, plan.offers);
}

}  // namespace passend::generate
