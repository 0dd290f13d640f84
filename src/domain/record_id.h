#pragma once
// Ids for records Passend makes itself (a new client, consent form or provider): opaque,
// stable, never a row number (which would leak counts). Thread-safe.
#include <string>
#include <string_view>

namespace passend::domain {

// `prefix`, "-" and 16 random hex digits (64 bits): "cli-3f9c2a1b0d4e5f67".
std::string NewRecordId(std::string_view prefix);

}  // namespace passend::domain
