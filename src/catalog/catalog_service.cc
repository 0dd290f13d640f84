#include "catalog/catalog_service.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/record_id.h"
#include "domain/validation.h"

namespace passend::catalog {
namespace {

// Records in id order: rows then append to the end of each primary-key B-tree instead of
// landing all over it, which makes writing a whole country several times faster.
template <typename T>
std::vector<const T*> ById(const std::vector<T>& records) {
  std::vector<const T*> out;
  out.reserve(records.size());
  for (const T& r : records) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->id < b->id; });
  return out;
}

// A provider's register numbers with the name of their field.
std::array<std::pair<const char*, const std::string*>, 3> RegisterNumbers(
    const domain::Provider& p) {
  return {
      {{"agb_code", &p.agb_code}, {"kvk_number", &p.kvk_number}, {"ura_number", &p.ura_number}}};
}

// Nieuwe Waterweg Noord (5522) is part of the merged region Passend codes 5519.
constexpr const char* kMergedRegionOld = "5522";
constexpr const char* kMergedRegionNew = "5519";

// Replaces codes that are no longer current; an unknown code is left for validation to
// report with its field path.
int64_t UpdateOldCodes(domain::Dataset& d, const domain::ReferenceData& ref) {
  int64_t updated = 0;
  auto update = [&](std::string& code, domain::GeoPoint near) {
    if (ref.FindMunicipality(code) != nullptr) return;
    std::string current = ref.CurrentMunicipalityCode(code, near);
    if (current.empty()) return;
    code = std::move(current);
    ++updated;
  };
  for (auto& l : d.locations) update(l.municipality_code, l.position);
  for (auto& c : d.clients) update(c.municipality_code, c.home);
  for (auto& o : d.offers)
    for (auto& r : o.contracted_regions)
      if (r == kMergedRegionOld) {
        r = kMergedRegionNew;
        ++updated;
      }
  return updated;
}

}  // namespace

Result<domain::Provider> CatalogService::GetProvider(const std::string& id) {
  return db_.catalog().GetProvider(id);
}
Result<store::Page<domain::Provider>> CatalogService::ListProviders(
    const ProviderFilter& filter, const store::PageRequest& page) {
  return db_.catalog().ListProviders(filter, page);
}
Result<domain::Location> CatalogService::GetLocation(const std::string& id) {
  return db_.catalog().GetLocation(id);
}
Result<store::Page<domain::Location>> CatalogService::ListLocations(
    const LocationFilter& filter, const store::PageRequest& page) {
  return db_.catalog().ListLocations(filter, page);
}
Result<domain::Offer> CatalogService::GetOffer(const std::string& id) {
  return db_.catalog().GetOffer(id);
}
Result<store::Page<domain::Offer>> CatalogService::ListOffers(const OfferFilter& filter,
                                                              const store::PageRequest& page) {
  return db_.catalog().ListOffers(filter, page);
}

Result<int64_t> CatalogService::RecogniseProviders(domain::Dataset& d) {
  PASSEND_ASSIGN_OR_RETURN(auto stored, db_.catalog().AllProviders());
  std::map<std::string, const domain::Provider*> by_number, by_id;
  for (const auto& p : stored) {
    by_id.emplace(p.id, &p);
    for (const auto& [kind, number] : RegisterNumbers(p))
      if (!number->empty()) by_number.emplace(std::string(kind) + ":" + *number, &p);
  }
  std::map<std::string, std::string> renamed;  // file id -> stored id
  for (size_t i = 0; i < d.providers.size(); ++i) {
    domain::Provider& p = d.providers[i];
    const domain::Provider* same = nullptr;
    for (const auto& [kind, number] : RegisterNumbers(p)) {
      if (number->empty()) continue;
      auto it = by_number.find(std::string(kind) + ":" + *number);
      if (it == by_number.end()) continue;
      if (same != nullptr && same != it->second)
        return InvalidArgument("Deze nummers horen bij twee verschillende aanbieders (" + same->id +
                                   " en " + it->second->id + ")",
                               "providers[" + std::to_string(i) + "]." + kind);
      same = it->second;
    }
    if (same != nullptr && same->id != p.id) {
      renamed.emplace(p.id, same->id);
      p.id = same->id;
    }
    // A number the file does not know keeps the stored one; the register status is the
    // care office's to change, never an import's.
    if (auto it = by_id.find(p.id); it != by_id.end()) {
      const domain::Provider& s = *it->second;
      p.register_status = s.register_status;
      if (p.agb_code.empty()) p.agb_code = s.agb_code;
      if (p.kvk_number.empty()) p.kvk_number = s.kvk_number;
      if (p.ura_number.empty()) p.ura_number = s.ura_number;
    }
  }
  for (auto& l : d.locations)
    if (auto it = renamed.find(l.provider_id); it != renamed.end()) l.provider_id = it->second;
  for (auto& o : d.offers)
    if (auto it = renamed.find(o.provider_id); it != renamed.end()) o.provider_id = it->second;
  return static_cast<int64_t>(renamed.size());
}

