#include "store/postgres/sql_query.h"

#include <algorithm>

namespace passend::store::postgres {

Param TextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char ch : values[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  out += '}';
  return out;
}

Param DoubleArray(const std::vector<std::optional<double>>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += values[i] ? *P(*values[i]) : "NULL";
  }
  out += '}';
  return out;
}

std::string SqlQuery::Number(const std::string& condition, size_t count) {
  std::string out;
  size_t n = params_.size() - count;
  for (char ch : condition) {
    if (ch == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out += ch;
    }
  }
  return out;
}

void SqlQuery::Where(const std::string& condition, std::vector<std::string> params) {
  const size_t count = params.size();
  for (auto& p : params) params_.emplace_back(std::move(p));
  where_ += where_.empty() ? " WHERE " : " AND ";
  where_ += Number(condition, count);
}

void SqlQuery::WhereIn(const std::string& column, const std::vector<std::string>& values) {
  if (values.empty()) return;
  params_.push_back(TextArray(values));
  where_ += where_.empty() ? " WHERE " : " AND ";
  where_ += column + " = ANY($" + std::to_string(params_.size()) + "::text[])";
}

void SqlQuery::Page(const std::string& id_column, const PageRequest& page) {
  if (!page.after.empty()) Where(id_column + " > ?", {page.after});
  limit_ = std::clamp(page.limit, 1, 500);
  params_.push_back(P(static_cast<int64_t>(limit_) + 1));
  tail_ = " ORDER BY " + id_column + " LIMIT $" + std::to_string(params_.size());
}

}  // namespace passend::store::postgres
