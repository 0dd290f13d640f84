// libFuzzer target: what a request carries besides its body: the path (routing over every
// route of the API), query parameters (limit, cursor, municipality, region), the Cookie
// header and X-Forwarded-For. The input is split on newlines into those parts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/access_guard.h"
#include "api/paging.h"
#include "api/server.h"
#include "fuzz_world.h"

namespace a = passend::api;

namespace {

const a::Router& Routes() { return passend::fuzz::World::Get().router; }

std::vector<std::string> Parts(std::string_view text, size_t n) {
  std::vector<std::string> out;
  while (out.size() + 1 < n) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) break;
    out.emplace_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  out.emplace_back(text);
  out.resize(n);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto p = Parts(std::string_view(reinterpret_cast<const char*>(data), size), 6);
  for (const char* method : {"GET", "POST", "PATCH", "DELETE"}) (void)Routes().Match(method, p[0]);
  a::ApiRequest r;
  r.method = "GET";
  r.path = p[0];
  r.query["limit"] = p[1];
  r.query["cursor"] = p[2];
  r.query["municipality"] = p[3];
  (void)a::PageFromQuery(r);
  (void)a::MunicipalitiesFromQuery(r);
  r.query.erase("municipality");
  r.query["region"] = p[3];
  (void)a::MunicipalitiesFromQuery(r);
  if (auto id = a::DecodeCursor(p[2]); id.ok() && a::EncodeCursor(*id) != p[2]) {
    // A cursor may have more than one spelling; what it decodes to must be stable.
    auto again = a::DecodeCursor(a::EncodeCursor(*id));
    if (!again.ok() || *again != *id) __builtin_trap();
  }
  (void)a::CookieValue(p[4], "passend_session");
  (void)a::ClientAddress("10.0.0.1", p[5], {"10.0.0.1", "10.0.0.2"});
  return 0;
}
