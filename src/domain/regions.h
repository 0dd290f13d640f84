#pragma once
// Care-office regions over the reference data: the one lookup of a region's
// municipalities, shared by the list filters, the access policy and the mismatch map.
#include <string>
#include <vector>

#include "domain/reference.h"

namespace passend::domain {

// The codes of the municipalities in care-office region `region_code`, in table order;
// empty for an unknown region.
std::vector<std::string> MunicipalitiesOf(const ReferenceData& ref, const std::string& region_code);

}  // namespace passend::domain
