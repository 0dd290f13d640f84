#pragma once
// The guideline (leidraad) as a FHIR R4 Questionnaire, and the names it gives its items,
// which the dossier's QuestionnaireResponse (fhir_dossier.h) answers. docs/fhir.md has the
// mapping table.
//
// One group per life domain (the intro as a display item, then one group per question);
// under each question one choice item per feature it can produce, answered with the
// importance (must / important / nice, or "weet ik nog niet"), with the wished level or
// amount (level and number features) and the client's own words nested under the answer.
// After the domains: wishes in own words only, the needs a professional recorded (kept
// apart), the places that matter and the situation (sector, indication, care status,
// delivery forms, kinds of offer sought). Texts in Dutch with the English as the core
// `translation` extension. Deterministic: the same guideline gives the same JSON.
// Stateless; safe from any thread.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/leidraad.h"
#include "domain/reference.h"

namespace passend::interop::fhir {

// Passend's own identifiers: URNs, since Passend has no published FHIR server.
inline constexpr std::string_view kQuestionnaireUrl = "urn:passend:fhir:Questionnaire:leidraad";
inline constexpr std::string_view kQuestionnaireVersion = "1";
inline constexpr std::string_view kFeatureSystem = "urn:passend:fhir:CodeSystem:kenmerk";
inline constexpr std::string_view kFeatureValueSet = "urn:passend:fhir:ValueSet:kenmerk";
inline constexpr std::string_view kImportanceSystem = "urn:passend:fhir:CodeSystem:belang";
inline constexpr std::string_view kPassendSystemPrefix = "urn:passend:fhir:CodeSystem:";
inline constexpr std::string_view kClientIdSystem = "urn:passend:fhir:NamingSystem:client-id";
inline constexpr std::string_view kMunicipalityExtension =
    "urn:passend:fhir:StructureDefinition:gemeentecode";
inline constexpr std::string_view kTranslationExtension =
    "http://hl7.org/fhir/StructureDefinition/translation";
inline constexpr std::string_view kGeolocationExtension =
    "http://hl7.org/fhir/StructureDefinition/geolocation";
// The answer code of "weet ik nog niet": allowed everywhere, recorded as no wish.
inline constexpr std::string_view kUnknownCode = "weet-ik-nog-niet";

// Item linkIds. Features appear once in the Questionnaire (under the first question that
// lists them; a feature no question lists under its domain's "overige" group).
std::string DomainLinkId(domain::LifeDomain d);         // "domein.wonen"
std::string QuestionLinkId(const std::string& id);      // "vraag.wonen_eigen_plek"
std::string FeatureLinkId(const std::string& id);       // "kenmerk.tuin"
std::string FeatureValueLinkId(const std::string& id);  // "kenmerk.tuin.waarde"
std::string FeatureWordsLinkId(const std::string& id);  // "kenmerk.tuin.eigen_woorden"

// The fixed groups after the life domains and their children.
namespace link {
inline constexpr std::string_view kOwnWords = "eigen_woorden";
inline constexpr std::string_view kOwnWordsText = "eigen_woorden.tekst";
inline constexpr std::string_view kOwnWordsImportance = "eigen_woorden.belang";
inline constexpr std::string_view kNeeds = "behoeften";
inline constexpr std::string_view kNeedFeature = "behoeften.kenmerk";
inline constexpr std::string_view kNeedNote = "behoeften.toelichting";
inline constexpr std::string_view kPlaces = "plekken";
inline constexpr std::string_view kPlaceKind = "plekken.soort";
inline constexpr std::string_view kPlaceLabel = "plekken.naam";
inline constexpr std::string_view kPlaceLat = "plekken.breedtegraad";
inline constexpr std::string_view kPlaceLon = "plekken.lengtegraad";
inline constexpr std::string_view kPlaceMaxKm = "plekken.max_km";
inline constexpr std::string_view kPlaceImportance = "plekken.belang";
inline constexpr std::string_view kSituation = "situatie";
inline constexpr std::string_view kSector = "situatie.sector";
inline constexpr std::string_view kIndication = "situatie.indicatie";
inline constexpr std::string_view kProfile = "situatie.zorgprofiel";
inline constexpr std::string_view kCareStatus = "situatie.zorgstatus";
inline constexpr std::string_view kCareProvider = "situatie.zorgaanbieder";
inline constexpr std::string_view kSeeking = "situatie.zoekt";
inline constexpr std::string_view kForms = "situatie.leveringsvormen";
}  // namespace link

// The code system of one of Passend's enums: kPassendSystemPrefix + name ("sector", ...).
std::string PassendSystem(std::string_view name);

// The guideline as a Questionnaire (status active, subjectType Patient, language nl).
// `ref` gives the feature labels and kinds and the care profiles.
nlohmann::json LeidraadQuestionnaire(const domain::Guideline& g, const domain::ReferenceData& ref);

// Where each feature is asked: feature id -> the linkId of the question (or "overige"
// group) it sits under. Every feature of `ref` is in it.
std::map<std::string, std::string> FeatureQuestions(const domain::Guideline& g,
                                                    const domain::ReferenceData& ref);

// A string element with its English translation: sets `j[key]` and `j["_" + key]`.
void PutTranslated(nlohmann::json& j, const std::string& key, std::string_view nl,
                   std::string_view en);

}  // namespace passend::interop::fhir
