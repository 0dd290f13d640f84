#include "domain/record_id.h"

#include <cstdio>
#include <random>

namespace passend::domain {

std::string NewRecordId(std::string_view prefix) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return std::string(prefix) + "-" + buf;
}

}  // namespace passend::domain
