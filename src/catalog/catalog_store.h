#pragma once
// CatalogStore: the storage the catalogue needs (providers, locations, offers).
// Implemented by each storage backend, handed out by store::Database. Writes made inside
// store::Database::InTransaction join that transaction; outside one, each write is its
// own transaction. Errors: kNotFound for an unknown id, kUnavailable when the database
// cannot be reached, kInternal otherwise. Implementations are safe for concurrent use.
#include <cctype>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.h"
#include "domain/error.h"
#include "store/page.h"

namespace passend::catalog {

struct ProviderFilter {
  std::optional<domain::RegisterStatus> status;  // only providers with this register status
  bool listed_only = false;                      // only approved ones (the public catalogue)
};

struct LocationFilter {
  std::optional<std::string> provider_id;
  bool listed_only = false;                     // only of approved providers (public)
  std::vector<std::string> municipality_codes;  // any of these; empty: all
};

// Within `km` kilometres of a point, measured from the offer's location.
struct NearPoint {
  double lat = 0, lon = 0, km = 0;
};

struct OfferFilter {
  std::optional<std::string> provider_id;
  // Search words (SearchWords): each begins a word of the offer's name or description, case
  // and diacritics ignored ("clienten" finds "cliënten", "dem" finds "dementie").
  std::vector<std::string> words;
  std::optional<NearPoint> near;
  std::optional<domain::OfferKind> kind;
  std::optional<std::string> profile;            // accepts this care profile
  std::optional<domain::Sector> sector;          // with profile: its sector, so offers listing no
                                                 // profiles but serving that sector match too
  std::optional<std::string> contracted_region;  // contracted in kind by this care office
  std::vector<std::string> municipality_codes;   // located in any of these; empty: all
  // Only offers "mogelijk verouderd" by these cutoffs (domain::MaybeOutdated).
  std::optional<domain::FreshnessCutoffs> outdated;
  bool listed_only = false;  // only of approved providers (the public catalogue)
};

// The words of a search text as the stores look them up: runs of letters and digits (any
// byte of a multi-byte UTF-8 character counts as a letter), at most 8 of at most 40 bytes;
// everything else separates them, so no word carries search syntax to a backend.
inline std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() > 40) {  // cut before the character that crosses byte 40
      size_t n = 40;
      while (n > 0 && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) --n;
      word.resize(n);
    }
    if (!word.empty() && words.size() < 8) words.push_back(word);
    word.clear();
  };
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if (u >= 0x80 || std::isalnum(u)) {
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// One changed field of a catalogue record: who changed it and when (an offer's change
// history; a provider's in the register). Values as text: numbers in decimal, lists and
// features as compact JSON.
struct RecordChange {
  std::string record_id;   // the offer's or the provider's id
  std::string changed_at;  // UTC ISO 8601
  std::string user_id;
  std::string organisation_id;  // empty for a user without one (an administrator)
  std::string field;            // "free_places", "features.tuin", ...
  std::string old_value, new_value;
  bool operator==(const RecordChange&) const = default;
};
using OfferChange = RecordChange;
// A provider's register history: field "register_status" (old and new as wire names) and
// "register_reason" (why, as the care office stated it). An offer's contract with a care
// office is in the offer's history: "contract.5531", "in_kind" or "pgb_only".
using ProviderChange = RecordChange;

class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  virtual Result<domain::Provider> GetProvider(const std::string& id) = 0;
  virtual Result<store::Page<domain::Provider>> ListProviders(const ProviderFilter& filter,
                                                              const store::PageRequest& page) = 0;
  virtual Result<domain::Location> GetLocation(const std::string& id) = 0;
  virtual Result<store::Page<domain::Location>> ListLocations(const LocationFilter& filter,
                                                              const store::PageRequest& page) = 0;
  virtual Result<domain::Offer> GetOffer(const std::string& id) = 0;
  virtual Result<store::Page<domain::Offer>> ListOffers(const OfferFilter& filter,
                                                        const store::PageRequest& page) = 0;

  // Inserts or replaces the record with that id.
  virtual Status PutProvider(const domain::Provider& p) = 0;
  virtual Status PutLocation(const domain::Location& l) = 0;
  virtual Status PutOffer(const domain::Offer& o) = 0;

  // Appends to offers' change history (inside the transaction that changes the offer).
  virtual Status AddOfferChanges(const std::vector<OfferChange>& changes) = 0;
  // An offer's change history, oldest first; empty for an offer never changed or unknown.
  virtual Result<std::vector<OfferChange>> OfferChanges(const std::string& offer_id) = 0;

  // Appends to a provider's register history; its history, oldest first.
  virtual Status AddProviderChanges(const std::vector<ProviderChange>& changes) = 0;
  virtual Result<std::vector<ProviderChange>> ProviderChanges(const std::string& provider_id) = 0;

  // The whole catalogue, ordered by id: for building the matching index and for export.
  virtual Result<std::vector<domain::Provider>> AllProviders() = 0;
  virtual Result<std::vector<domain::Location>> AllLocations() = 0;
  virtual Result<std::vector<domain::Offer>> AllOffers() = 0;
};

}  // namespace passend::catalog
