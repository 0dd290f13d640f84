#pragma once
// Server: the HTTP face of Passend. Wraps one httplib::Server and runs the Router's routes:
// for each request it builds an ApiRequest, matches the route (404/405 problems), asks the
// Guard to admit non-public routes, calls the handler, renders its Result (problem+json on
// error, the one table in api/problem.h), and writes one JSON log line.
//
// It also serves GET /api/v1/openapi.json, generated from the routes (api/openapi.h), and,
// when given a StaticSite, the web app's files for every other GET outside /api.
//
// Lifecycle: construct with the routes, call Bind (port 0 picks a free port), then Run on
// some thread (blocks). Stop may be called from any thread, any number of times, also
// before Run: it closes the listening socket, lets in-flight requests finish, and then Run
// returns. Not restartable. Handlers and the Guard run concurrently on `threads` workers.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/route.h"
#include "domain/error.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace passend::api {

class StaticSite;
class WorkGate;

struct ServerOptions {
  // Loopback by default: a deployment behind a load balancer or in a container passes
  // "0.0.0.0" on purpose (passend serve --bind).
  std::string bind_address = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // cpp-httplib keeps a worker per open connection (api/connection_pool.h): `threads`
  // are kept ready, and more are started while all are busy (slow clients trickling their
  // headers hold one each), up to `max_threads` connections served at once; beyond it,
  // connections queue.
  int threads = 64;
  int max_threads = 1024;
  size_t max_body_bytes = 10 * 1024 * 1024;  // larger bodies get 413
  // More header lines, or more header bytes (names and values), get 431. cpp-httplib
  // reads the whole header section before it lets us look (one line is at most 8 KiB),
  // so this refuses such requests but does not bound what a request may first send.
  size_t max_header_count = 100;
  size_t max_header_bytes = 32 * 1024;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds keep_alive_timeout{5};
  size_t keep_alive_max_requests = 100000;
  // Requests doing their work at once (see WorkGate); 0: one per core.
  size_t work_slots = 0;  // requests on one connection before it closes
  // The built web app, served for GET requests outside /api that match no route
  // (api/static_site.h); null: such requests are 404 problems.
  std::shared_ptr<const StaticSite> site;
  // Addresses of our own reverse proxies: only from these is the client address taken
  // from X-Forwarded-For (the last entry that is not one of them); from anyone else the
  // header is ignored, so nobody can pick the address the login throttle counts.
  std::vector<std::string> trusted_proxies;
  // Receives one JSON object per request (and start/stop events). Default: one line on
  // stderr. Called concurrently from worker threads.
  std::function<void(const nlohmann::json&)> log;
};

// Writes `entry` as one line on stderr (one write per line, so lines never interleave).
void LogToStderr(const nlohmann::json& entry);

// The address of the client: `peer`, or when `peer` is a trusted proxy, the last address
// in X-Forwarded-For that is not a trusted proxy (a malformed entry: `peer`).
std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// The current time as UTC ISO 8601 with milliseconds: "2025-03-01T09:30:00.123Z".
std::string UtcTimestamp();

class Server {
 public:
  // `guard` may be null only when every route is public; it must outlive the server.
  Server(ServerOptions options, Router router, Guard* guard);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket. kUnavailable when the address or port cannot be used.
  Status Bind();
  // The bound port (after Bind).
  int port() const { return port_; }
  // Serves until Stop. Returns kFailedPrecondition when not bound.
  Status Run();
  // Graceful: stop accepting, finish in-flight requests, make Run return.
  void Stop();

  const Router& router() const { return router_; }

 private:
  void Dispatch(const httplib::Request& in, httplib::Response& out);
  ApiResponse Handle(const httplib::Request& in, ApiRequest& request);
  void TransportError(const httplib::Request& in, httplib::Response& out);
  // The methods `path` has (for Allow); all served methods when the path is unknown.
  std::vector<std::string> AllowedMethods(const std::string& path) const;
  void Log(nlohmann::json entry) const;

  ServerOptions options_;
  Router router_;
  Guard* guard_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<WorkGate> gate_;
  int port_ = 0;
  std::atomic<int> state_{0};  // 0 created, 1 running, 2 done
  std::atomic<bool> stop_requested_{false};
};

}  // namespace passend::api
