#include "domain/vocabulary.h"

#include <gtest/gtest.h>

namespace passend::domain {
namespace {

TEST(VocabularyTest, NamesRoundTrip) {
  for (OfferKind k : kAllOfferKinds) EXPECT_EQ(ParseOfferKind(ToString(k)), k);
  for (DeliveryForm f : kAllDeliveryForms) EXPECT_EQ(ParseDeliveryForm(ToString(f)), f);
  for (Importance i : kAllImportances) EXPECT_EQ(ParseImportance(ToString(i)), i);
  for (Sector s : kAllSectors) EXPECT_EQ(ParseSector(ToString(s)), s);
}

TEST(VocabularyTest, UnknownNamesAreRejected) {
  EXPECT_FALSE(ParseOfferKind("hotel"));
  EXPECT_FALSE(ParseDeliveryForm("PGB"));  // wire names are lowercase
  EXPECT_FALSE(ParseSector(""));
}

}  // namespace
}  // namespace passend::domain
