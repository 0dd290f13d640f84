#pragma once
// The report (verslag) of a dossier and the registration form (aanmeldformulier) for one
// offer, rendered as JSON and as an HTML page that prints well (a print stylesheet, page
// breaks between the parts, the client's words in quotes, the date, the version and who
// took part). Every text from the record is escaped. Pure; safe from any thread.
#include <nlohmann/json.hpp>
#include <string>

#include "domain/reference.h"
#include "intake/intake_service.h"

namespace passend::api {

nlohmann::json ReportJson(const intake::DossierReport& r, const domain::ReferenceData& ref);
std::string ReportHtml(const intake::DossierReport& r, const domain::ReferenceData& ref);
nlohmann::json FormJson(const intake::RegistrationForm& f, const domain::ReferenceData& ref);
std::string FormHtml(const intake::RegistrationForm& f, const domain::ReferenceData& ref);

// Text safe inside HTML elements and attribute values.
std::string EscapeHtml(std::string_view text);

// A version's head: {version, recorded_at, author: {id, name, role}, reason}.
nlohmann::json VersionJson(const intake::ClientVersionInfo& v);

// The JSON Schemas of VersionJson, ReportJson and FormJson, for the OpenAPI document.
nlohmann::json VersionSchema();
nlohmann::json ReportSchema();
nlohmann::json FormSchema();

}  // namespace passend::api
