// libFuzzer target: the CSV reader of the reference tables (refdata/csv.h), the
// reference-data parser on top of it with the input as each of its three tables, and the
// catalogue's CSV import (interop/catalog_csv.h), which must report, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interop/catalog_csv.h"
#include "refdata/csv.h"
#include "refdata/refdata.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = passend::refdata::ParseCsv(text, "fuzz.csv");
  if (table.ok()) (void)table->Column("code");
  (void)passend::refdata::Parse(text, "", "");
  (void)passend::refdata::Parse("", text, "");
  (void)passend::refdata::Parse("", "", text);
  (void)passend::interop::ParseCatalogCsv(text, passend::refdata::BuiltIn());
  return 0;
}
