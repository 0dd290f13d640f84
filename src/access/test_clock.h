#pragma once
// A clock for tests: stands still until told to move. Not thread-safe.
#include <memory>

#include "access/timestamp.h"

namespace passend::access {

class TestClock {
 public:
  TestClock() : now_(std::make_shared<Time>(*ParseUtc("2026-03-01T09:00:00Z"))) {}
  Clock fn() const {
    return [now = now_] { return *now; };
  }
  Time now() const { return *now_; }
  void Advance(std::chrono::seconds d) { *now_ += d; }

 private:
  std::shared_ptr<Time> now_;
};

}  // namespace passend::access
