#include "domain/vocabulary.h"

#include <gtest/gtest.h>

namespace passend::domain {
namespace {

TEST(VocabularyTest, NamesRoundTrip) {
  for (OfferKind k : kAllOfferKinds) EXPECT_EQ(ParseOfferKind(ToString(k)), k);
  for (DeliveryForm f : kAllDeliveryForms) EXPECT_EQ(ParseDeliveryForm(ToString(f)), f);
  for (Importance i : kAllImportances) EXPECT_EQ(ParseImportance(ToString(i)), i);
  for (Sector s : kAllSectors) EXPECT_EQ(ParseSector(ToString(s)), s);
  for (IndicationStatus i : kAllIndicationStatuses)
    EXPECT_EQ(ParseIndicationStatus(ToString(i)), i);
  for (CareStatus c : kAllCareStatuses) EXPECT_EQ(ParseCareStatus(ToString(c)), c);
  for (LifeDomain d : kAllLifeDomains) EXPECT_EQ(ParseLifeDomain(ToString(d)), d);
  for (FeatureKind k : kAllFeatureKinds) EXPECT_EQ(ParseFeatureKind(ToString(k)), k);
  for (PlaceKind k : kAllPlaceKinds) EXPECT_EQ(ParsePlaceKind(ToString(k)), k);
}

// The kAll* lists hold every value once, in declaration order, and nothing has a wire name
// after the last (ToString answers "?" for a value it does not know): the OpenAPI document
// takes its enum lists from them, so a value missing from a list would be missing there.
template <typename E, size_t N>
void ExpectComplete(const E (&all)[N]) {
  for (size_t i = 0; i < N; ++i) EXPECT_EQ(static_cast<size_t>(all[i]), i);
  EXPECT_EQ(ToString(static_cast<E>(N)), "?") << "a value after the last of its kAll list";
}

TEST(VocabularyTest, AllListsAreComplete) {
  ExpectComplete(kAllOfferKinds);
  ExpectComplete(kAllDeliveryForms);
  ExpectComplete(kAllImportances);
  ExpectComplete(kAllSectors);
  ExpectComplete(kAllIndicationStatuses);
  ExpectComplete(kAllCareStatuses);
  ExpectComplete(kAllLifeDomains);
  ExpectComplete(kAllFeatureKinds);
  ExpectComplete(kAllPlaceKinds);
}

TEST(VocabularyTest, UnknownNamesAreRejected) {
  EXPECT_FALSE(ParseOfferKind("hotel"));
  EXPECT_FALSE(ParseDeliveryForm("PGB"));  // wire names are lowercase
  EXPECT_FALSE(ParseSector(""));
  EXPECT_FALSE(ParseCareStatus("waiting"));  // a waiting client has one of the four statuses
}

}  // namespace
}  // namespace passend::domain
