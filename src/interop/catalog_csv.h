#pragma once
// The catalogue as the spreadsheet providers keep: one row per offer with its provider and
// its location, Dutch column names (docs/formats.md lists them). A provider or location
// without offers is a row with the offer's columns empty.
//
// Reading accepts what spreadsheets write: ';' or ',' between fields (the header row
// decides), UTF-8 with or without a byte-order mark, Excel's "sep=;" line, columns in any
// order (missing ones are empty), ja/nee, decimal comma or point, lists separated by
// commas or spaces ("5VV, 6VV") and features as "tuin=ja; gespreksgroep=2". Every problem
// is reported with its row (as the spreadsheet numbers it, the header is row 1) and
// column; a row with a problem is left out whole. The rows of one provider or location
// must agree on its columns. Writing gives what Dutch Excel opens as it is: a BOM, ';',
// CRLF, decimal comma. Stateless; safe from any thread.
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/dataset.h"
#include "domain/reference.h"
#include "interop/import_report.h"

namespace passend::interop {

// The column names, in the order the writer puts them.
const std::vector<std::string_view>& CatalogCsvColumns();

FormatImport ParseCatalogCsv(std::string_view text, const domain::ReferenceData& ref);

// Writes rows as records arrive in export order (providers, locations, offers); keeps the
// providers and locations in memory (a country's are a few thousand) to put them beside
// their offers. Finish() writes the locations and providers no offer named.
class CatalogCsvWriter {
 public:
  CatalogCsvWriter(std::ostream& out, const domain::ReferenceData& ref);
  void Add(const domain::Provider& p);
  void Add(const domain::Location& l);
  void Add(const domain::Offer& o);
  void Finish();

 private:
  // The record with that id, marked as written beside an offer; nullptr if unknown.
  const domain::Provider* UseProvider(const std::string& id);
  const domain::Location* UseLocation(const std::string& id);
  void Row(const domain::Provider* p, const domain::Location* l, const domain::Offer* o);
  std::ostream& out_;
  const domain::ReferenceData& ref_;
  std::vector<domain::Provider> providers_;
  std::vector<domain::Location> locations_;
  std::vector<bool> provider_used_, location_used_;
  std::unordered_map<std::string, size_t> provider_index_, location_index_;
};

// The header and one example row (a valid offer), for providers to fill in.
std::string CatalogCsvTemplate(const domain::ReferenceData& ref);

}  // namespace passend::interop
