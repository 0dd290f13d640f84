#pragma once
// CatalogService: the catalogue module's use cases, the one header api/ and cli/ use for
// them.
//  - reads: providers, locations and offers, one or a page at a time (the care offer is
//    public information);
//  - whole data sets: the import (validated completely before anything is written, then
//    written in one transaction: all of it or nothing; offers without update times get
//    the time of the import), the export (every record in id
//    order, clients streamed one by one), and whether the database is still empty.
//  - upkeep: a provider (or the care office) changes one offer (UpdateOffer); every
//    change is recorded with who and when, and stamps the offer's places_updated or
//    details_updated; an offer not kept up to date is "mogelijk verouderd" (Cutoffs).
//  - the register, kept by the care office: a provider is submitted, approved and can be
//    suspended (only an approved provider's offers are public and matched); each care
//    office sets per offer whether it contracts it in kind or leaves it to the pgb. Every
//    change is recorded with who and when.
// A data set carries clients too; they are written and read through intake's store
// interface in the same transaction. Parsing and rendering a file is interop/'s task
// (native_json.h); this service sees records only. Rules on a record's values stay in
// domain/validation.h. Safe for concurrent use as the stores.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/timestamp.h"
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
  // Providers of the file recognised as one the database has under another id (by AGB
  // code, KvK number or URA): written under the id it has, with their locations and offers.
  int64_t providers_recognised = 0;
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

// After how many days without an update an offer counts as "mogelijk verouderd": its free
// places and waits, and the rest of it.
struct FreshnessRule {
  int places_days = 30;
  int details_days = 365;
};

struct CatalogOptions {
  access::Clock clock = access::SystemNow;
  FreshnessRule freshness;
};

// A change to one offer: only the fields set change. `features`: a feature id with its new
// value (1 yes, 0 no, a level or a number), or nullopt for "not known" (taken off the list).
struct OfferPatch {
  std::optional<int> capacity, free_places, waiting_people, waiting_weeks;
  std::optional<std::string> description, intake_contact, intake_requirements;
  std::optional<bool> temporary;
  std::optional<std::vector<std::string>> profiles;
  std::optional<std::vector<domain::DeliveryForm>> delivery_forms;
  std::vector<std::pair<std::string, std::optional<double>>> features;

  bool empty() const {
    return !capacity && !free_places && !waiting_people && !waiting_weeks && !description &&
           !intake_contact && !intake_requirements && !temporary && !profiles && !delivery_forms &&
           features.empty();
  }
};

// A care office's contract for an offer: in kind (zorg in natura: the offer lists the
// region in contracted_regions), or none, so a client there can only buy it with a pgb.
enum class Contract { kInKind, kPgbOnly };
inline constexpr Contract kAllContracts[] = {Contract::kInKind, Contract::kPgbOnly};
std::string_view ToString(Contract c);  // "in_kind", "pgb_only"
std::optional<Contract> ParseContract(std::string_view s);

// Who makes a change, for the offer's history.
struct ChangeAuthor {
  std::string user_id;
  std::string organisation_id;
};

class CatalogService {
 public:
  // `ref`: the reference data records are validated against; must outlive the service.
  CatalogService(store::Database& db, const domain::ReferenceData& ref, CatalogOptions options = {})
      : db_(db), ref_(ref), options_(std::move(options)) {}

  Result<domain::Provider> GetProvider(const std::string& id);
  Result<store::Page<domain::Provider>> ListProviders(const ProviderFilter& filter,
                                                      const store::PageRequest& page);
  Result<domain::Location> GetLocation(const std::string& id);
  Result<store::Page<domain::Location>> ListLocations(const LocationFilter& filter,
                                                      const store::PageRequest& page);
  Result<domain::Offer> GetOffer(const std::string& id);
  Result<store::Page<domain::Offer>> ListOffers(const OfferFilter& filter,
                                                const store::PageRequest& page);

