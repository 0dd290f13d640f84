#pragma once
// Numbers written for people, the Dutch way: a decimal comma and a point between thousands
// ("12.345,6"), "36,8%", "12,8 km", "(0,3 s)", "1 week" / "2 weken". For command-line
// text, reports and the CSV files people open; JSON for machines keeps its own format.
// Pure functions, safe from any thread.
#include <cstdint>
#include <string>
#include <string_view>

namespace passend::domain {

// Whether thousands get a point. CSV cells leave it out: Dutch Excel reads "8000" and
// "0,25" as numbers and shows them its own way, while "8.000" is ambiguous to any other
// program that opens the file.
enum class Thousands { kPoint, kNone };

// `v` with `decimals` digits after the comma: NumberNl(12345.64, 1) == "12.345,6".
std::string NumberNl(double v, int decimals, Thousands t = Thousands::kPoint);

// A whole number: IntegerNl(8000) == "8.000".
std::string IntegerNl(int64_t n, Thousands t = Thousands::kPoint);

// A number as short as it can be said: no decimals when whole ("3"), else one ("2,5").
std::string ShortNumberNl(double v);

// A count with its noun: CountNl(1, "week", "weken") == "1 week", CountNl(8000, "cliënt",
// "cliënten") == "8.000 cliënten".
std::string CountNl(int64_t n, std::string_view one, std::string_view many);

std::string PercentNl(double percent, int decimals = 1);  // "36,8%"
std::string KmNl(double km);                              // "12,8 km"
std::string SecondsNl(double seconds);                    // "0,3 s"

}  // namespace passend::domain
