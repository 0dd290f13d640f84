#pragma once
// A small RFC 4180 reader for the reference tables in data/: comma-separated, fields
// optionally in double quotes ("" inside quotes is one quote), first row the header.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace passend::refdata {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // every row has header.size() fields

  // Index of a column, or -1.
  int Column(std::string_view name) const;
};

// Parses `text`; `source` names it in errors ("kenmerken.csv regel 12").
Result<CsvTable> ParseCsv(std::string_view text, std::string_view source);

// The records of `text` as they are, header included, fields split on `delimiter` (',' or
// ';', which Dutch spreadsheets write); rows may differ in length, for the caller to
// report per row. Blank lines are skipped. Errors only on an unclosed quote.
Result<std::vector<std::vector<std::string>>> ParseCsvRecords(std::string_view text,
                                                              std::string_view source,
                                                              char delimiter = ',');

}  // namespace passend::refdata
