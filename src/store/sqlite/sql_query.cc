#include "store/sqlite/sql_query.h"

#include <algorithm>

namespace passend::store::sqlite {

int ClampLimit(int limit) { return std::clamp(limit, 1, 500); }

void SqlQuery::Where(const std::string& condition, std::vector<std::string> params) {
  where_ += where_.empty() ? " WHERE " : " AND ";
  where_ += condition;
  for (auto& p : params) params_.emplace_back(std::move(p));
}

void SqlQuery::WhereNumbers(const std::string& condition, const std::vector<double>& params) {
  Where(condition);
  for (double p : params) params_.emplace_back(p);
}

void SqlQuery::WhereIn(const std::string& column, const std::vector<std::string>& values) {
  if (values.empty()) return;
  std::string cond = column + " IN (";
  for (size_t i = 0; i < values.size(); ++i) cond += i ? ",?" : "?";
  cond += ")";
  Where(cond, values);
}

void SqlQuery::Page(const std::string& id_column, const PageRequest& page) {
  if (!page.after.empty()) Where(id_column + " > ?", {page.after});
  limit_ = ClampLimit(page.limit);
  tail_ = " ORDER BY " + id_column + " LIMIT ?";
  params_.emplace_back(static_cast<int64_t>(limit_) + 1);
}

Result<Statement> SqlQuery::Prepare(Connection& conn) const {
  PASSEND_ASSIGN_OR_RETURN(Statement st, conn.Prepare(sql_ + where_ + tail_));
  for (size_t i = 0; i < params_.size(); ++i) {
    const int idx = static_cast<int>(i) + 1;
    std::visit([&](const auto& v) { st.Bind(idx, v); }, params_[i]);
  }
  return st;
}

}  // namespace passend::store::sqlite
