#pragma once
// The native JSON format of Passend: how domain records look in the API and in
// `passend export` / `passend import` files. One mapping, used by both.
//
// A document is {"format": "passend", "version": 1, "providers": [...], "locations": [...],
// "offers": [...], "clients": [...]}; docs/native-format.md describes every field.
// Reading is strict: unknown fields, wrong types and unknown enum names are errors that
// name the path of the field ("offers[3].capacity"). Reading checks shape only; the
// rules of the domain are checked by domain::ValidateDataset.
// Writing is deterministic (keys sorted, shortest round-trip doubles), so the same
// dataset always gives the same bytes. Stateless; safe to call from any thread.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "domain/dataset.h"
#include "domain/error.h"

namespace passend::interop {

inline constexpr int kNativeFormatVersion = 1;

nlohmann::json ToJson(const domain::Provider& p);
nlohmann::json ToJson(const domain::Location& l);
nlohmann::json ToJson(const domain::QualityNote& n);  // with "text": QualityNl
nlohmann::json ToJson(const domain::Offer& o);
nlohmann::json ToJson(const domain::Client& c);
nlohmann::json ToJson(const domain::Wish& w);
nlohmann::json ToJson(const domain::Place& p);

// Field paths in errors are relative to `j` ("capacity", "wishes[0].importance").
Result<domain::Provider> ProviderFromJson(const nlohmann::json& j);
Result<domain::Location> LocationFromJson(const nlohmann::json& j);
Result<domain::QualityNote> QualityNoteFromJson(const nlohmann::json& j);
Result<domain::Offer> OfferFromJson(const nlohmann::json& j);
Result<domain::Client> ClientFromJson(const nlohmann::json& j);
Result<domain::Wish> WishFromJson(const nlohmann::json& j);
Result<domain::Place> PlaceFromJson(const nlohmann::json& j);

nlohmann::json DatasetToJson(const domain::Dataset& d);
Result<domain::Dataset> DatasetFromJson(const nlohmann::json& j);

// Text in and out: malformed JSON is kInvalidArgument with the byte offset in the message.
// The text has one record per line, so a region of 330,000 clients streams out without
// being held in memory twice (NativeWriter) and diffs line by line.
Result<domain::Dataset> ParseNativeDocument(std::string_view text);
std::string SerializeNativeDocument(const domain::Dataset& d);

// Writes a native document record by record, in the section order providers,
// locations, offers, clients; SerializeNativeDocument is this writer over a Dataset.
class NativeWriter {
 public:
  explicit NativeWriter(std::ostream& out);
  void Add(const domain::Provider& p) { Record(0, ToJson(p)); }
  void Add(const domain::Location& l) { Record(1, ToJson(l)); }
  void Add(const domain::Offer& o) { Record(2, ToJson(o)); }
  void Add(const domain::Client& c) { Record(3, ToJson(c)); }
  // Closes the open sections; call once, after the last record.
  void Finish();

 private:
  void Record(int section, const nlohmann::json& j);
  void OpenUpTo(int section);
  std::ostream& out_;
  int section_ = -1;   // the section being written
  bool first_ = true;  // no record written yet in the current section
};

// Parses JSON text, mapping syntax errors to kInvalidArgument (shared with the API).
Result<nlohmann::json> ParseJsonText(std::string_view text);

}  // namespace passend::interop