  // A provider with the AGB code, KvK number or URA of one the database has is that
  // provider: the file's id is replaced by the stored one (in its locations and offers
  // too); a provider matching two stored ones is kInvalidArgument on its number. A number
  // the file leaves empty keeps the stored one.
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

  // Applies `patch` to offer `id` in one transaction: the offer is read, changed,
  // validated (domain::ValidateOffer) and written together with one history row per field
  // the patch names (a provider confirming the same number of free places is recorded
  // too). Free places, people waiting and the wait stamp places_updated, the rest
  // details_updated. Errors: kNotFound for an unknown offer; kInvalidArgument naming the
  // patch's field ("free_places", "features.tuin"), nothing written; store errors.
  // `check`, when given, sees the offer as stored inside that transaction before anything
  // changes (an HTTP If-Match): its error ends the update with nothing written.
  Result<domain::Offer> UpdateOffer(const std::string& id, const OfferPatch& patch,
                                    const ChangeAuthor& by,
                                    const std::function<Status(const domain::Offer&)>& check = {});
  // Adds a new offer (an empty id gets a new one), stamped as stated now (places_updated and
  // details_updated), in one transaction with one history row (field "created"). Validated
  // whole first: domain::ValidateOffer, a provider and a location the catalogue has, the
  // location the provider's own. Errors: kInvalidArgument naming the field ("free_places",
  // "location_id"), kAlreadyExists on "id"; store errors; nothing written then.
  Result<domain::Offer> AddOffer(domain::Offer o, const ChangeAuthor& by);
  // The offer's change history, oldest first; kNotFound for an unknown offer.
  Result<std::vector<OfferChange>> OfferChanges(const std::string& id);
  // The cutoffs of "mogelijk verouderd" now (FreshnessRule, counted in whole days from the
  // start of today, UTC, so they move once a day).
  domain::FreshnessCutoffs Cutoffs() const;
  // The reference data records are validated against.
  const domain::ReferenceData& reference() const { return ref_; }
  bool MaybeOutdated(const domain::Offer& o) const { return domain::MaybeOutdated(o, Cutoffs()); }
  // Offers "mogelijk verouderd" now, in id order (for the care office).
  Result<store::Page<domain::Offer>> ListOutdatedOffers(OfferFilter filter,
                                                        const store::PageRequest& page);

  // The register. SubmitProvider adds `p` as submitted (whatever its register_status
  // says); an empty id gets a new one. Errors: kInvalidArgument naming the field
  // (domain::ValidateProvider), kAlreadyExists for an id, AGB code, KvK number or URA the
  // register has; nothing written then.
  Result<domain::Provider> SubmitProvider(domain::Provider p, const ChangeAuthor& by);
  // Approves or suspends provider `id` (`reason` is required to suspend and recorded
  // either way). Errors: kNotFound; kInvalidArgument on "status" (back to submitted) or
  // "reason"; kFailedPrecondition when the provider has that status already.
  Result<domain::Provider> SetRegisterStatus(const std::string& id, domain::RegisterStatus status,
                                             const std::string& reason, const ChangeAuthor& by);
  // The provider's register history, oldest first; kNotFound for an unknown provider.
  Result<std::vector<ProviderChange>> ProviderChanges(const std::string& id);
  // Sets care office `region`'s contract for offer `id` and records it in the offer's
  // history ("contract.<region>"), also when it stays the same (a confirmation). The
  // offer's update times do not move: the provider did not state anything. Errors:
  // kNotFound for an unknown offer or region.
  Result<domain::Offer> SetContract(const std::string& id, const std::string& region,
                                    Contract contract, const ChangeAuthor& by);

 private:
  // Import's recognition of stored providers (see Import); the number recognised.
  Result<int64_t> RecogniseProviders(domain::Dataset& d);

  store::Database& db_;
  const domain::ReferenceData& ref_;
  CatalogOptions options_;
};

}  // namespace passend::catalog
