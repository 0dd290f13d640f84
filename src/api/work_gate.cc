#include "api/work_gate.h"

namespace passend::api {

WorkGate::WorkGate(size_t slots) : slots_(slots == 0 ? 1 : slots) {}

void WorkGate::Enter() {
  std::unique_lock lock(mu_);
  if (active_ < slots_ && waiting_.empty()) {
    ++active_;
    return;
  }
  Waiter self;
  waiting_.push_back(&self);
  self.cv.wait(lock, [&self] { return self.admitted; });
}

void WorkGate::Leave() {
  std::lock_guard lock(mu_);
  if (waiting_.empty()) {
    --active_;
    return;
  }
  // The slot passes to the oldest waiter without being released, so a newcomer can never
  // overtake it.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  next->cv.notify_one();
}

size_t WorkGate::waiting() const {
  std::lock_guard lock(mu_);
  return waiting_.size();
}

}  // namespace passend::api