Result<ImportSummary> CatalogService::Import(domain::Dataset d, const ProgressFn& progress) {
  const int64_t updated = UpdateOldCodes(d, ref_);
  PASSEND_ASSIGN_OR_RETURN(const int64_t recognised, RecogniseProviders(d));
  const std::string now = access::FormatUtc(options_.clock());
  for (domain::Offer& o : d.offers) {
    if (o.places_updated.empty()) o.places_updated = now;
    if (o.details_updated.empty()) o.details_updated = now;
  }
  PASSEND_RETURN_IF_ERROR(domain::ValidateDataset(d, ref_));
  const int64_t total = static_cast<int64_t>(d.providers.size() + d.locations.size() +
                                             d.offers.size() + d.clients.size());
  int64_t done = 0;
  auto tick = [&] {
    if (progress && (++done % 5000 == 0 || done == total)) progress("opslaan", done, total);
  };
  // Validated above, references included: written as one bulk transaction, which checks
  // the references between rows once at the end rather than at each of millions of rows.
  PASSEND_RETURN_IF_ERROR(db_.InBulkTransaction([&]() -> Status {
    for (const auto& p : d.providers) {
      PASSEND_RETURN_IF_ERROR(db_.catalog().PutProvider(p));
      tick();
    }
    for (const auto& l : d.locations) {
      PASSEND_RETURN_IF_ERROR(db_.catalog().PutLocation(l));
      tick();
    }
    for (const domain::Offer* o : ById(d.offers)) {
      PASSEND_RETURN_IF_ERROR(db_.catalog().PutOffer(*o));
      tick();
    }
    for (const domain::Client* c : ById(d.clients)) {
      PASSEND_RETURN_IF_ERROR(db_.clients().PutClient(*c));
      tick();
    }
    return Ok();
  }));
  return ImportSummary{static_cast<int64_t>(d.providers.size()),
                       static_cast<int64_t>(d.locations.size()),
                       static_cast<int64_t>(d.offers.size()),
                       static_cast<int64_t>(d.clients.size()),
                       updated,
                       recognised};
}

Result<ExportSummary> CatalogService::Export(const DatasetVisitor& visit) {
  ExportSummary s;
  PASSEND_ASSIGN_OR_RETURN(auto providers, db_.catalog().AllProviders());
  for (const auto& p : providers) visit.provider(p);
  PASSEND_ASSIGN_OR_RETURN(auto locations, db_.catalog().AllLocations());
  for (const auto& l : locations) visit.location(l);
  PASSEND_ASSIGN_OR_RETURN(auto offers, db_.catalog().AllOffers());
  for (const auto& o : offers) visit.offer(o);
  s.providers = static_cast<int64_t>(providers.size());
  s.locations = static_cast<int64_t>(locations.size());
  s.offers = static_cast<int64_t>(offers.size());
  PASSEND_RETURN_IF_ERROR(db_.clients().ForEachClient({}, [&](const domain::Client& c) {
    if (domain::IsErased(c)) {
      ++s.erased_left_out;
      return Ok();
    }
    visit.client(c);
    ++s.clients;
    return Ok();
  }));
  return s;
}

