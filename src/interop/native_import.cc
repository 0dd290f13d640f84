#include "interop/native_import.h"

#include "domain/validation.h"
#include "interop/native_json.h"

namespace passend::interop {

Result<ImportSummary> ImportNative(std::string_view text, store::Database& db,
                                   const domain::ReferenceData& ref,
                                   const store::ProgressFn& progress) {
  PASSEND_ASSIGN_OR_RETURN(domain::Dataset d, ParseNativeDocument(text));
  PASSEND_RETURN_IF_ERROR(domain::ValidateDataset(d, ref));
  PASSEND_RETURN_IF_ERROR(store::WriteDataset(db, d, progress));
  return ImportSummary{
      static_cast<int64_t>(d.providers.size()), static_cast<int64_t>(d.locations.size()),
      static_cast<int64_t>(d.offers.size()), static_cast<int64_t>(d.clients.size())};
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
