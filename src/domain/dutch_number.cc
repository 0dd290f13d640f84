#include "domain/dutch_number.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace passend::domain {
namespace {

// Digits "1234567" as "1.234.567", appended to `out`.
void AppendGroupedThousands(std::string& out, std::string_view digits) {
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += digits[i];
  }
}

std::string GroupThousands(std::string_view digits) {
  std::string out;
  AppendGroupedThousands(out, digits);
  return out;
}

}  // namespace

std::string NumberNl(double v, int decimals, Thousands t) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  size_t len = 0;
  // std::to_chars writes exactly what printf("%.*f") writes in the C locale, without parsing a
  // format or touching the locale (explanations write several numbers per option shown).
  // What does not fit (a number of 60 digits and more) takes printf's way, cut at 63.
  const auto [end, ec] = decimals >= 0 ? std::to_chars(buf, buf + sizeof buf - 1, std::fabs(v),
                                                       std::chars_format::fixed, decimals)
                                       : std::to_chars_result{buf, std::errc::value_too_large};
  if (ec == std::errc()) {
    len = static_cast<size_t>(end - buf);
  } else {
    const int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    len = std::min(static_cast<size_t>(std::max(n, 0)), sizeof buf - 1);
  }
  const std::string_view s(buf, len);
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  // No "-0,0": a value that rounds to zero has no sign.
  const bool zero = s.find_first_not_of("0.") == std::string_view::npos;
  std::string out;
  out.reserve(len + len / 3 + 2);
  if (v < 0 && !zero) out += '-';
  if (t == Thousands::kPoint)
    AppendGroupedThousands(out, whole);
  else
    out += whole;
  if (!fraction.empty()) out += ',', out += fraction;
  return out;
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
