#pragma once
// ChangeFeed: what the match service needs to follow the data. Every committed write to a
// provider, location, offer or client has a position (seq, rising) in a change log that
// every process writing the database appends to, so a `passend serve` sees an import made
// by another `passend` process. The store backend implements it (SQLite: a change table
// filled by triggers; PostgreSQL: the same, later woken by LISTEN/NOTIFY).
// Implementations are safe for concurrent use.
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "domain/error.h"

namespace passend::match {

enum class DataKind { kProvider, kLocation, kOffer, kClient };

struct DataChange {
  int64_t seq = 0;
  DataKind kind = DataKind::kOffer;
  std::string id;  // of the record written (or removed)
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  // The position of the last committed change (0 before any).
  virtual Result<int64_t> LastChange() = 0;
  // Up to `limit` changes after position `after`, in order. An error when the log no
  // longer holds them (a gap): the reader then starts again from a full read.
  virtual Result<std::vector<DataChange>> ChangesSince(int64_t after, size_t limit) = 0;
  // Returns LastChange() once it is past `after`, or when `timeout` has passed. A feed that
  // cannot be woken waits the whole timeout.
  virtual Result<int64_t> WaitForChange(int64_t after, std::chrono::milliseconds timeout) {
    (void)after;
    std::this_thread::sleep_for(timeout);
    return LastChange();
  }
};

}  // namespace passend::match
