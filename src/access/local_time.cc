#include "access/local_time.h"

#include <date/tz.h>

#include <array>
#include <cstdio>

namespace passend::access {

std::string FormatAmsterdam(Time t) {
  static constexpr std::array<const char*, 12> kMonths = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  static const date::time_zone* const zone = date::locate_zone("Europe/Amsterdam");
  const date::local_seconds local = zone->to_local(t);
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()));
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year())) + " om " + hm;
}

}  // namespace passend::access
