#pragma once
// Distances for matching: points and boxes in radians, the exact great-circle distance
// (the same haversine as domain::DistanceKm, with the cosine of the latitude kept) and a
// rigorous lower bound on the distance between two boxes, used to skip groups of offers.
// Pure functions on values; thread-safe.
#include <algorithm>
#include <cmath>

#include "domain/geo.h"

namespace passend::match {

inline constexpr double kEarthRadiusKm = 6371.0088;
inline constexpr double kRadPerDeg = M_PI / 180.0;

struct RadPoint {
  double lat = 0, lon = 0, cos_lat = 1;  // radians
  static RadPoint From(domain::GeoPoint p) {
    return {p.lat * kRadPerDeg, p.lon * kRadPerDeg, std::cos(p.lat * kRadPerDeg)};
  }
};

// Exact distance between two points, in km.
inline double DistanceKm(const RadPoint& a, const RadPoint& b) {
  const double sl = std::sin((b.lat - a.lat) / 2), so = std::sin((b.lon - a.lon) / 2);
  const double s = sl * sl + a.cos_lat * b.cos_lat * so * so;
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(s < 1 ? s : 1));
}

// A latitude/longitude box in radians (northern hemisphere, as the Netherlands).
struct BoxRad {
  double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;
  static BoxRad Of(const RadPoint& p) { return {p.lat, p.lat, p.lon, p.lon}; }
  void Extend(const BoxRad& o) {
    min_lat = std::min(min_lat, o.min_lat), max_lat = std::max(max_lat, o.max_lat);
    min_lon = std::min(min_lon, o.min_lon), max_lon = std::max(max_lon, o.max_lon);
  }
};

// A lower bound on the distance between any point of `a` and any point of `b`. From the
// haversine: hav(d) = hav(dlat) + cos(lat1)cos(lat2)hav(dlon) >= hav(min dlat) +
// cos^2(max lat) hav(min dlon). A small slack absorbs rounding, so the bound never
// exceeds the exact DistanceKm of two points inside the boxes.
inline double MinDistanceKm(const BoxRad& a, const BoxRad& b) {
  const double dlat = std::max({0.0, b.min_lat - a.max_lat, a.min_lat - b.max_lat});
  const double dlon = std::max({0.0, b.min_lon - a.max_lon, a.min_lon - b.max_lon});
  if (dlat == 0 && dlon == 0) return 0;
  const double c = std::cos(std::max(a.max_lat, b.max_lat));
  const double sl = std::sin(dlat / 2), so = std::sin(dlon / 2);
  const double s = sl * sl + c * c * so * so;
  const double d = 2 * kEarthRadiusKm * std::asin(std::sqrt(s < 1 ? s : 1));
  return std::max(0.0, d * (1 - 1e-9) - 1e-6);
}

}  // namespace passend::match
