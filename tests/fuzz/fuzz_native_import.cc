// libFuzzer target: a native import file (docs/native-format.md) as `passend import` reads
// it: parse, then the domain's rules. Any input must end in a value or an error, never a
// crash, a sanitizer report or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/validation.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = passend::interop::ParseNativeDocument(text);
  if (doc.ok()) {
    (void)passend::domain::ValidateDataset(*doc, passend::refdata::BuiltIn());
    // What is read is written back the same way.
    (void)passend::interop::SerializeNativeDocument(*doc);
  }
  return 0;
}
