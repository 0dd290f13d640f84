#pragma once
// ConnectionPool: the worker threads of the HTTP server. cpp-httplib gives every open
// connection a worker for as long as it lasts, also while a slow client trickles its
// headers; with a fixed pool a few dozen such clients would leave nobody to serve the
// rest. This pool keeps `min` workers and starts another one for a new connection when
// all are busy, up to `max`: slow clients cost a thread each, and others keep being served
// until `max` connections are open at once. (What a worker then computes is bounded
// separately by the WorkGate.) Threads started above `min` stay for later connections.
// Thread-safe; shutdown lets queued connections finish, then joins every worker.
#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace passend::api {

class ConnectionPool : public httplib::TaskQueue {
 public:
  ConnectionPool(size_t min, size_t max);
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  size_t threads() const;

 private:
  void StartWorker();  // with mu_ held
  void Work();

  const size_t max_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
  size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace passend::api
