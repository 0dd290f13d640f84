#pragma once
// Validation of records against the rules of the domain and the reference data. Returns
// the first problem found as kInvalidArgument with the path of the field at fault
// ("offers[3].features[0].feature_id"), in Dutch for people. Pure: reads nothing else.
#include "domain/dataset.h"
#include "domain/error.h"
#include "domain/leidraad.h"
#include "domain/reference.h"

namespace passend::domain {

// Ids are opaque: 1..64 characters from [A-Za-z0-9_-].
bool IsValidId(const std::string& id);

// A provider's register number: empty (not known) or exactly 8 digits (AGB code, KvK
// number, URA with its leading zeros).
bool IsValidRegisterNumber(const std::string& number);

Status ValidateProvider(const Provider& p);
Status ValidateLocation(const Location& l, const ReferenceData& ref);
// A quality note: a source and a date always; a review score 1..10 with its count (at least
// 1); an inspection without score, with an optional http(s) link.
Status ValidateQualityNote(const QualityNote& n);
Status ValidateOffer(const Offer& o, const ReferenceData& ref);
Status ValidateClient(const Client& c, const ReferenceData& ref);
// kInvalidArgument naming the list ("wishes") when a client exceeds one of the bounds of
// domain/client.h. ValidateClient checks it first.
Status CheckClientSize(const Client& c);
Status ValidateWish(const Wish& w, const ReferenceData& ref);

// The guideline: every life domain of the vocabulary once, each with at least one
// question; question ids unique; both languages filled; every linked feature in the
// vocabulary. Field paths like "domains[2].questions[1].feature_ids[0]".
Status ValidateGuideline(const Guideline& g, const ReferenceData& ref);

// Every record, ids unique per kind, and references (location -> provider, offer ->
// provider and location) resolving within the dataset.
Status ValidateDataset(const Dataset& d, const ReferenceData& ref);

}  // namespace passend::domain
