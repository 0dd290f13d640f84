#include "store/copy_database.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace passend::store {
namespace {

// Sums per-row digests: two 64-bit lanes of each row's SHA-256, added without carry
// between them, so the order of the rows does not matter and a changed, lost or extra
// row changes the sum.
class RowSum {
 public:
  void Add(const Row& row) {
    buf_.clear();
    for (const Value& v : row) {
      if (std::holds_alternative<std::monostate>(v)) {
        buf_ += 'n';
      } else if (const auto* i = std::get_if<int64_t>(&v)) {
        buf_ += 'i';
        buf_.append(reinterpret_cast<const char*>(i), sizeof *i);
      } else if (const auto* d = std::get_if<double>(&v)) {
        buf_ += 'd';
        buf_.append(reinterpret_cast<const char*>(d), sizeof *d);
      } else {
        const auto& s = std::get<std::string>(v);
        const uint64_t n = s.size();
        buf_ += 't';
        buf_.append(reinterpret_cast<const char*>(&n), sizeof n);
        buf_ += s;
      }
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(buf_.data()), buf_.size());
    uint64_t lanes[2];
    std::memcpy(lanes, digest, sizeof lanes);
    sum_[0] += lanes[0];
    sum_[1] += lanes[1];
    ++rows_;
  }
  int64_t rows() const { return rows_; }
  std::string Hex() const {
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(sum_[0]),
                  static_cast<unsigned long long>(sum_[1]));
    return out;
  }

 private:
  std::string buf_;
  uint64_t sum_[2] = {0, 0};
  int64_t rows_ = 0;
};

Result<TableSum> SumTable(Tables& tables, const TableInfo& t) {
  RowSum sum;
  PASSEND_RETURN_IF_ERROR(tables.Read(t, [&](const Row& r) {
    sum.Add(r);
    return Ok();
  }));
  return TableSum{t.name, sum.rows(), sum.Hex()};
}

// Tables with every table's parents before it; kFailedPrecondition for a cycle.
Result<std::vector<TableInfo>> ParentsFirst(std::vector<TableInfo> tables) {
  std::sort(tables.begin(), tables.end(),
            [](const TableInfo& a, const TableInfo& b) { return a.name < b.name; });
  std::vector<TableInfo> out;
  std::set<std::string> placed;
  while (!tables.empty()) {
    auto ready = std::find_if(tables.begin(), tables.end(), [&](const TableInfo& t) {
      return std::all_of(t.parents.begin(), t.parents.end(),
                         [&](const std::string& p) { return placed.count(p) > 0; });
    });
    if (ready == tables.end())
      return FailedPrecondition("De tabellen verwijzen in een kring naar elkaar");
    placed.insert(ready->name);
    out.push_back(std::move(*ready));
    tables.erase(ready);
  }
  return out;
}

// `row` in the column order of `to`, from a row in the column order of `from`.
std::vector<size_t> ColumnMap(const TableInfo& from, const TableInfo& to) {
  std::vector<size_t> map;
  for (const auto& c : to.columns)
    map.push_back(static_cast<size_t>(std::find(from.columns.begin(), from.columns.end(), c) -
                                      from.columns.begin()));
  return map;
}

}  // namespace

Result<std::vector<TableSum>> SumTables(Tables& db) {
  PASSEND_ASSIGN_OR_RETURN(std::vector<TableInfo> tables, db.List());
  std::sort(tables.begin(), tables.end(),
            [](const TableInfo& a, const TableInfo& b) { return a.name < b.name; });
  std::vector<TableSum> out;
  for (const auto& t : tables) {
    PASSEND_ASSIGN_OR_RETURN(TableSum s, SumTable(db, t));
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<TableCopy>> CopyDatabase(DatabaseWithTables& from_db, DatabaseWithTables& to_db,
                                            const CopyProgressFn& progress) {
  Tables& from = *from_db.tables;
  Tables& to = *to_db.tables;
  PASSEND_ASSIGN_OR_RETURN(int from_version, from_db.db->SchemaVersion());
  PASSEND_ASSIGN_OR_RETURN(int to_version, to_db.db->SchemaVersion());
  if (from_version != to_version)
    return FailedPrecondition("Bron en doel hebben een andere schemaversie (" +
                              std::to_string(from_version) + " en " + std::to_string(to_version) +
                              ")");
  PASSEND_ASSIGN_OR_RETURN(std::vector<TableInfo> source, from.List());
  PASSEND_ASSIGN_OR_RETURN(std::vector<TableInfo> target_list, to.List());
  std::map<std::string, TableInfo> target;
  for (auto& t : target_list) target.emplace(t.name, std::move(t));
  if (target.size() != source.size())
    return FailedPrecondition("Bron en doel hebben niet dezelfde tabellen");
  for (const auto& t : source) {
    auto it = target.find(t.name);
    if (it == target.end() || std::set(t.columns.begin(), t.columns.end()) !=
                                  std::set(it->second.columns.begin(), it->second.columns.end()))
      return FailedPrecondition("Tabel " + t.name + " is in bron en doel niet gelijk");
    PASSEND_ASSIGN_OR_RETURN(int64_t rows, to.Count(it->second));
    if (rows > 0)
      return FailedPrecondition("Het doel bevat al gegevens (tabel " + t.name +
                                "); migreer naar een lege database");
  }
  PASSEND_ASSIGN_OR_RETURN(std::vector<TableInfo> ordered, ParentsFirst(source));

  std::vector<TableCopy> report;
  PASSEND_RETURN_IF_ERROR(to_db.db->InTransaction([&]() -> Status {
    for (const TableInfo& t : ordered) {
      const TableInfo& into = target.at(t.name);
      const std::vector<size_t> map = ColumnMap(t, into);
      RowSum source_sum;
      Row out(map.size());
      PASSEND_RETURN_IF_ERROR(to.Append(into, [&](const RowSink& put) {
        return from.Read(t, [&](const Row& row) -> Status {
          source_sum.Add(row);
          for (size_t i = 0; i < map.size(); ++i) out[i] = row[map[i]];
          if (progress && source_sum.rows() % 10000 == 0) progress(t.name, source_sum.rows());
          return put(out);
        });
      }));
      if (progress) progress(t.name, source_sum.rows());
      // Summed in the source's column order, read back inside this transaction.
      RowSum target_sum;
      Row back(map.size());
      PASSEND_RETURN_IF_ERROR(to.Read(into, [&](const Row& row) {
        for (size_t i = 0; i < map.size(); ++i) back[map[i]] = row[i];
        target_sum.Add(back);
        return Ok();
      }));
      report.push_back({{t.name, source_sum.rows(), source_sum.Hex()},
                        {t.name, target_sum.rows(), target_sum.Hex()}});
      if (!(report.back().source == report.back().target))
        return Internal("Tabel " + t.name + " is anders aangekomen (" +
                        std::to_string(source_sum.rows()) + " rijen, " +
                        std::to_string(target_sum.rows()) + " aangekomen); niets is geschreven");
    }
    return to.RestartChanges();
  }));
  return report;
}

}  // namespace passend::store
