#include "store/write_dataset.h"

#include <algorithm>

namespace passend::store {
namespace {

// Records in id order: rows then append to the end of each primary-key B-tree instead of
// landing all over it, which makes writing a whole country several times faster.
template <typename T>
std::vector<const T*> ById(const std::vector<T>& records) {
  std::vector<const T*> out;
  out.reserve(records.size());
  for (const T& r : records) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->id < b->id; });
  return out;
}

}  // namespace

Status WriteDataset(Database& db, const domain::Dataset& d, const ProgressFn& progress) {
  const int64_t total = static_cast<int64_t>(d.providers.size() + d.locations.size() +
                                             d.offers.size() + d.clients.size());
  int64_t done = 0;
  auto tick = [&] {
    if (progress && (++done % 5000 == 0 || done == total)) progress("opslaan", done, total);
  };
  return db.InTransaction([&]() -> Status {
    for (const auto& p : d.providers) {
      PASSEND_RETURN_IF_ERROR(db.catalog().PutProvider(p));
      tick();
    }
    for (const auto& l : d.locations) {
      PASSEND_RETURN_IF_ERROR(db.catalog().PutLocation(l));
      tick();
    }
    for (const domain::Offer* o : ById(d.offers)) {
      PASSEND_RETURN_IF_ERROR(db.catalog().PutOffer(*o));
      tick();
    }
    for (const domain::Client* c : ById(d.clients)) {
      PASSEND_RETURN_IF_ERROR(db.clients().PutClient(*c));
      tick();
    }
    return Ok();
  });
}

Result<domain::Dataset> ReadDataset(Database& db) {
  domain::Dataset d;
  PASSEND_ASSIGN_OR_RETURN(d.providers, db.catalog().AllProviders());
  PASSEND_ASSIGN_OR_RETURN(d.locations, db.catalog().AllLocations());
  PASSEND_ASSIGN_OR_RETURN(d.offers, db.catalog().AllOffers());
  PASSEND_RETURN_IF_ERROR(db.clients().ForEachClient({}, [&](const domain::Client& c) {
    d.clients.push_back(c);
    return Ok();
  }));
  return d;
}

}  // namespace passend::store
