// The trigonometry-free distance bounds never cross the exact distance.
#include "match/geometry.h"

#include <gtest/gtest.h>

#include "match/test_catalog.h"

namespace passend::match {
namespace {

TEST(GeometryTest, BoundsEncloseTheExactDistance) {
  testing::Rng rng(7);
  for (int i = 0; i < 200000; ++i) {
    // Pairs from the same spot to across the country, some on the same latitude/longitude.
    const double spread = i % 3 == 0 ? 0.001 : i % 3 == 1 ? 0.3 : 3.0;
    const domain::GeoPoint ga{50.7 + rng.Unit() * 3, 3.3 + rng.Unit() * 4};
    domain::GeoPoint gb{ga.lat + (rng.Unit() - 0.5) * spread, ga.lon + (rng.Unit() - 0.5) * spread};
    if (i % 7 == 0) gb.lat = ga.lat;
    if (i % 11 == 0) gb.lon = ga.lon;
    const RadPoint a = RadPoint::From(ga), b = RadPoint::From(gb);
    const double d = DistanceKm(a, b);
    const KmRange r = DistanceRangeKm(a, b);
    ASSERT_LE(r.lo, d) << i;
    ASSERT_GE(r.hi, d) << i;
    ASSERT_LT(r.hi - r.lo, 1e-3 + d * 1e-3) << i;  // and they are tight
    BoxRad box = BoxRad::Of(b);
    box.Extend(BoxRad::Of(RadPoint::From({gb.lat + 0.01, gb.lon + 0.02})));
    ASSERT_LE(MinDistanceKm(BoxRad::Of(a), box), d) << i;
    ASSERT_LE(MinDistanceKm(BoxRad::Of(a), BoxRad::Of(b)), d) << i;
  }
}

}  // namespace
}  // namespace passend::match