Result<bool> CatalogService::Empty() {
  PASSEND_ASSIGN_OR_RETURN(auto page, db_.catalog().ListProviders({}, {"", 1}));
  PASSEND_ASSIGN_OR_RETURN(int64_t clients, db_.clients().CountClients({}));
  return page.items.empty() && clients == 0;
}

namespace {

std::string ListText(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }
std::string FormsText(const std::vector<domain::DeliveryForm>& v) {
  std::vector<std::string> names;
  for (auto f : v) names.emplace_back(domain::ToString(f));
  return ListText(names);
}
std::string NumberText(double v) { return nlohmann::json(v).dump(); }

// The features field of a validation error, in the patch's terms: "features[3].value"
// becomes "features.tuin".
Error InPatchTerms(const Error& e, const domain::Offer& o) {
  const std::string& f = e.field();
  if (f.rfind("features[", 0) != 0) return e;
  const size_t close = f.find(']');
  const size_t i = std::stoul(f.substr(9, close - 9));
  if (i >= o.features.size()) return e;
  return Error(e.code(), e.message(), "features." + o.features[i].feature_id);
}

}  // namespace

Result<domain::Offer> CatalogService::UpdateOffer(
    const std::string& id, const OfferPatch& patch, const ChangeAuthor& by,
    const std::function<Status(const domain::Offer&)>& check) {
  if (patch.empty()) return InvalidArgument("Geef minstens één veld om te wijzigen.", "body");
  for (const auto& [feature_id, value] : patch.features) {
    if (!ref_.FeatureIndex(feature_id))
      return InvalidArgument("Onbekend kenmerk '" + feature_id + "'", "features." + feature_id);
  }
  const std::string now = access::FormatUtc(options_.clock());
  domain::Offer updated;
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(domain::Offer o, db_.catalog().GetOffer(id));
    if (check) PASSEND_RETURN_IF_ERROR(check(o));
    std::vector<OfferChange> changes;
    auto record = [&](std::string field, std::string before, std::string after) {
      changes.push_back({o.id, now, by.user_id, by.organisation_id, std::move(field),
                         std::move(before), std::move(after)});
    };
    bool places = false, details = false;
    auto number = [&](const std::optional<int>& v, int& field, const char* name, bool is_place) {
      if (!v) return;
      record(name, std::to_string(field), std::to_string(*v));
      field = *v;
      (is_place ? places : details) = true;
    };
    auto text = [&](const std::optional<std::string>& v, std::string& field, const char* name) {
      if (!v) return;
      record(name, field, *v);
      field = *v;
      details = true;
    };
    number(patch.free_places, o.free_places, "free_places", true);
    number(patch.waiting_people, o.waiting_people, "waiting_people", true);
    number(patch.waiting_weeks, o.waiting_weeks, "waiting_weeks", true);
    number(patch.capacity, o.capacity, "capacity", false);
    text(patch.description, o.description, "description");
    text(patch.intake_contact, o.intake_contact, "intake_contact");
    text(patch.intake_requirements, o.intake_requirements, "intake_requirements");
    if (patch.temporary) {
      record("temporary", o.temporary ? "true" : "false", *patch.temporary ? "true" : "false");
      o.temporary = *patch.temporary;
      details = true;
    }
    if (patch.profiles) {
      record("profiles", ListText(o.profiles), ListText(*patch.profiles));
      o.profiles = *patch.profiles;
      details = true;
    }
    if (patch.delivery_forms) {
      record("delivery_forms", FormsText(o.delivery_forms), FormsText(*patch.delivery_forms));
      o.delivery_forms = *patch.delivery_forms;
      details = true;
    }
    for (const auto& [feature_id, value] : patch.features) {
      auto it = std::find_if(
          o.features.begin(), o.features.end(),
          // (clang 14, of the fuzz build, cannot capture a structured binding)
          [&id = feature_id](const domain::FeatureValue& f) { return f.feature_id == id; });
      const std::string before = it == o.features.end() ? "" : NumberText(it->value);
      record("features." + feature_id, before, value ? NumberText(*value) : "");
      if (!value) {
        if (it != o.features.end()) o.features.erase(it);
      } else if (it != o.features.end()) {
        it->value = *value;
      } else {
        o.features.push_back({feature_id, *value});
      }
      details = true;
    }
    if (places) o.places_updated = now;
    if (details) o.details_updated = now;
    if (Status valid = domain::ValidateOffer(o, ref_); !valid.ok())
      return InPatchTerms(valid.error(), o);
    PASSEND_RETURN_IF_ERROR(db_.catalog().PutOffer(o));
    PASSEND_RETURN_IF_ERROR(db_.catalog().AddOfferChanges(changes));
    updated = std::move(o);
    return Ok();
  }));
  return updated;
}

