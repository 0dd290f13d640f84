#pragma once
// WGS84 points and great-circle distances in kilometres.
#include <cmath>

namespace passend::domain {

struct GeoPoint {
  double lat = 0;  // degrees north
  double lon = 0;  // degrees east
  bool operator==(const GeoPoint&) const = default;
};

// Haversine distance in km on a sphere of radius 6371.0088 km (the mean Earth radius);
// within the Netherlands the error against the ellipsoid is well under 0.5%.
double DistanceKm(GeoPoint a, GeoPoint b);

// True when `p` lies in a generous bounding box around the European Netherlands
// (50.7..53.6 N, 3.3..7.3 E). Used to reject swapped or foreign coordinates on input.
bool InNetherlands(GeoPoint p);

}  // namespace passend::domain
