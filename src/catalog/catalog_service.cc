#include "catalog/catalog_service.h"

#include <algorithm>

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

Result<ImportSummary> CatalogService::Import(domain::Dataset d, const ProgressFn& progress) {
  const int64_t updated = UpdateOldCodes(d, ref_);
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
  return ImportSummary{
      static_cast<int64_t>(d.providers.size()), static_cast<int64_t>(d.locations.size()),
      static_cast<int64_t>(d.offers.size()), static_cast<int64_t>(d.clients.size()), updated};
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

}  // namespace passend::catalog
