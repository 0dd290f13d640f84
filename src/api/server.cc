#include "api/server.h"

#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <thread>

#include "api/connection_pool.h"
#include "api/openapi.h"
#include "api/problem.h"
#include "api/record_schemas.h"
#include "api/static_site.h"
#include "api/work_gate.h"

namespace passend::api {
namespace {

using Clock = std::chrono::steady_clock;

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng()));
  return buf;
}

// A client's X-Request-Id is kept when it is short and plain, so logs can be correlated.
std::string RequestIdFor(const httplib::Request& in) {
  std::string id = in.get_header_value("X-Request-Id");
  if (id.empty() || id.size() > 64) return NewRequestId();
  for (char c : id) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.';
    if (!plain) return NewRequestId();
  }
  return id;
}

// Debian's cpp-httplib is compiled with a listen backlog of 5: when more clients connect at
// once the kernel drops their SYNs and they retry after a second, a one-second stall
// nobody asked for. Linux lets listen() be called again on a listening socket to change
// its backlog, so we find httplib's socket by its port and widen the queue.
void WidenListenQueue(int port) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return;
  while (dirent* entry = readdir(dir)) {
    int fd = std::atoi(entry->d_name);
    if (fd <= 2 || fd == dirfd(dir)) continue;
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
    sockaddr_storage addr{};
    socklen_t addr_len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) continue;
    int bound = 0;
    if (addr.ss_family == AF_INET) bound = ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    if (addr.ss_family == AF_INET6) {
      bound = ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
    }
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
  closedir(dir);
}

// Paths under /api stay the API's: an unknown one is a JSON 404, never the web app.
bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

bool LooksLikeAddress(std::string_view s) {
  return !s.empty() && s.size() <= 45 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' ||
           c == ':';
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view a) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) != trusted_proxies.end();
  };
  if (!trusted(peer)) return peer;
  // Right to left: each trusted proxy appended the address it got the request from.
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    std::string_view entry = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!LooksLikeAddress(entry)) return peer;
    if (!trusted(entry)) return std::string(entry);
  }
  return peer;
}

namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Write(ApiResponse& r, const std::string& request_id, httplib::Response& out) {
  out.status = r.status;
  for (const auto& [name, value] : r.headers) out.set_header(name.c_str(), value);
  out.set_header("X-Request-Id", request_id);
  // API answers are never cached; the web app's files say their own (api/static_site.h).
  if (!r.headers.contains("Cache-Control")) out.set_header("Cache-Control", "no-store");
  // Answers can be large: moved into place, never copied.
  if (!r.raw_body.empty()) {
    out.set_header("Content-Type",
                   r.content_type.empty() ? "application/octet-stream" : r.content_type.c_str());
    out.body = std::move(r.raw_body);
  } else {
    out.set_header("Content-Type",
                   r.content_type.empty() ? "application/json" : r.content_type.c_str());
    out.body = Dump(r.body);
  }
}

// The methods the API answers; httplib refuses others (TRACE, PROPFIND, ...) with a bare
// 400 before any route runs, which we turn into the 405 they are.
constexpr std::string_view kServedMethods[] = {"GET",   "HEAD",   "POST",   "PUT",
                                               "PATCH", "DELETE", "OPTIONS"};

bool IsOtherMethod(const std::string& method) {
  if (method.empty() || method.size() > 20) return false;
  if (!std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return false;
  return std::find(std::begin(kServedMethods), std::end(kServedMethods), method) ==
         std::end(kServedMethods);
}

Route OpenApiRoute(const Router& router) {
  Route r = MakeRoute("GET", "/api/v1/openapi.json", std::string(kPublic),
                      [&router](const ApiRequest&) -> Result<ApiResponse> {
                        return JsonResponse(BuildOpenApi(router.routes()));
                      });
  r.summary_nl = "De beschrijving van deze API (OpenAPI)";
  r.tag = "systeem";
  r.response_schema = schema::Object(
      {{"openapi", {{"type", "string"}, {"pattern", "^3\\.0\\."}}},
       {"info", schema::Object({{"title", schema::String()}, {"version", schema::String()}})},
       {"paths", {{"type", "object"}}},
       {"components", {{"type", "object"}}}});
  return r;
}

}  // namespace

std::string UtcTimestamp() {
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

void LogToStderr(const nlohmann::json& entry) {
  std::string line = Dump(entry) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);  // stderr is unbuffered: one write
}

