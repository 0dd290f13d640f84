#pragma once
// The parts of a generated client that are drawn from their own tables: objective needs
// (by care profile), wishes (by sector group, region and background) and places that
// matter. Internal to the generator; client_generator.cc puts a client together.
//
// Thread-safety: pure functions over constant tables.
#include <string_view>
#include <vector>

#include "domain/client.h"
#include "domain/reference.h"
#include "generate/names.h"
#include "generate/plan.h"
#include "generate/random.h"

namespace passend::generate {

// The year ages are counted from; fixed so that a seed gives the same data every year.
inline constexpr int kReferenceYear = 2025;

// What the part generators need to know about the person beyond the Client record.
struct Person {
  bool female = false;
  int age = 0;
  Background background = Background::kDutch;
  PlaceContext context;
};

bool Seeks(const domain::Client& c, domain::OfferKind kind);

std::vector<domain::Need> DrawNeeds(Rng& rng, const domain::Client& c, const Person& p);
std::vector<domain::Wish> DrawWishes(Rng& rng, const domain::Client& c, const Person& p,
                                     const domain::ReferenceData& ref);
// Every feature id the wish and need tables refer to (for tests against the vocabulary).
std::vector<std::string_view> WishAndNeedFeatureIds();
std::vector<std::string_view> NeedFeatureIds();

std::vector<domain::Place> DrawPlaces(Rng& rng, const domain::Client& c, const Person& p);

}  // namespace passend::generate
