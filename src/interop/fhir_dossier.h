#pragma once
// A client's dossier in FHIR R4 and back: a Bundle (type collection) holding the
// QuestionnaireResponse that answers the leidraad Questionnaire (fhir_questionnaire.h),
// the Patient (name, birth year, municipality and home) and, for the representative or
// contact person, a RelatedPerson. docs/fhir.md has the mapping table and what is lost.
//
// Export is deterministic (the Bundle's urn:uuid ids derive from the client id). Import is
// strict where the content is Passend's: an unknown linkId, answer code, feature or a
// wrong value type is kInvalidArgument naming the FHIR path
// ("entry[0].resource.item[2].item[0].answer[0].valueCoding.code"); elements Passend does
// not map (meta, text, other identifiers) are not read. The domain rules are checked by
// the intake service when the record is saved. Stateless; safe from any thread.
#include <nlohmann/json.hpp>

#include "domain/client.h"
#include "domain/error.h"
#include "domain/leidraad.h"
#include "domain/reference.h"
#include "intake/client_store.h"

namespace passend::interop::fhir {

// One version of the dossier: the record, and who made the version when (authored, author).
nlohmann::json DossierBundle(const intake::ClientVersion& v, const domain::Guideline& g,
                             const domain::ReferenceData& ref);

// The client record a Bundle holds. Its id is the Patient's Passend identifier
// (kClientIdSystem), empty when it has none. Wishes come in the Questionnaire's order;
// KeepOrder puts them back in a saved dossier's order.
Result<domain::Client> DossierFromBundle(const nlohmann::json& bundle, const domain::Guideline& g,
                                         const domain::ReferenceData& ref);

// A QuestionnaireResponse has no order across questions: puts the wishes, needs and places
// of `imported` that `current` also has in `current`'s order, the others after them in
// their own order, so importing an unchanged dossier changes nothing.
void KeepOrder(const domain::Client& current, domain::Client& imported);

}  // namespace passend::interop::fhir
