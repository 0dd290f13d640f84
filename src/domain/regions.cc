#include "domain/regions.h"

namespace passend::domain {

std::vector<std::string> MunicipalitiesOf(const ReferenceData& ref,
                                          const std::string& region_code) {
  std::vector<std::string> codes;
  for (const Municipality& m : ref.municipalities())
    if (m.zorgkantoor_code == region_code) codes.push_back(m.code);
  return codes;
}

}  // namespace passend::domain
