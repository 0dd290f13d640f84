#include "interop/json_reader.h"

#include <cmath>
#include <limits>

namespace passend::interop {

Result<ObjectReader> ObjectReader::Open(const nlohmann::json& j) {
  if (!j.is_object()) return InvalidArgument("Verwacht een object");
  return ObjectReader(j);
}

const nlohmann::json* ObjectReader::Raw(const char* key) {
  seen_.insert(key);
  auto it = j_->find(key);
  return it == j_->end() ? nullptr : &*it;
}

Status ObjectReader::String(const char* key, std::string& out, bool required) {
  const nlohmann::json* v = Raw(key);
  if (v == nullptr || v->is_null()) return required ? Missing(key) : Ok();
  if (!v->is_string()) return InvalidArgument("Verwacht een tekst", key);
  out = v->get<std::string>();
  return Ok();
}

Status ObjectReader::Int(const char* key, int& out, bool required) {
  const nlohmann::json* v = Raw(key);
  if (v == nullptr || v->is_null()) return required ? Missing(key) : Ok();
  if (!v->is_number_integer()) return InvalidArgument("Verwacht een geheel getal", key);
  const int64_t i = v->get<int64_t>();
  if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max())
    return InvalidArgument("Getal is te groot", key);
  out = static_cast<int>(i);
  return Ok();
}

Status ObjectReader::Double(const char* key, double& out, bool required) {
  const nlohmann::json* v = Raw(key);
  if (v == nullptr || v->is_null()) return required ? Missing(key) : Ok();
  if (!v->is_number()) return InvalidArgument("Verwacht een getal", key);
  out = v->get<double>();
  if (!std::isfinite(out)) return InvalidArgument("Verwacht een eindig getal", key);
  return Ok();
}

Status ObjectReader::OptionalDouble(const char* key, std::optional<double>& out) {
  const nlohmann::json* v = Raw(key);
  out.reset();
  if (v == nullptr || v->is_null()) return Ok();
  double d = 0;
  PASSEND_RETURN_IF_ERROR(Double(key, d));
  out = d;
  return Ok();
}

Status ObjectReader::Bool(const char* key, bool& out, bool required) {
  const nlohmann::json* v = Raw(key);
  if (v == nullptr || v->is_null()) return required ? Missing(key) : Ok();
  if (!v->is_boolean()) return InvalidArgument("Verwacht true of false", key);
  out = v->get<bool>();
  return Ok();
}

Status ObjectReader::StringList(const char* key, std::vector<std::string>& out, bool required) {
  return List(
      key, out,
      [](const nlohmann::json& e) -> Result<std::string> {
        if (!e.is_string()) return InvalidArgument("Verwacht een tekst");
        return e.get<std::string>();
      },
      required);
}

Status ObjectReader::Finish() const {
  for (const auto& [key, value] : j_->items())
    if (!seen_.contains(key)) return InvalidArgument("Onbekend veld '" + key + "'", key);
  return Ok();
}

}  // namespace passend::interop