Result<domain::Offer> CatalogService::AddOffer(domain::Offer o, const ChangeAuthor& by) {
  if (o.id.empty()) o.id = domain::NewRecordId("off");
  const std::string now = access::FormatUtc(options_.clock());
  o.places_updated = o.details_updated = now;
  PASSEND_RETURN_IF_ERROR(domain::ValidateOffer(o, ref_));
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    if (db_.catalog().GetOffer(o.id).ok())
      return AlreadyExists("Er is al een aanbod met id '" + o.id + "'", "id");
    auto provider = db_.catalog().GetProvider(o.provider_id);
    if (!provider.ok() && provider.error().code() == ErrorCode::kNotFound)
      return InvalidArgument("Onbekende aanbieder '" + o.provider_id + "'", "provider_id");
    if (!provider.ok()) return provider.error();
    auto location = db_.catalog().GetLocation(o.location_id);
    if (!location.ok() && location.error().code() == ErrorCode::kNotFound)
      return InvalidArgument("Onbekende locatie '" + o.location_id + "'", "location_id");
    if (!location.ok()) return location.error();
    if (location->provider_id != o.provider_id)
      return InvalidArgument("Deze locatie hoort bij een andere aanbieder", "location_id");
    PASSEND_RETURN_IF_ERROR(db_.catalog().PutOffer(o));
    return db_.catalog().AddOfferChanges(
        {{o.id, now, by.user_id, by.organisation_id, "created", "", o.name}});
  }));
  return o;
}

Result<std::vector<OfferChange>> CatalogService::OfferChanges(const std::string& id) {
  PASSEND_RETURN_IF_ERROR(db_.catalog().GetOffer(id));
  return db_.catalog().OfferChanges(id);
}

domain::FreshnessCutoffs CatalogService::Cutoffs() const {
  using std::chrono::days;
  const auto today = std::chrono::floor<days>(options_.clock());
  return {access::FormatUtc(today - days(options_.freshness.places_days)),
          access::FormatUtc(today - days(options_.freshness.details_days))};
}

std::string_view ToString(Contract c) { return c == Contract::kInKind ? "in_kind" : "pgb_only"; }

std::optional<Contract> ParseContract(std::string_view s) {
  if (s == "in_kind") return Contract::kInKind;
  if (s == "pgb_only") return Contract::kPgbOnly;
  return std::nullopt;
}

Result<domain::Provider> CatalogService::SubmitProvider(domain::Provider p,
                                                        const ChangeAuthor& by) {
  if (p.id.empty()) p.id = domain::NewRecordId("prv");
  p.register_status = domain::RegisterStatus::kSubmitted;
  PASSEND_RETURN_IF_ERROR(domain::ValidateProvider(p));
  const std::string now = access::FormatUtc(options_.clock());
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    if (db_.catalog().GetProvider(p.id).ok())
      return AlreadyExists("Er is al een aanbieder met id '" + p.id + "'", "id");
    PASSEND_ASSIGN_OR_RETURN(auto stored, db_.catalog().AllProviders());
    const auto mine = RegisterNumbers(p);
    for (const auto& s : stored) {
      const auto theirs = RegisterNumbers(s);
      for (size_t i = 0; i < mine.size(); ++i)
        if (!mine[i].second->empty() && *mine[i].second == *theirs[i].second)
          return AlreadyExists("Aanbieder " + s.id + " heeft dit nummer al", mine[i].first);
    }
    PASSEND_RETURN_IF_ERROR(db_.catalog().PutProvider(p));
    return db_.catalog().AddProviderChanges(
        {{p.id, now, by.user_id, by.organisation_id, "register_status", "",
          std::string(domain::ToString(p.register_status))}});
  }));
  return p;
}

