#pragma once
// Invented Dutch names and addresses: first names by generation, sex and background,
// surnames (Limburg names more often in Limburg), street names, and names for providers,
// locations and their websites (.example, so no link points at a real organisation).
// Names are drawn independently, so a person is a combination, never a real person.
//
// Thread-safety: pure functions over constant tables.
#include <string>

#include "generate/plan.h"
#include "generate/random.h"

namespace passend::generate {

// The cultural background a generated person is drawn from; drives names and some wishes.
enum class Background { kDutch, kLimburg, kTurkishMoroccan, kSurinameseAntillean };

Background DrawBackground(Rng& rng, PlaceContext ctx, int birth_year);
bool IsMuslimBackground(Background b);

std::string FirstName(Rng& rng, bool female, int birth_year, Background b);
std::string Surname(Rng& rng, Background b);

// "Kerkstraat 12", a street name common to many Dutch towns.
std::string StreetAddress(Rng& rng);

// "Zorggroep Heuvelland", "Stichting De Linde"; `small` gives the names of new initiatives.
std::string ProviderName(Rng& rng, bool small, PlaceContext ctx, const std::string& town);
// "https://zorggroep-heuvelland.example" from the provider name.
std::string WebsiteFor(const std::string& provider_name);
// "Huize De Bongerd", "Woonzorgcentrum Sint Jozef".
std::string LocationName(Rng& rng, PlaceContext ctx);

}  // namespace passend::generate
