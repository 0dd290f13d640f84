#include "api/connection_pool.h"

#include <algorithm>

namespace passend::api {

ConnectionPool::ConnectionPool(size_t min, size_t max) : max_(std::max<size_t>(1, max)) {
  std::lock_guard lock(mu_);
  for (size_t i = 0; i < std::clamp<size_t>(min, 1, max_); ++i) StartWorker();
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::StartWorker() {
  ++idle_;  // counted idle from the start, so a burst does not start one per job
  workers_.emplace_back([this] { Work(); });
}

void ConnectionPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back(std::move(fn));
    if (idle_ < jobs_.size() && workers_.size() < max_) StartWorker();
  }
  wake_.notify_one();
}

void ConnectionPool::Work() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, and nothing left to do
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    --idle_;
    lock.unlock();
    job();
    lock.lock();
    ++idle_;
  }
}

void ConnectionPool::shutdown() {
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    workers.swap(workers_);
  }
  wake_.notify_all();
  for (auto& t : workers) t.join();
}

size_t ConnectionPool::threads() const {
  std::lock_guard lock(mu_);
  return workers_.size();
}

}  // namespace passend::api
