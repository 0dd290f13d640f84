#pragma once
// ObjectReader: strict, path-aware reading of one JSON object into a domain value.
// Every Get* records the key as known; Finish() fails on keys nobody asked for, so a
// misspelt field in an import file is an error rather than silently ignored.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/vocabulary.h"

namespace passend::interop {

class ObjectReader {
 public:
  // Fails when `j` is not an object.
  static Result<ObjectReader> Open(const nlohmann::json& j);

  Status String(const char* key, std::string& out, bool required = true);
  Status Int(const char* key, int& out, bool required = true);
  Status Double(const char* key, double& out, bool required = true);
  Status OptionalDouble(const char* key, std::optional<double>& out);
  Status Bool(const char* key, bool& out, bool required = true);
  Status StringList(const char* key, std::vector<std::string>& out, bool required = true);
  // The raw value of a key (nullptr when absent), for nested objects and arrays.
  const nlohmann::json* Raw(const char* key);
  // Reads an array whose elements are converted by `fn`; errors get "key[i]." in front.
  template <typename T, typename Fn>
  Status List(const char* key, std::vector<T>& out, Fn fn, bool required = true) {
    const nlohmann::json* v = Raw(key);
    if (v == nullptr || v->is_null()) return required ? Missing(key) : Ok();
    if (!v->is_array()) return InvalidArgument("Verwacht een lijst", key);
    out.clear();
    for (size_t i = 0; i < v->size(); ++i) {
      auto r = fn((*v)[i]);
      if (!r.ok())
        return r.error().WithFieldPrefix(std::string(key) + "[" + std::to_string(i) + "]");
      out.push_back(std::move(r).value());
    }
    return Ok();
  }
  Status Finish() const;

 private:
  explicit ObjectReader(const nlohmann::json& j) : j_(&j) {}
  static Error Missing(const char* key) { return InvalidArgument("Dit veld is verplicht", key); }
  const nlohmann::json* j_;
  std::set<std::string> seen_;
};

// Reads a string and maps it through `parse` (a domain Parse* function).
template <typename E, typename ParseFn>
Result<E> EnumFromJson(const nlohmann::json& j, ParseFn parse) {
  if (!j.is_string()) return InvalidArgument("Verwacht een tekst");
  auto v = parse(j.get<std::string>());
  if (!v) {
    // Name the values that are allowed: the enums are dense from 0, so walk them until a
    // name no longer reads back.
    std::string allowed;
    for (int i = 0; i < 64; ++i) {
      const auto name = domain::ToString(static_cast<E>(i));
      const auto back = parse(name);
      if (!back || *back != static_cast<E>(i)) break;
      allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    return InvalidArgument("Onbekende waarde '" + j.get<std::string>() + "'; kies uit: " + allowed);
  }
  return *v;
}

}  // namespace passend::interop
