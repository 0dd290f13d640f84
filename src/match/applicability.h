#pragma once
// Which kinds of care a wish or need belongs to (data/kenmerk_toepassing.csv): bedtime and
// visiting hours belong to housing and respite, not to care in the client's own home; the
// kind of day activity belongs to day activities only. The table gives a default per life
// domain and overrides per feature; a feature without a row of its own (the vocabulary
// grows) follows its life domain. A wish is judged only against offers of the kinds it
// belongs to (score.h). Immutable once built; safe to share between threads.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/reference.h"

namespace passend::match {

inline uint8_t KindBit(domain::OfferKind k) {
  return static_cast<uint8_t>(1u << static_cast<int>(k));
}
inline constexpr uint8_t kAllKinds = 0xf;

class Applicability {
 public:
  // Fails with kInvalidArgument on a malformed table or an unknown life domain. A feature
  // row naming a feature the vocabulary does not have is skipped and listed in `unknown`.
  static Result<Applicability> Parse(std::string_view csv, const domain::ReferenceData& ref,
                                     std::vector<std::string>* unknown = nullptr);
  // The table compiled into the binary.
  static Result<Applicability> BuiltIn(const domain::ReferenceData& ref);

  // KindBit of every kind the feature (index in ref.features()) belongs to.
  uint8_t kinds(uint32_t feature) const { return masks_[feature]; }

 private:
  std::vector<uint8_t> masks_;
};

}  // namespace passend::match
