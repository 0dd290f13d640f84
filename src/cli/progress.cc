#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/command.h"

namespace passend::cli {

void Progress(const std::string& task, int64_t done, int64_t total) {
  // At most a few lines a second; always the last one.
  using Clock = std::chrono::steady_clock;
  static Clock::time_point last{};
  const auto now = Clock::now();
  if (done != total && now - last < std::chrono::milliseconds(500)) return;
  last = now;
  const int pct = total > 0 ? static_cast<int>(done * 100 / total) : 100;
  std::fprintf(stderr, "%s: %lld/%lld (%d%%)\n", task.c_str(), static_cast<long long>(done),
               static_cast<long long>(total), pct);
}

}  // namespace passend::cli
