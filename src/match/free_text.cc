#include "match/free_text.h"

#include <libstemmer.h>

#include <algorithm>
#include <memory>

#include "refdata/csv.h"

namespace passend::embedded {
std::string_view kenmerk_synoniemen_csv();
}  // namespace passend::embedded

namespace passend::match {
namespace {

// The Latin-1 supplement letters (as the second byte after 0xC3 in UTF-8) without their
// accent, lower case; 0 for the others (×, ÷).
char Plain(unsigned char second) {
  static constexpr const char* kUpper = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts";  // 0x80..0x9F
  static constexpr const char* kLower = "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  // 0xA0..0xBF
  if (second >= 0x80 && second <= 0x9F) return kUpper[second - 0x80];
  if (second >= 0xA0 && second <= 0xBF) return kLower[second - 0xA0];
  return 0;
}

// Snowball's Dutch stemmer, one per thread: a stemmer keeps its work buffer between calls.
const sb_symbol* StemWord(std::string_view word) {
  struct Free {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local const std::unique_ptr<sb_stemmer, Free> stemmer(sb_stemmer_new("dutch", "UTF_8"));
  return sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                         static_cast<int>(word.size()));
}

}  // namespace

std::string NormaliseNl(std::string_view text) {
  std::string out = " ";
  auto put = [&](char c) {
    if (c == ' ') {
      if (out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      put(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(static_cast<char>(c));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      const char p = Plain(static_cast<unsigned char>(text[++i]));
      put(p != 0 ? p : ' ');
    } else if (c >= 0x80) {
      // Another multi-byte character: skip its continuation bytes, count it as a separator.
      while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
      put(' ');
    } else if (c == '\'') {
      // "'s avonds" and "s avonds" alike: the apostrophe joins nothing.
    } else {
      put(' ');
    }
  }
  put(' ');
  return out;
}

std::string StemNl(std::string_view normalised) {
  std::string out = " ";
  for (size_t at = 1, next; at < normalised.size(); at = next + 1) {
    next = normalised.find(' ', at);
    if (next == std::string_view::npos || next == at) break;
    const sb_symbol* stem = StemWord(normalised.substr(at, next - at));
    out += stem != nullptr ? reinterpret_cast<const char*>(stem)
                           : std::string(normalised.substr(at, next - at));
    out += ' ';
  }
  return out;
}

Result<FreeTextSuggester> FreeTextSuggester::Parse(std::string_view csv,
                                                   const domain::ReferenceData& ref,
                                                   std::vector<std::string>* unknown) {
  constexpr const char* kSource = "kenmerk_synoniemen.csv";
  PASSEND_ASSIGN_OR_RETURN(refdata::CsvTable t, refdata::ParseCsv(csv, kSource));
  const int feature = t.Column("kenmerk"), words = t.Column("woorden");
  if (feature < 0 || words < 0)
    return InvalidArgument(std::string(kSource) + ": kolommen kenmerk en woorden zijn nodig");
  FreeTextSuggester s;
  for (const auto& row : t.rows) {
    auto f = ref.FeatureIndex(row[feature]);
    if (!f) {
      if (unknown) unknown->push_back(row[feature]);
      continue;
    }
    std::string_view list = row[words];
    while (!list.empty()) {
      const size_t bar = list.find('|');
      const std::string phrase = StemNl(NormaliseNl(list.substr(0, bar)));
      if (phrase.size() > 2) s.phrases_.emplace_back(phrase, *f);
      list = bar == std::string_view::npos ? std::string_view() : list.substr(bar + 1);
    }
  }
  std::sort(s.phrases_.begin(), s.phrases_.end());
  return s;
}

Result<FreeTextSuggester> FreeTextSuggester::BuiltIn(const domain::ReferenceData& ref) {
  return Parse(embedded::kenmerk_synoniemen_csv(), ref);
}

std::vector<uint32_t> FreeTextSuggester::Suggest(std::string_view text) const {
  const std::string norm = StemNl(NormaliseNl(text));
  const std::string_view all = norm;
  std::vector<uint32_t> out;
  // A phrase (" om zes uur ") can only occur where a word of the text begins, and then it
  // begins with that word (" om "): per word, the phrases with that prefix (a range of the
  // sorted table) are compared. The same as searching the text for every phrase, without
  // a search per phrase (~500) in every text.
  for (size_t at = 0, next; at + 1 < all.size(); at = next) {
    next = all.find(' ', at + 1);
    const std::string_view word = all.substr(at, next - at + 1);  // " om "
    auto it = std::lower_bound(
        phrases_.begin(), phrases_.end(), word,
        [](const std::pair<std::string, uint32_t>& p, std::string_view w) { return p.first < w; });
    for (; it != phrases_.end() && it->first.starts_with(word); ++it)
      if (all.substr(at).starts_with(it->first)) out.push_back(it->second);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace passend::match