Result<domain::Provider> CatalogService::SetRegisterStatus(const std::string& id,
                                                           domain::RegisterStatus status,
                                                           const std::string& reason,
                                                           const ChangeAuthor& by) {
  if (status == domain::RegisterStatus::kSubmitted)
    return InvalidArgument("Kies approved (toelaten) of suspended (schorsen).", "status");
  if (status == domain::RegisterStatus::kSuspended &&
      reason.find_first_not_of(" \t\n") == std::string::npos)
    return InvalidArgument("Zeg waarom de aanbieder geschorst wordt.", "reason");
  const std::string now = access::FormatUtc(options_.clock());
  domain::Provider updated;
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(domain::Provider p, db_.catalog().GetProvider(id));
    if (p.register_status == status)
      return Error(ErrorCode::kFailedPrecondition,
                   "De aanbieder is al " + std::string(domain::LabelNl(status)) + ".", "status");
    std::vector<ProviderChange> changes = {
        {p.id, now, by.user_id, by.organisation_id, "register_status",
         std::string(domain::ToString(p.register_status)), std::string(domain::ToString(status))}};
    if (!reason.empty())
      changes.push_back({p.id, now, by.user_id, by.organisation_id, "register_reason", "", reason});
    p.register_status = status;
    PASSEND_RETURN_IF_ERROR(db_.catalog().PutProvider(p));
    PASSEND_RETURN_IF_ERROR(db_.catalog().AddProviderChanges(changes));
    updated = std::move(p);
    return Ok();
  }));
  return updated;
}

Result<std::vector<ProviderChange>> CatalogService::ProviderChanges(const std::string& id) {
  PASSEND_RETURN_IF_ERROR(db_.catalog().GetProvider(id));
  return db_.catalog().ProviderChanges(id);
}

Result<domain::Offer> CatalogService::SetContract(const std::string& id, const std::string& region,
                                                  Contract contract, const ChangeAuthor& by) {
  if (ref_.FindRegion(region) == nullptr)
    return NotFound("Onbekende zorgkantoorregio '" + region + "'", "region");
  const std::string now = access::FormatUtc(options_.clock());
  domain::Offer updated;
  PASSEND_RETURN_IF_ERROR(db_.InTransaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(domain::Offer o, db_.catalog().GetOffer(id));
    auto& regions = o.contracted_regions;
    auto at = std::find(regions.begin(), regions.end(), region);
    const Contract before = at == regions.end() ? Contract::kPgbOnly : Contract::kInKind;
    if (contract == Contract::kInKind && at == regions.end()) regions.push_back(region);
    if (contract == Contract::kPgbOnly && at != regions.end()) regions.erase(at);
    PASSEND_RETURN_IF_ERROR(db_.catalog().PutOffer(o));
    PASSEND_RETURN_IF_ERROR(db_.catalog().AddOfferChanges(
        {{o.id, now, by.user_id, by.organisation_id, "contract." + region,
          std::string(ToString(before)), std::string(ToString(contract))}}));
    updated = std::move(o);
    return Ok();
  }));
  return updated;
}

Result<store::Page<domain::Offer>> CatalogService::ListOutdatedOffers(
    OfferFilter filter, const store::PageRequest& page) {
  filter.outdated = Cutoffs();
  return db_.catalog().ListOffers(filter, page);
}

}  // namespace passend::catalog
