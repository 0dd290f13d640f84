#pragma once
// Times for people: a stored UTC time (timestamp.h) shown as the clock in the Netherlands
// (Europe/Amsterdam, summer and winter time by the rules of the system's time-zone
// database, through Howard Hinnant's date/tz.h), in Dutch: "1 juli 2026 om 12:00".
// Storage, JSON and logs stay UTC. Thread-safe (the tz database is read once).
#include <string>

#include "access/timestamp.h"

namespace passend::access {

std::string FormatAmsterdam(Time t);

}  // namespace passend::access
