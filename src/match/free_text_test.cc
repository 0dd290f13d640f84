#include "match/free_text.h"

#include <gtest/gtest.h>

#include "refdata/refdata.h"

namespace passend::embedded {
std::string_view kenmerk_synoniemen_csv();
}  // namespace passend::embedded

namespace passend::match {
namespace {

std::vector<std::string> Ids(const FreeTextSuggester& s, std::string_view text) {
  std::vector<std::string> ids;
  for (uint32_t f : s.Suggest(text)) ids.push_back(refdata::BuiltIn().features()[f].id);
  return ids;
}

TEST(FreeTextTest, NormalisesCaseDiacriticsAndSeparators) {
  EXPECT_EQ(NormaliseNl("Om ZES uur, met spek & eieren!"), " om zes uur met spek eieren ");
  EXPECT_EQ(NormaliseNl("Café — Ëlla's"), " cafe ellas ");
  EXPECT_EQ(NormaliseNl(""), " ");
}

TEST(FreeTextTest, OwnWordsSuggestFeaturesToConfirm) {
  auto s = FreeTextSuggester::BuiltIn(refdata::BuiltIn());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_EQ(Ids(*s, "Om zes uur ontbijten, met spek en eieren zoals op de boerderij"),
            (std::vector<std::string>{"zorgboerderij", "vroeg_ontbijt"}));  // vocabulary order
  EXPECT_EQ(Ids(*s, "Mijn KAT Minoes moet mee"), (std::vector<std::string>{"huisdier_toegestaan"}));
  // Whole words only: "katholiek" is not "kat".
  EXPECT_EQ(Ids(*s, "katholiek"), (std::vector<std::string>{"katholieke_identiteit"}));
  EXPECT_TRUE(Ids(*s, "iets heel anders").empty());
}

TEST(FreeTextTest, BuiltInTableNamesOnlyKnownFeatures) {
  std::vector<std::string> unknown;
  auto s =
      FreeTextSuggester::Parse(embedded::kenmerk_synoniemen_csv(), refdata::BuiltIn(), &unknown);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(unknown.empty()) << unknown.front();
  EXPECT_FALSE(FreeTextSuggester::Parse("woorden\nkat\n", refdata::BuiltIn()).ok());
}

}  // namespace
}  // namespace passend::match
