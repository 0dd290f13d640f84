#include "api/paging.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>

#include "domain/regions.h"
#include "refdata/refdata.h"

namespace passend::api {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr size_t kMaxCursorChars = 512;
// The check before the id: the first bytes of a BLAKE2b hash of the id under a fixed
// context key. Not a secret (paging is authorised per request anyway); it tells a cursor
// the server made from anything else.
constexpr size_t kCheckBytes = 6;
constexpr unsigned char kCheckKey[] = "passend-cursor-v1";

std::string Check(const std::string& id) {
  unsigned char hash[crypto_generichash_BYTES_MIN];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(id.data()),
                     id.size(), kCheckKey, sizeof kCheckKey - 1);
  return std::string(reinterpret_cast<const char*>(hash), kCheckBytes);
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string EncodeCursor(const std::string& last_id) {
  const std::string raw = Check(last_id) + last_id;
  std::string out(sodium_base64_encoded_len(raw.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), kVariant);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

Result<std::string> DecodeCursor(const std::string& cursor) {
  Error bad = InvalidArgument(
      "De cursor is ongeldig. Gebruik de next_cursor uit het vorige antwoord.", "cursor");
  if (cursor.empty() || cursor.size() > kMaxCursorChars) return bad;
  std::string out(cursor.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), cursor.data(),
                        cursor.size(), nullptr, &len, &end, kVariant) != 0 ||
      end != cursor.data() + cursor.size() || len <= kCheckBytes) {
    return bad;
  }
  out.resize(len);
  std::string id = out.substr(kCheckBytes);
  if (out.compare(0, kCheckBytes, Check(id)) != 0) return bad;
  return id;
}

Result<int64_t> IntegerQuery(const ApiRequest& request, std::string_view name, int64_t fallback,
                             int64_t lo, int64_t hi) {
  const std::string* v = request.Query(name);
  if (v == nullptr) return fallback;
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < lo || n > hi)
    return InvalidArgument(std::string(name) + " moet een heel getal van " + std::to_string(lo) +
                               " tot en met " + std::to_string(hi) + " zijn.",
                           std::string(name));
  return n;
}

Result<store::PageRequest> PageFromQuery(const ApiRequest& request) {
  store::PageRequest page;
  page.limit = kDefaultLimit;
  PASSEND_ASSIGN_OR_RETURN(int64_t limit,
                           IntegerQuery(request, "limit", kDefaultLimit, 1, kMaxLimit));
  page.limit = static_cast<int>(limit);
  if (const std::string* cursor = request.Query("cursor")) {
    PASSEND_ASSIGN_OR_RETURN(page.after, DecodeCursor(*cursor));
  }
  return page;
}

std::vector<ParamDoc> PagingParams() {
  return {QueryParam("limit", "Aantal per pagina, 1 tot en met 500 (standaard 50)", "integer"),
          QueryParam("cursor", "De next_cursor uit het vorige antwoord")};
}

Result<std::optional<std::vector<std::string>>> MunicipalitiesFromQuery(const ApiRequest& request) {
  const auto& ref = refdata::BuiltIn();
  std::optional<std::vector<std::string>> selected;
  if (const std::string* municipality = request.Query("municipality")) {
    std::vector<std::string> codes;
    for (auto& code : SplitComma(*municipality)) {
      if (ref.FindMunicipality(code) == nullptr) {
        return InvalidArgument("Onbekende gemeentecode '" + code + "'.", "municipality");
      }
      codes.push_back(std::move(code));
    }
    selected = std::move(codes);
  }
  if (const std::string* region = request.Query("region")) {
    if (ref.FindRegion(*region) == nullptr) {
      return InvalidArgument("Onbekende zorgkantoorregio '" + *region + "'.", "region");
    }
    std::vector<std::string> in_region;
    for (std::string& code : domain::MunicipalitiesOf(ref, *region)) {
      if (!selected || std::find(selected->begin(), selected->end(), code) != selected->end())
        in_region.push_back(std::move(code));
    }
    selected = std::move(in_region);
  }
  return selected;
}

}  // namespace passend::api
