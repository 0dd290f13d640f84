#pragma once
// SqlQuery: a SELECT assembled from optional filters, with its parameters kept beside
// the text so they are always bound, never spliced in. Used for the filtered lists.
#include <string>
#include <variant>
#include <vector>

#include "domain/error.h"
#include "store/page.h"
#include "store/sqlite/connection.h"

namespace passend::store::sqlite {

class SqlQuery {
 public:
  explicit SqlQuery(std::string select) : sql_(std::move(select)) {}

  // Adds "AND <condition>"; each '?' in it takes the next parameter.
  void Where(const std::string& condition, std::vector<std::string> params = {});
  // The same with numbers (so the text, the statement cache's key, stays the same).
  void WhereNumbers(const std::string& condition, const std::vector<double>& params);
  // "AND <column> IN (?,?,...)" for a non-empty list.
  void WhereIn(const std::string& column, const std::vector<std::string>& values);
  // Keyset paging on `id_column`: id > after, ordered, one row more than the limit to
  // learn whether another page follows.
  void Page(const std::string& id_column, const PageRequest& page);
  // "ORDER BY <columns>" without paging, for full scans.
  void OrderBy(const std::string& columns) { tail_ = " ORDER BY " + columns; }

  Result<Statement> Prepare(Connection& conn) const;
  int limit() const { return limit_; }

 private:
  std::string sql_;
  std::string where_;
  std::string tail_;
  std::vector<std::variant<std::string, int64_t, double>> params_;
  int limit_ = 0;
};

// Runs a query made with SqlQuery::Page and converts each row with `read` (returning T or
// Result<T>); the extra row beyond the limit only sets next_after. Records need an `id`.
template <typename T, typename ReadFn>
Result<Page<T>> ReadPage(Connection& c, const SqlQuery& q, ReadFn read) {
  PASSEND_ASSIGN_OR_RETURN(Statement st, q.Prepare(c));
  Page<T> page;
  while (true) {
    PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == q.limit()) {
      page.next_after = page.items.back().id;
      break;
    }
    PASSEND_ASSIGN_OR_RETURN(T item, Result<T>(read(st)));
    page.items.push_back(std::move(item));
  }
  return page;
}

// Clamps a page request to 1..500 records.
int ClampLimit(int limit);

}  // namespace passend::store::sqlite
