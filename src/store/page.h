#pragma once
// Keyset paging shared by every list in the stores: ordered by id, resumed after the
// last id seen. The cursor is opaque to API clients (see api/), so no row numbers leak.
#include <string>
#include <vector>

namespace passend::store {

struct PageRequest {
  std::string after;  // return records with id > after; empty: from the start
  int limit = 50;     // 1..500
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_after;  // id to resume after; empty when this was the last page
};

}  // namespace passend::store
