// libFuzzer target: the JSON body of every route that writes (POST, PATCH, PUT, DELETE,
// and the anonymous search), through the real handlers of the API on an in-memory SQLite
// database. The first byte picks the route, the rest is the body. The handler runs as
// the guard would admit an administrator acting for cli-1 (the policy is fuzzed apart in
// the matrix tests; here it is what a body does to a handler). A handler must answer (a
// value or an Error), never crash, report or throw: the server would turn a throw into
// a 500.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_world.h"

namespace a = passend::api;
namespace ac = passend::access;

namespace {

struct Writes {
  std::vector<const a::Route*> routes;
  a::Admission admission;

  Writes() {
    auto& w = passend::fuzz::World::Get();
    // Login is left out: every try costs an interactive argon2 hash (by design), which
    // would slow the fuzzer to a crawl; its body is read like the others.
    for (const auto& r : w.router.routes())
      if (r.method != "GET" && r.pattern != "/api/v1/auth/login") routes.push_back(&r);
    admission.principal.user_id = "usr-fuzz";
    admission.principal.role = ac::Role::kAdmin;
    admission.principal.session_id = "ses-fuzz";
    admission.decision.client_id = "cli-1";
    admission.decision.basis.rule = ac::ScopeRule::kAll;
    admission.decision.basis.reason = "fuzz";
    admission.decision.list.all = true;
  }
};

// The world's records by the collection the id follows (fuzz_world.h).
std::string Fill(std::string pattern) {
  const char* id = pattern.rfind("/api/v1/providers/", 0) == 0 ? "prv-1"
                   : pattern.rfind("/api/v1/offers/", 0) == 0  ? "off-1"
                                                               : "cli-1";
  for (auto [name, value] :
       {std::pair{"{consent_id}", "cns-1"}, {"{id}", id}, {"{region}", "5531"}}) {
    const size_t at = pattern.find(name);
    if (at != std::string::npos) pattern.replace(at, std::string(name).size(), value);
  }
  return pattern;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Writes* writes = new Writes();
  auto& w = passend::fuzz::World::Get();
  if (size == 0 || writes->routes.empty()) return 0;
  w.EnsureClient();
  const a::Route& route = *writes->routes[data[0] % writes->routes.size()];
  a::ApiRequest r;
  r.method = route.method;
  r.path = Fill(route.pattern);
  r.path_params = w.router.Match(r.method, r.path).path_params;
  r.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  r.remote_addr = "127.0.0.1";
  if (route.permission != a::kPublic) {
    r.principal = &writes->admission.principal;
    r.admission = &writes->admission;
  }
  (void)route.handler(r);
  return 0;
}
