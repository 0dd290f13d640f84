#pragma once
// Import and export of whole native documents (native_json.h) against a Database.
// An import is parsed and validated completely (shape, then domain::ValidateDataset)
// before anything is written, and written in one transaction: on any error the
// database is unchanged and the error names the path of the bad field.
// Municipality codes of 2014 or later that no longer exist (mergers, splits, renames) are
// read as their 2025 successor (ReferenceData::CurrentMunicipalityCode, by the record's
// position for a split one); the care-office code 5522 (Nieuwe Waterweg Noord, merged) as
// 5519. The summary counts the codes so updated.
#include <cstdint>
#include <ostream>
#include <string_view>

#include "domain/reference.h"
#include "store/database.h"
#include "store/write_dataset.h"

namespace passend::interop {

struct ImportSummary {
  int64_t providers = 0, locations = 0, offers = 0, clients = 0;
  int64_t codes_updated = 0;  // old municipality or care-office codes read as today's
};

Result<ImportSummary> ImportNative(std::string_view text, store::Database& db,
                                   const domain::ReferenceData& ref,
                                   const store::ProgressFn& progress = {});

// Writes the whole database as a native document; clients stream out one by one.
Status ExportNative(store::Database& db, std::ostream& out);

}  // namespace passend::interop
