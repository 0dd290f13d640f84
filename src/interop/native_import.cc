#include "interop/native_import.h"

#include "domain/validation.h"
#include "interop/native_json.h"

namespace passend::interop {
namespace {

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

Result<ImportSummary> ImportNative(std::string_view text, store::Database& db,
                                   const domain::ReferenceData& ref,
                                   const store::ProgressFn& progress) {
  PASSEND_ASSIGN_OR_RETURN(domain::Dataset d, ParseNativeDocument(text));
  const int64_t updated = UpdateOldCodes(d, ref);
  PASSEND_RETURN_IF_ERROR(domain::ValidateDataset(d, ref));
  PASSEND_RETURN_IF_ERROR(store::WriteDataset(db, d, progress));
  return ImportSummary{
      static_cast<int64_t>(d.providers.size()), static_cast<int64_t>(d.locations.size()),
      static_cast<int64_t>(d.offers.size()), static_cast<int64_t>(d.clients.size()), updated};
}

Status ExportNative(store::Database& db, std::ostream& out) {
  NativeWriter w(out);
  PASSEND_ASSIGN_OR_RETURN(auto providers, db.catalog().AllProviders());
  for (const auto& p : providers) w.Add(p);
  PASSEND_ASSIGN_OR_RETURN(auto locations, db.catalog().AllLocations());
  for (const auto& l : locations) w.Add(l);
  PASSEND_ASSIGN_OR_RETURN(auto offers, db.catalog().AllOffers());
  for (const auto& o : offers) w.Add(o);
  PASSEND_RETURN_IF_ERROR(db.clients().ForEachClient({}, [&](const domain::Client& c) {
    w.Add(c);
    return Ok();
  }));
  w.Finish();
  if (!out) return Unavailable("Schrijven van de export is mislukt");
  return Ok();
}

}  // namespace passend::interop
