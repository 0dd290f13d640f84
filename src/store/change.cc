#include "store/change.h"

namespace passend::store {

std::string_view ToString(ChangedEntity e) {
  switch (e) {
    case ChangedEntity::kProvider: return "provider";
    case ChangedEntity::kLocation: return "location";
    case ChangedEntity::kOffer: return "offer";
    case ChangedEntity::kClient: return "client";
  }
  return "";
}

std::optional<ChangedEntity> ParseChangedEntity(std::string_view s) {
  for (ChangedEntity e : {ChangedEntity::kProvider, ChangedEntity::kLocation, ChangedEntity::kOffer,
                          ChangedEntity::kClient})
    if (ToString(e) == s) return e;
  return std::nullopt;
}

}  // namespace passend::store