Server::Server(ServerOptions options, Router router, Guard* guard)
    : options_(std::move(options)),
      router_(std::move(router)),
      guard_(guard),
      http_(std::make_unique<httplib::Server>()),
      gate_(std::make_unique<WorkGate>(options_.work_slots > 0
                                           ? options_.work_slots
                                           : std::max(1u, std::thread::hardware_concurrency()))) {
  if (!options_.log) options_.log = LogToStderr;
  router_.Add(OpenApiRoute(router_));

  const size_t threads = static_cast<size_t>(std::max(1, options_.threads));
  const size_t max_threads = std::max(threads, static_cast<size_t>(options_.max_threads));
  http_->new_task_queue = [threads, max_threads] {
    return new ConnectionPool(threads, max_threads);
  };
  http_->set_payload_max_length(options_.max_body_bytes);
  http_->set_read_timeout(options_.read_timeout);
  http_->set_write_timeout(options_.write_timeout);
  http_->set_keep_alive_timeout(options_.keep_alive_timeout.count());
  // httplib closes a keep-alive connection after 5 requests by default; every client then
  // reconnects, and a burst of reconnects overflows the listen queue (see WidenListenQueue).
  http_->set_keep_alive_max_count(options_.keep_alive_max_requests);
  // Headers and body leave in separate writes; without TCP_NODELAY every keep-alive
  // response after the first waits for the peer's delayed ACK (about 40 ms).
  http_->set_tcp_nodelay(true);

  // Header limits are checked before any route runs and before the body is read.
  http_->set_pre_routing_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& in, httplib::Response& out) {
        size_t bytes = 0;
        for (const auto& [name, value] : in.headers) bytes += name.size() + value.size();
        if (in.headers.size() <= options_.max_header_count && bytes <= options_.max_header_bytes)
          return httplib::Server::HandlerResponse::Unhandled;
        const std::string id = RequestIdFor(in);
        ApiResponse r =
            HeadersTooLarge(options_.max_header_count, options_.max_header_bytes, in.path, id);
        Write(r, id, out);
        out.set_header("Connection", "close");
        Log({{"ts", UtcTimestamp()},
             {"level", "info"},
             {"request_id", id},
             {"method", in.method},
             {"path", in.path},
             {"status", r.status},
             {"headers", in.headers.size()},
             {"ms", nullptr}});
        return httplib::Server::HandlerResponse::Handled;
      }));

  auto dispatch = [this](const httplib::Request& in, httplib::Response& out) { Dispatch(in, out); };
  http_->Get("/.*", dispatch);
  http_->Post("/.*", dispatch);
  http_->Put("/.*", dispatch);
  http_->Patch("/.*", dispatch);
  http_->Delete("/.*", dispatch);
  http_->Options("/.*", dispatch);
  // Requests httplib refuses before any route runs (too large, unreadable) still get a
  // problem body; responses we wrote ourselves already have one.
  http_->set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& in, httplib::Response& out) {
        if (out.body.empty()) TransportError(in, out);
        return httplib::Server::HandlerResponse::Handled;
      }));
}

Server::~Server() { Stop(); }

Status Server::Bind() {
  int port = options_.port == 0
                 ? http_->bind_to_any_port(options_.bind_address)
                 : (http_->bind_to_port(options_.bind_address, options_.port) ? options_.port : -1);
  if (port <= 0) {
    return Unavailable("Kan niet luisteren op " + options_.bind_address + ":" +
                       std::to_string(options_.port) + ".");
  }
  port_ = port;
  WidenListenQueue(port_);
  return Ok();
}

Status Server::Run() {
  if (port_ == 0) return FailedPrecondition("De server is nog niet aan een poort gebonden.");
  state_ = 1;
  if (!stop_requested_) {
    Log({{"ts", UtcTimestamp()},
         {"level", "info"},
         {"event", "server_started"},
         {"bind", options_.bind_address},
         {"port", port_},
         {"threads", options_.threads}});
    http_->listen_after_bind();  // returns after Stop, when the workers have finished
  }
  state_ = 2;
  Log({{"ts", UtcTimestamp()}, {"level", "info"}, {"event", "server_stopped"}});
  return Ok();
}

void Server::Stop() {
  stop_requested_ = true;
  // Run may be between setting state 1 and httplib marking itself running; wait for it,
  // or httplib would ignore the stop.
  while (state_ == 1 && !http_->is_running()) std::this_thread::yield();
  http_->stop();
}

void Server::Log(nlohmann::json entry) const {
  try {
    options_.log(entry);
  } catch (...) {
    // A failing log sink must not take a request down with it.
  }
}

void Server::Dispatch(const httplib::Request& in, httplib::Response& out) {
  auto start = Clock::now();
  ApiRequest request;
  request.method = in.method == "HEAD" ? "GET" : in.method;
  request.path = in.path;
  for (const auto& [name, value] : in.headers) request.headers.emplace(name, value);
  request.body = in.body;
  request.remote_addr = ClientAddress(in.remote_addr, in.get_header_value("X-Forwarded-For"),
                                      options_.trusted_proxies);
  request.request_id = RequestIdFor(in);

  ApiResponse response;
  {
    // Only the work waits its turn; reading the request and sending the answer do not.
    WorkGate::Pass pass(*gate_);
    response = Handle(in, request);
    Write(response, request.request_id, out);
  }

  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  Log({{"ts", UtcTimestamp()},
       {"level", response.status >= 500 ? "error" : "info"},
       {"request_id", request.request_id},
       {"method", in.method},
       {"path", in.path},
       {"status", response.status},
       {"ms", static_cast<double>(static_cast<int64_t>(ms * 100)) / 100}});
}

