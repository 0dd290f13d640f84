#pragma once
// CatalogService: the catalogue module's use cases, the one header api/ and cli/ use for
// them.
//  - reads: providers, locations and offers, one or a page at a time (the care offer is
//    public information);
//  - whole data sets: the import (validated completely before anything is written, then
//    written in one transaction: all of it or nothing), the export (every record in id
//    order, clients streamed one by one), and whether the database is still empty.
// A data set carries clients too; they are written and read through intake's store
// interface in the same transaction. Parsing and rendering a file is interop/'s task
// (native_json.h); this service sees records only. Rules on a record's values stay in
// domain/validation.h. Safe for concurrent use as the stores.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "catalog/catalog_store.h"
#include "domain/dataset.h"
#include "domain/error.h"
#include "domain/reference.h"
#include "store/database.h"
#include "store/page.h"

namespace passend::catalog {

// Progress of a long write: stage ("opslaan"), records done, records in all.
using ProgressFn = std::function<void(std::string_view stage, int64_t done, int64_t total)>;

struct ImportSummary {
  int64_t providers = 0, locations = 0, offers = 0, clients = 0;
  int64_t codes_updated = 0;  // old municipality or care-office codes read as today's
};

struct ExportSummary {
  int64_t providers = 0, locations = 0, offers = 0, clients = 0;
  // Erased clients (domain::IsErased) are left out: only their id is left, which is no
  // record to import, and an export should not show that someone asked to be forgotten.
  int64_t erased_left_out = 0;
};

// Receives every record of an export, in the order of the native format: providers,
// locations, offers, then clients; each group in id order.
struct DatasetVisitor {
  std::function<void(const domain::Provider&)> provider;
  std::function<void(const domain::Location&)> location;
  std::function<void(const domain::Offer&)> offer;
  std::function<void(const domain::Client&)> client;
};

class CatalogService {
 public:
  // `ref`: the reference data records are validated against; must outlive the service.
  CatalogService(store::Database& db, const domain::ReferenceData& ref) : db_(db), ref_(ref) {}

  Result<domain::Provider> GetProvider(const std::string& id);
  Result<store::Page<domain::Provider>> ListProviders(const ProviderFilter& filter,
                                                      const store::PageRequest& page);
  Result<domain::Location> GetLocation(const std::string& id);
  Result<store::Page<domain::Location>> ListLocations(const LocationFilter& filter,
                                                      const store::PageRequest& page);
  Result<domain::Offer> GetOffer(const std::string& id);
  Result<store::Page<domain::Offer>> ListOffers(const OfferFilter& filter,
                                                const store::PageRequest& page);

  // Validates `d` whole (domain::ValidateDataset; the error names the bad field's path),
  // then inserts or replaces every record in one transaction. Municipality codes of 2014
  // or later that no longer exist (mergers, splits, renames) are read as their 2025
  // successor (ReferenceData::CurrentMunicipalityCode, by the record's position for a split
  // one); the care-office code 5522 (Nieuwe Waterweg Noord, merged) as 5519. The summary
  // counts the codes so updated.
  Result<ImportSummary> Import(domain::Dataset d, const ProgressFn& progress = {});
  // Every record, as Import takes them, so an export imports again into an empty database;
  // clients one at a time (a country does not need to fit in memory twice), erased ones
  // left out and counted. Stops at the first store error.
  Result<ExportSummary> Export(const DatasetVisitor& visit);
  // Whether the database holds no provider and no client (generate refuses otherwise).
  Result<bool> Empty();

 private:
  store::Database& db_;
  const domain::ReferenceData& ref_;
};

}  // namespace passend::catalog
