// libFuzzer target: timestamps as the access layer reads them (expires_at, valid_until,
// access/timestamp.h) and the access-log head an operator passes (--expect SEQ:HASH).
// A parsed time must write back to text that parses to the same time.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "access/audit.h"
#include "access/timestamp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto t = passend::access::ParseUtc(text)) {
    auto again = passend::access::ParseUtc(passend::access::FormatUtc(*t));
    if (!again || *again != *t) std::abort();
  }
  (void)passend::access::ParseAuditHead(text);
  return 0;
}
