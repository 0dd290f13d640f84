#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace passend::api {

// Lets at most `slots` requests do their work at once and admits the rest in arrival
// order. cpp-httplib gives every connection its own thread; with 50 busy connections on 2
// cores the scheduler time-slices 50 half-done requests, so all of them finish late and
// some very late. Behind this gate each request runs almost undisturbed once admitted:
// the same throughput, a far shorter tail. Thread-safe.
class WorkGate {
 public:
  explicit WorkGate(size_t slots);
  WorkGate(const WorkGate&) = delete;
  WorkGate& operator=(const WorkGate&) = delete;

  // Blocks until a slot is free and every earlier caller has been admitted.
  void Enter();
  // Frees the caller's slot, handing it straight to the longest waiter if there is one.
  void Leave();

  size_t slots() const { return slots_; }
  // How many callers wait in Enter now (for tests and metrics).
  size_t waiting() const;

  // Enter on construction, Leave on destruction.
  class Pass {
   public:
    explicit Pass(WorkGate& gate) : gate_(gate) { gate_.Enter(); }
    ~Pass() { gate_.Leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    WorkGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };

  const size_t slots_;
  mutable std::mutex mu_;
  size_t active_ = 0;
  std::deque<Waiter*> waiting_;  // oldest first
};

}  // namespace passend::api
