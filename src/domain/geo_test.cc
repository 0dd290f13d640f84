#include "domain/geo.h"

#include <gtest/gtest.h>

namespace passend::domain {
namespace {

TEST(GeoTest, DistanceMaastrichtHeerlen) {
  // Centroids from data/municipalities.csv; about 19 km apart as the crow flies.
  GeoPoint maastricht{50.85403, 5.70002}, heerlen{50.89413, 5.97018};
  EXPECT_NEAR(DistanceKm(maastricht, heerlen), 19.4, 0.5);
  EXPECT_DOUBLE_EQ(DistanceKm(heerlen, heerlen), 0);
  EXPECT_DOUBLE_EQ(DistanceKm(maastricht, heerlen), DistanceKm(heerlen, maastricht));
}

TEST(GeoTest, NetherlandsBox) {
  EXPECT_TRUE(InNetherlands({52.37, 4.89}));   // Amsterdam
  EXPECT_FALSE(InNetherlands({4.89, 52.37}));  // swapped
  EXPECT_FALSE(InNetherlands({48.85, 2.35}));  // Paris
}

}  // namespace
}  // namespace passend::domain
