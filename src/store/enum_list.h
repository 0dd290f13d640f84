#pragma once
// Short closed lists of enum names stored as one comma-separated column ("vpt,mpt,pgb").
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/vocabulary.h"

namespace passend::store {

template <typename E>
std::string JoinEnums(const std::vector<E>& v) {
  std::string out;
  for (E e : v) {
    if (!out.empty()) out += ',';
    out += domain::ToString(e);
  }
  return out;
}

// Splits and parses; an unknown name means the database was written by something else.
template <typename E, typename ParseFn>
Result<std::vector<E>> SplitEnums(std::string_view s, ParseFn parse) {
  std::vector<E> out;
  while (!s.empty()) {
    const size_t comma = s.find(',');
    const std::string_view part = s.substr(0, comma);
    auto e = parse(part);
    if (!e) return Internal("Onbekende waarde in database: '" + std::string(part) + "'");
    out.push_back(*e);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace passend::store
