#pragma once
// Wishes in the client's own words meet the vocabulary: which features a free text may
// mean, from the Dutch keyword and synonym list data/kenmerk_synoniemen.csv ("om zes uur
// ontbijten" -> vroeg_ontbijt). Case, diacritics and inflection do not matter ("Café" is
// "cafe", "katholieke kerken" is "katholiek kerk": Snowball's Dutch stemmer on the words of
// both); a keyword matches whole words. A suggestion is for the client or supporter to confirm; the
// text itself is always kept and never scored by itself. Nothing is downloaded. Immutable
// once built; safe to share between threads.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.h"
#include "domain/reference.h"

namespace passend::match {

// Lower case, diacritics removed (é -> e, ë -> e, ...), every run of other characters than
// letters and digits one space, with one space before and after: " om zes uur ".
std::string NormaliseNl(std::string_view text);
// Every word of a NormaliseNl text by its Dutch stem: " katholieke kerken " -> " katholiek kerk ".
std::string StemNl(std::string_view normalised);

class FreeTextSuggester {
 public:
  // Fails with kInvalidArgument on a malformed table. A row naming a feature the vocabulary
  // does not have is skipped and listed in `unknown`.
  static Result<FreeTextSuggester> Parse(std::string_view csv, const domain::ReferenceData& ref,
                                         std::vector<std::string>* unknown = nullptr);
  // The table compiled into the binary.
  static Result<FreeTextSuggester> BuiltIn(const domain::ReferenceData& ref);

  // The features (indices in ref.features()) a text may mean, each once, in vocabulary order.
  std::vector<uint32_t> Suggest(std::string_view text) const;

 private:
  // The stemmed NormaliseNl(keyword) -> feature, sorted (the phrases beginning with a word are a
  // range).
  std::vector<std::pair<std::string, uint32_t>> phrases_;
};

}  // namespace passend::match
