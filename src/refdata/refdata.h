#pragma once
// The reference data compiled into the binary from data/ (municipalities, care
// profiles, kenmerken vocabulary, municipality code changes since 2014, the guideline).
// Loaded once; the returned
// object lives for the whole process and is safe to share between threads.
#include "domain/error.h"
#include "domain/leidraad.h"
#include "domain/reference.h"

namespace passend::refdata {

// The built-in reference data. Parsing errors in the embedded tables are bugs and abort.
const domain::ReferenceData& BuiltIn();

// Parses reference tables given as CSV text (used by BuiltIn and by tests); the
// municipalities in the layout of data/municipalities_2025.csv.
Result<domain::ReferenceData> Parse(std::string_view municipalities_csv,
                                    std::string_view profiles_csv, std::string_view features_csv,
                                    std::string_view code_changes_csv = {});

// The guideline for clarifying a client's question (data/leidraad_domeinen.csv and
// data/leidraad.csv), checked against BuiltIn()'s vocabulary (domain::ValidateGuideline).
const domain::Guideline& BuiltInLeidraad();
// Parses the guideline's two tables; domains in the order of the first.
Result<domain::Guideline> ParseLeidraad(std::string_view domains_csv,
                                        std::string_view questions_csv);

}  // namespace passend::refdata
