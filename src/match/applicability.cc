#include "match/applicability.h"

#include <algorithm>
#include <array>
#include <optional>

#include "refdata/csv.h"

namespace passend::embedded {
std::string_view kenmerk_toepassing_csv();
}  // namespace passend::embedded

namespace passend::match {

Result<Applicability> Applicability::Parse(std::string_view csv, const domain::ReferenceData& ref,
                                           std::vector<std::string>* unknown) {
  constexpr const char* kSource = "kenmerk_toepassing.csv";
  PASSEND_ASSIGN_OR_RETURN(refdata::CsvTable t, refdata::ParseCsv(csv, kSource));
  const int level = t.Column("niveau"), key = t.Column("sleutel");
  std::array<int, 4> col{};
  for (domain::OfferKind k : domain::kAllOfferKinds)
    col[static_cast<int>(k)] = t.Column(domain::ToString(k));
  if (level < 0 || key < 0 || std::find(col.begin(), col.end(), -1) != col.end())
    return InvalidArgument(std::string(kSource) +
                           ": kolommen niveau, sleutel, wonen, dagbesteding, logeren en "
                           "zorg_thuis zijn nodig");
  std::array<std::optional<uint8_t>, std::size(domain::kAllLifeDomains)> by_domain;
  std::vector<std::optional<uint8_t>> by_feature(ref.features().size());
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::string where = std::string(kSource) + " regel " + std::to_string(r + 2);
    uint8_t mask = 0;
    for (domain::OfferKind k : domain::kAllOfferKinds) {
      const std::string& v = row[col[static_cast<int>(k)]];
      if (v != "ja" && v != "nee")
        return InvalidArgument(where + ": 'ja' of 'nee', niet '" + v + "'");
      if (v == "ja") mask |= KindBit(k);
    }
    if (row[level] == "levensdomein") {
      auto d = domain::ParseLifeDomain(row[key]);
      if (!d) return InvalidArgument(where + ": onbekend levensdomein '" + row[key] + "'");
      by_domain[static_cast<int>(*d)] = mask;
    } else if (row[level] == "kenmerk") {
      auto f = ref.FeatureIndex(row[key]);
      if (!f) {
        if (unknown) unknown->push_back(row[key]);
        continue;
      }
      by_feature[*f] = mask;
    } else {
      return InvalidArgument(where + ": niveau is 'levensdomein' of 'kenmerk'");
    }
  }
  Applicability a;
  a.masks_.resize(ref.features().size());
  for (size_t f = 0; f < ref.features().size(); ++f)
    a.masks_[f] = by_feature[f].value_or(
        by_domain[static_cast<int>(ref.features()[f].domain)].value_or(kAllKinds));
  return a;
}

Result<Applicability> Applicability::BuiltIn(const domain::ReferenceData& ref) {
  return Parse(embedded::kenmerk_toepassing_csv(), ref);
}

}  // namespace passend::match
