#include "api/search_fold.h"

#include <algorithm>

namespace passend::api {
namespace {

bool Separates(uint32_t cp) {
  if (cp < 0x80)
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  const auto* end = search_fold::kSeparators + search_fold::kSeparatorCount;
  const auto* it =
      std::upper_bound(search_fold::kSeparators, end, cp,
                       [](uint32_t c, const search_fold::Range& r) { return c < r.first; });
  return it != search_fold::kSeparators && cp <= (it - 1)->last;
}

uint32_t Folded(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
  const auto* end = search_fold::kFolds + search_fold::kFoldCount;
  const auto* it =
      std::lower_bound(search_fold::kFolds, end, cp,
                       [](const search_fold::Fold& f, uint32_t c) { return f.from < c; });
  return it != end && it->from == cp ? it->to : cp;
}

void Append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;  // a word of only combining marks is still a word (an empty one)
  size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    uint32_t cp = b;
    size_t n = 1;
    if (b >= 0xC0) {
      n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      if (i + n > text.size()) n = 1;
      for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = 1;
      if (n > 1) {
        cp = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < n; ++k)
          cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
    }
    if (n == 1 && b >= 0x80) {  // a stray byte: kept as it is, a letter
      word += static_cast<char>(b);
      in_word = true;
    } else if (Separates(cp)) {
      if (in_word && !word.empty()) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      const uint32_t f = Folded(cp);
      if (f != 0) Append(word, f);
      in_word = true;
    }
    i += n;
  }
  if (in_word && !word.empty()) words.push_back(word);
  return words;
}

}  // namespace passend::api
