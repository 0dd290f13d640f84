#pragma once
// UTC timestamps as the access layer stores them: ISO 8601 with seconds and a "Z"
// ("2026-03-01T09:30:00Z"); fixed width, so text order is time order. Pure functions.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace passend::access {

using Time = std::chrono::sys_seconds;
// Where the access layer reads the time; tests pass a fixed or stepping clock.
using Clock = std::function<Time()>;
Time SystemNow();

std::string FormatUtc(Time t);
// Accepts "YYYY-MM-DDTHH:MM:SSZ" and a plain date "YYYY-MM-DD" (its start, 00:00 UTC).
std::optional<Time> ParseUtc(std::string_view s);

}  // namespace passend::access
