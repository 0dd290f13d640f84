#pragma once
// The catalogue search's words as SQLite's FTS5 tokenizer `unicode61 remove_diacritics 2`
// makes them (store/sqlite/migrations/0012_offer_search.sql): runs of letters and digits,
// lower case, diacritics off ("Cliënten" is "clienten"). The table of the Basic
// Multilingual Plane is read from SQLite itself (scripts/gen-search-fold.py); characters
// beyond it count as letters as they are. Pure functions; safe from any thread.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace passend::api {

namespace search_fold {
struct Range {
  uint32_t first, last;
};
struct Fold {
  uint32_t from, to;  // to 0: the character is dropped (a combining mark)
};
extern const Range kSeparators[];  // sorted, disjoint
extern const size_t kSeparatorCount;
extern const Fold kFolds[];  // sorted by `from`
extern const size_t kFoldCount;
}  // namespace search_fold

// The folded words of `text`, in order (repeats kept). Invalid UTF-8 bytes count as
// letters of their own, as they do nothing sensible in either backend.
std::vector<std::string> FoldedWords(std::string_view text);

}  // namespace passend::api
