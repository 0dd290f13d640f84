#include "refdata/csv.h"

namespace passend::refdata {

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

Result<std::vector<std::vector<std::string>>> ParseCsvRecords(std::string_view text,
                                                              std::string_view source,
                                                              char delimiter) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false;
  bool field_started = false;
  size_t line = 1;
  auto end_record = [&] {
    if (field_started || !record.empty()) {
      record.push_back(std::move(field));
      records.push_back(std::move(record));
    }
    record.clear();
    field.clear();
    field_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_quotes = true;
        field_started = true;
        break;
      case '\r': break;
      case '\n':
        end_record();
        ++line;
        break;
      default:
        if (c == delimiter) {
          record.push_back(std::move(field));
          field.clear();
          field_started = true;
        } else {
          field += c;
          field_started = true;
        }
    }
  }
  if (in_quotes) return InvalidArgument(std::string(source) + ": aanhalingsteken niet afgesloten");
  end_record();
  return records;
}

Result<CsvTable> ParseCsv(std::string_view text, std::string_view source) {
  PASSEND_ASSIGN_OR_RETURN(auto records, ParseCsvRecords(text, source, ','));
  if (records.empty()) return InvalidArgument(std::string(source) + ": leeg bestand");
  CsvTable table;
  table.header = std::move(records.front());
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != table.header.size())
      return InvalidArgument(std::string(source) + " regel " + std::to_string(r + 1) + ": " +
                             std::to_string(records[r].size()) + " velden, verwacht " +
                             std::to_string(table.header.size()));
    table.rows.push_back(std::move(records[r]));
  }
  return table;
}

}  // namespace passend::refdata
