#include "domain/dutch_number.h"

#include <cmath>
#include <cstdio>

namespace passend::domain {
namespace {

// Digits "1234567" as "1.234.567".
std::string GroupThousands(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string NumberNl(double v, int decimals, Thousands t) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string s(buf);
  const size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (t == Thousands::kPoint) whole = GroupThousands(whole);
  // No "-0,0": a value that rounds to zero has no sign.
  const bool zero = s.find_first_not_of("0.") == std::string::npos;
  return (v < 0 && !zero ? "-" : "") + whole + (fraction.empty() ? "" : "," + fraction);
}

std::string IntegerNl(int64_t n, Thousands t) {
  const std::string digits = std::to_string(n < 0 ? -static_cast<uint64_t>(n) : n);
  return (n < 0 ? "-" : "") + (t == Thousands::kPoint ? GroupThousands(digits) : digits);
}

std::string ShortNumberNl(double v) {
  const double rounded = std::round(v * 10) / 10;
  return NumberNl(rounded, rounded == std::round(rounded) ? 0 : 1);
}

std::string CountNl(int64_t n, std::string_view one, std::string_view many) {
  return IntegerNl(n) + " " + std::string(n == 1 ? one : many);
}

std::string PercentNl(double percent, int decimals) { return NumberNl(percent, decimals) + "%"; }

std::string KmNl(double km) { return NumberNl(km, 1) + " km"; }

std::string SecondsNl(double seconds) { return NumberNl(seconds, 1) + " s"; }

}  // namespace passend::domain
