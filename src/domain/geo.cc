#include "domain/geo.h"

namespace passend::domain {

double DistanceKm(GeoPoint a, GeoPoint b) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double s =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(s < 1 ? s : 1));
}

bool InNetherlands(GeoPoint p) {
  return p.lat >= 50.7 && p.lat <= 53.6 && p.lon >= 3.3 && p.lon <= 7.3;
}

}  // namespace passend::domain
