#pragma once
// The guideline (leidraad) for clarifying a client's question (vraagverheldering): per
// life domain of the vocabulary, questions in plain Dutch (B1) and English, each linked to
// the features of the vocabulary an answer can produce. The questions ask what matters to
// the person, never what is on offer; "weet ik nog niet" is an answer everywhere and the
// client's own words are welcome everywhere. Data (data/leidraad*.csv, refdata/), plain
// values; validated by domain::ValidateGuideline.
#include <string>
#include <string_view>
#include <vector>

#include "domain/vocabulary.h"

namespace passend::domain {

// The answer that is always allowed, in both languages.
inline constexpr std::string_view kUnknownAnswerNl = "Weet ik nog niet";
inline constexpr std::string_view kUnknownAnswerEn = "I don't know yet";

struct GuidelineQuestion {
  std::string id;  // stable, snake_case: "wonen_omgeving"
  std::string text_nl;
  std::string text_en;
  std::vector<std::string> feature_ids;  // what an answer can produce (at least one)
};

struct GuidelineDomain {
  LifeDomain domain = LifeDomain::kWonen;
  std::string title_nl, title_en;
  std::string intro_nl, intro_en;
  std::vector<GuidelineQuestion> questions;
};

struct Guideline {
  std::vector<GuidelineDomain> domains;  // in the order of kAllLifeDomains
};

}  // namespace passend::domain
