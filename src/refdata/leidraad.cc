#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "domain/validation.h"
#include "refdata/csv.h"
#include "refdata/refdata.h"

namespace passend::embedded {
std::string_view leidraad_domeinen_csv();
std::string_view leidraad_csv();
}  // namespace passend::embedded

namespace passend::refdata {
namespace {

Result<int> Column(const CsvTable& t, const char* name, std::string_view source) {
  const int c = t.Column(name);
  if (c < 0) return InvalidArgument(std::string(source) + ": kolom '" + name + "' ontbreekt");
  return c;
}

}  // namespace

Result<domain::Guideline> ParseLeidraad(std::string_view domains_csv,
                                        std::string_view questions_csv) {
  PASSEND_ASSIGN_OR_RETURN(CsvTable domains, ParseCsv(domains_csv, "leidraad_domeinen.csv"));
  PASSEND_ASSIGN_OR_RETURN(CsvTable questions, ParseCsv(questions_csv, "leidraad.csv"));
  domain::Guideline g;
  {
    constexpr std::string_view src = "leidraad_domeinen.csv";
    PASSEND_ASSIGN_OR_RETURN(int d, Column(domains, "domain", src));
    PASSEND_ASSIGN_OR_RETURN(int tn, Column(domains, "title_nl", src));
    PASSEND_ASSIGN_OR_RETURN(int te, Column(domains, "title_en", src));
    PASSEND_ASSIGN_OR_RETURN(int in, Column(domains, "intro_nl", src));
    PASSEND_ASSIGN_OR_RETURN(int ie, Column(domains, "intro_en", src));
    for (const auto& row : domains.rows) {
      auto life = domain::ParseLifeDomain(row[d]);
      if (!life)
        return InvalidArgument(std::string(src) + ": onbekend levensdomein '" + row[d] + "'");
      g.domains.push_back({*life, row[tn], row[te], row[in], row[ie], {}});
    }
  }
  constexpr std::string_view src = "leidraad.csv";
  PASSEND_ASSIGN_OR_RETURN(int d, Column(questions, "domain", src));
  PASSEND_ASSIGN_OR_RETURN(int id, Column(questions, "id", src));
  PASSEND_ASSIGN_OR_RETURN(int qn, Column(questions, "question_nl", src));
  PASSEND_ASSIGN_OR_RETURN(int qe, Column(questions, "question_en", src));
  PASSEND_ASSIGN_OR_RETURN(int fs, Column(questions, "features", src));
  for (const auto& row : questions.rows) {
    auto life = domain::ParseLifeDomain(row[d]);
    domain::GuidelineDomain* into = nullptr;
    for (auto& gd : g.domains)
      if (life && gd.domain == *life) into = &gd;
    if (into == nullptr)
      return InvalidArgument(std::string(src) + ": vraag " + row[id] +
                             " hoort bij een domein dat leidraad_domeinen.csv niet heeft");
    domain::GuidelineQuestion q{row[id], row[qn], row[qe], {}};
    std::istringstream features(row[fs]);
    for (std::string f; features >> f;) q.feature_ids.push_back(f);
    into->questions.push_back(std::move(q));
  }
  return g;
}

const domain::Guideline& BuiltInLeidraad() {
  static const domain::Guideline* data = [] {
    auto parsed = ParseLeidraad(embedded::leidraad_domeinen_csv(), embedded::leidraad_csv());
    Status valid = parsed.ok() ? domain::ValidateGuideline(*parsed, BuiltIn()) : parsed.error();
    if (!valid.ok()) {
      std::fprintf(stderr, "ingebouwde leidraad ongeldig: %s\n", valid.error().ToString().c_str());
      std::abort();
    }
    return new domain::Guideline(std::move(parsed).value());
  }();
  return *data;
}

}  // namespace passend::refdata