ApiResponse Server::Handle(const httplib::Request& in, ApiRequest& request) {
  const std::string& id = request.request_id;
  if (request.path.find('\0') != std::string::npos)
    return ProblemResponse(InvalidArgument("Het adres bevat een NUL-teken.", "path"), "", id);
  RouteMatch match = router_.Match(request.method, request.path);
  if (match.route == nullptr) {
    if (options_.site != nullptr && request.method == "GET" && match.allowed_methods.empty() &&
        !IsApiPath(request.path)) {
      return options_.site->Serve(request.path, id);
    }
    if (!match.allowed_methods.empty()) {
      return MethodNotAllowed(in.method, match.allowed_methods, request.path, id);
    }
    return ProblemResponse(NotFound("Dit adres bestaat niet: " + request.path), request.path, id);
  }
  const Route& route = *match.route;
  request.path_params = std::move(match.path_params);
  if (route.max_body_bytes > 0 && request.body.size() > route.max_body_bytes)
    return PayloadTooLarge(route.max_body_bytes, request.path, id);

  // The query first: a route's subject may be named by it (AboutRegion), which the guard reads.
  for (const auto& [name, value] : in.params) {
    if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
      return ProblemResponse(
          InvalidArgument("Parameter '" + name + "' mag geen NUL-teken bevatten.", name),
          request.path, id);
    if (!request.query.emplace(name, value).second)
      return ProblemResponse(
          InvalidArgument("Parameter '" + name + "' mag maar één keer voorkomen.", name),
          request.path, id);
  }

  std::shared_ptr<const Admission> admission;
  const bool guarded = route.permission != kPublic;
  if (guarded) {
    if (guard_ == nullptr) {
      return ProblemResponse(Unavailable("Toegangscontrole is niet ingesteld."), request.path, id);
    }
    try {
      auto admitted = guard_->Admit(route, request);
      if (!admitted.ok()) return ProblemResponse(admitted.error(), request.path, id);
      admission = std::move(admitted).value();
    } catch (const std::exception& e) {
      Log({{"ts", UtcTimestamp()},
           {"level", "error"},
           {"request_id", id},
           {"event", "guard_exception"},
           {"what", e.what()}});
      return ProblemResponse(Internal("Er ging iets mis bij de toegangscontrole."), request.path,
                             id);
    }
    request.admission = admission.get();
    request.principal = admission ? &admission->principal : nullptr;
  }

  ApiResponse response;

  try {
    Result<ApiResponse> result = route.handler(request);
    response =
        result.ok() ? std::move(result).value() : ProblemResponse(result.error(), request.path, id);
  } catch (const std::exception& e) {
    Log({{"ts", UtcTimestamp()},
         {"level", "error"},
         {"request_id", id},
         {"event", "handler_exception"},
         {"what", e.what()}});
    response =
        ProblemResponse(Internal("Er ging iets mis. Probeer het later opnieuw."), request.path, id);
  } catch (...) {
    Log({{"ts", UtcTimestamp()},
         {"level", "error"},
         {"request_id", id},
         {"event", "handler_exception"}});
    response =
        ProblemResponse(Internal("Er ging iets mis. Probeer het later opnieuw."), request.path, id);
  }
  if (guarded) guard_->Completed(route, request, response.status);
  return response;
}

std::vector<std::string> Server::AllowedMethods(const std::string& path) const {
  std::vector<std::string> allow;
  if (!path.empty()) {
    RouteMatch m = router_.Match("", path);  // no route has the empty method
    allow = std::move(m.allowed_methods);
  }
  if (allow.empty()) allow.assign(std::begin(kServedMethods), std::end(kServedMethods));
  return allow;
}

void Server::TransportError(const httplib::Request& in, httplib::Response& out) {
  std::string id = RequestIdFor(in);
  ApiResponse r = out.status == 413 ? PayloadTooLarge(options_.max_body_bytes, in.path, id)
                  : IsOtherMethod(in.method)
                      ? MethodNotAllowed(in.method, AllowedMethods(in.path), in.path, id)
                      : TransportProblem(out.status, in.path, id);
  Write(r, id, out);
  Log({{"ts", UtcTimestamp()},
       {"level", r.status >= 500 ? "error" : "info"},
       {"request_id", id},
       {"method", in.method},
       {"path", in.path},
       {"status", r.status},
       {"ms", nullptr}});
}

}  // namespace passend::api
