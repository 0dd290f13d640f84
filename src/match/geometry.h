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

// Rigorous lower bounds from the Taylor series: sin(y) >= y - y^3/6 for y >= 0, and
// cos(x) >= 1 - x^2/2 + x^4/24 - x^6/720 for every x. They let the bounds below avoid
// trigonometry; asin(y) >= y and asin(y) <= y / sqrt(1 - y^2) do the rest.
inline double SinLower(double y) { return std::max(0.0, y - y * y * y / 6); }
inline double CosLower(double x) {
  const double x2 = x * x;
  return std::max(0.0, 1 - x2 / 2 + x2 * x2 / 24 - x2 * x2 * x2 / 720);
}

// A lower bound on the distance between any point of `a` and any point of `b`. From the
// haversine: hav(d) = hav(dlat) + cos(lat1)cos(lat2)hav(dlon) >= hav(min dlat) +
// cos^2(max lat) hav(min dlon). A small slack absorbs rounding, so the bound never
// exceeds the exact DistanceKm of two points inside the boxes.
inline double MinDistanceKm(const BoxRad& a, const BoxRad& b) {
  const double dlat = std::max({0.0, b.min_lat - a.max_lat, a.min_lat - b.max_lat});
  const double dlon = std::max({0.0, b.min_lon - a.max_lon, a.min_lon - b.max_lon});
  if (dlat == 0 && dlon == 0) return 0;
  const double c = CosLower(std::max(a.max_lat, b.max_lat));
  const double sl = SinLower(dlat / 2), so = SinLower(dlon / 2);
  const double s = sl * sl + c * c * so * so;
  const double d = 2 * kEarthRadiusKm * std::sqrt(s < 1 ? s : 1);
  return std::max(0.0, d * (1 - 1e-9) - 1e-6);
}

// Bounds lo <= DistanceKm(a, b) <= hi (as computed, rounding included) without
// trigonometry: the exact distance is only needed when a threshold lies in between.
struct KmRange {
  double lo, hi;
};
inline KmRange DistanceRangeKm(const RadPoint& a, const RadPoint& b) {
  const double y1 = std::abs(b.lat - a.lat) / 2, y2 = std::abs(b.lon - a.lon) / 2;
  const double cc = a.cos_lat * b.cos_lat;
  const double s_hi = y1 * y1 + cc * y2 * y2;
  const double l1 = SinLower(y1), l2 = SinLower(y2);
  const double s_lo = l1 * l1 + cc * l2 * l2;
  KmRange r;
  r.lo = std::max(0.0, 2 * kEarthRadiusKm * std::sqrt(s_lo < 1 ? s_lo : 1) * (1 - 1e-9) - 1e-9);
  r.hi = s_hi < 0.5 ? 2 * kEarthRadiusKm * std::sqrt(s_hi / (1 - s_hi)) * (1 + 1e-9) + 1e-9
                    : 2 * kEarthRadiusKm * M_PI;
  return r;
}

// DistanceKm(a, b) > km, exactly; the exact distance only when the bounds do not decide.
inline bool FartherThanKm(const RadPoint& a, const RadPoint& b, double km) {
  const KmRange r = DistanceRangeKm(a, b);
  if (r.hi <= km) return false;
  if (r.lo > km) return true;
  return DistanceKm(a, b) > km;
}

}  // namespace passend::match
