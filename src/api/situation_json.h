#pragma once
// What a person tells the anonymous search (POST /api/v1/zoeken) as JSON: the body read
// into a match::Situation, and its schema. The self-service registration (POST
// /api/v1/registraties) takes the same answers, so both read them here.
#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "match/match_service.h"

namespace passend::api {

// A situation's body is bounded well below the server's limit (a real one is a few KiB),
// so parsing what anyone sends stays cheap.
inline constexpr size_t kMaxSearchBodyBytes = 64 * 1024;

// kInvalidArgument naming the field (an unknown field, a wrong type or value); the values
// are checked against the vocabulary later (match::ClientForSituation).
Result<match::Situation> SituationFromJson(const nlohmann::json& j);
// The OpenAPI schema of that body.
nlohmann::json SituationSchema();

}  // namespace passend::api
