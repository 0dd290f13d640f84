#pragma once
// SqlQuery: a SELECT assembled from optional filters, with its parameters kept beside
// the text so they are always bound ($1, $2, ...), never spliced in. The PostgreSQL twin
// of store/sqlite/sql_query.h, used for the filtered lists.
#include <string>
#include <vector>

#include "domain/error.h"
#include "store/page.h"
#include "store/postgres/connection.h"

namespace passend::store::postgres {

class SqlQuery {
 public:
  explicit SqlQuery(std::string select) : sql_(std::move(select)) {}

  // Adds "AND <condition>"; each '?' in it takes the next parameter.
  void Where(const std::string& condition, std::vector<std::string> params = {});
  // "AND <column> = ANY(?)" for a non-empty list (one array parameter).
  void WhereIn(const std::string& column, const std::vector<std::string>& values);
  // Keyset paging on `id_column`: id > after, ordered, one row more than the limit to
  // learn whether another page follows.
  void Page(const std::string& id_column, const PageRequest& page);
  // "ORDER BY <columns>" without paging, for full scans.
  void OrderBy(const std::string& columns) { tail_ = " ORDER BY " + columns; }

  std::string sql() const { return sql_ + where_ + tail_; }
  const std::vector<Param>& params() const { return params_; }
  Result<Rows> Run(Connection& conn) const { return conn.Query(sql(), params_); }
  int limit() const { return limit_; }

 private:
  // Replaces each '?' in `condition` by the next $n.
  std::string Number(const std::string& condition, size_t count);

  std::string sql_;
  std::string where_;
  std::string tail_;
  std::vector<Param> params_;
  int limit_ = 0;
};

// A text[] parameter in PostgreSQL's array syntax, every element quoted.
Param TextArray(const std::vector<std::string>& values);
// A float8[] parameter; nullopt elements are NULL.
Param DoubleArray(const std::vector<std::optional<double>>& values);

// Runs a query made with SqlQuery::Page and converts each row with `read` (returning T or
// Result<T>); the extra row beyond the limit only sets next_after. Records need an `id`.
template <typename T, typename ReadFn>
Result<Page<T>> ReadPage(Connection& c, const SqlQuery& q, ReadFn read) {
  PASSEND_ASSIGN_OR_RETURN(Rows rows, q.Run(c));
  Page<T> page;
  for (Rows::Row row : rows) {
    if (static_cast<int>(page.items.size()) == q.limit()) {
      page.next_after = page.items.back().id;
      break;
    }
    PASSEND_ASSIGN_OR_RETURN(T item, Result<T>(read(row)));
    page.items.push_back(std::move(item));
  }
  return page;
}

}  // namespace passend::store::postgres
