// libFuzzer target: a JSON body as the API reads it (api/route.h JsonBody), then read as
// each record of the native mapping the write routes and the anonymous search use: a
// client (the situation of POST /api/v1/zoeken), wish, place, offer, provider, location,
// and checked by the domain's rules and the matching bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/validation.h"
#include "interop/native_json.h"
#include "match/query.h"
#include "refdata/refdata.h"

namespace i = passend::interop;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto j = i::ParseJsonText(text);
  if (!j.ok()) return 0;
  const auto& ref = passend::refdata::BuiltIn();
  if (auto c = i::ClientFromJson(*j); c.ok()) {
    (void)passend::domain::ValidateClient(*c, ref);
    (void)passend::match::CheckQuerySize(*c);
    (void)i::ToJson(*c).dump();
  }
  if (auto w = i::WishFromJson(*j); w.ok()) (void)i::ToJson(*w);
  if (auto p = i::PlaceFromJson(*j); p.ok()) (void)i::ToJson(*p);
  if (auto o = i::OfferFromJson(*j); o.ok()) (void)i::ToJson(*o);
  (void)i::ProviderFromJson(*j);
  (void)i::LocationFromJson(*j);
  return 0;
}
