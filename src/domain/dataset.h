#pragma once
// A Dataset is a whole region's records in memory: what the generator produces, the
// native JSON format carries, and import writes in one transaction.
#include <vector>

#include "domain/catalog.h"
#include "domain/client.h"

namespace passend::domain {

struct Dataset {
  std::vector<Provider> providers;
  std::vector<Location> locations;
  std::vector<Offer> offers;
  std::vector<Client> clients;
};

}  // namespace passend::domain
