#include "api/work_gate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace passend::api {
namespace {

// Waits (bounded) until `gate` has `n` waiters; the tests need a known arrival order.
bool WaitForWaiters(const WorkGate& gate, size_t n) {
  for (int i = 0; i < 5000; ++i) {
    if (gate.waiting() == n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(WorkGateTest, AdmitsWaitersInArrivalOrder) {
  WorkGate gate(2);
  gate.Enter();  // the test holds both slots
  gate.Enter();
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      WorkGate::Pass pass(gate);
      std::lock_guard lock(mu);
      order.push_back(i);
    });
    ASSERT_TRUE(WaitForWaiters(gate, static_cast<size_t>(i) + 1)) << "thread " << i;
  }
  gate.Leave();  // one slot frees: the waiters pass through it one by one, oldest first
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(gate.waiting(), 0u);
  gate.Leave();
}

TEST(WorkGateTest, NeverMoreThanSlotsAtOnce) {
  WorkGate gate(3);
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 12; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        WorkGate::Pass pass(gate);
        int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 1);
  EXPECT_EQ(inside.load(), 0);
  // All slots are free again: three passes at once do not block.
  gate.Enter();
  gate.Enter();
  gate.Enter();
  EXPECT_EQ(gate.waiting(), 0u);
  gate.Leave();
  gate.Leave();
  gate.Leave();
}

TEST(WorkGateTest, ZeroSlotsMeansOne) { EXPECT_EQ(WorkGate(0).slots(), 1u); }

}  // namespace
}  // namespace passend::api
