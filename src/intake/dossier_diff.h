#pragma once
// The differences between two versions of a client's dossier, as people read them: one
// entry per field, wish, need or place that was added, removed or changed, with the
// values before and after in words ("moet: tuin, 'buiten zijn'"). Wishes are matched by
// their feature (free-text wishes by their words), needs by feature, places by kind and
// label, so a reordered list is no change. Pure; safe from any thread.
#include <string>
#include <vector>

#include "domain/client.h"
#include "domain/reference.h"

namespace passend::intake {

struct FieldChange {
  enum class Kind { kAdded, kRemoved, kChanged };
  std::string field;  // "name", "wishes.tuin", "needs.dementie_expertise", "places.familie:zoon"
  Kind kind = Kind::kChanged;
  std::string label_nl;  // "Wens: tuin", "Naam"
  std::string before;    // "" when added
  std::string after;     // "" when removed
  bool operator==(const FieldChange&) const = default;
};
std::string_view ToString(FieldChange::Kind kind);  // "added", "removed", "changed"

// What changed from `from` to `to`, in the order of the record's fields.
std::vector<FieldChange> DiffClients(const domain::Client& from, const domain::Client& to,
                                     const domain::ReferenceData& ref);

}  // namespace passend::intake
