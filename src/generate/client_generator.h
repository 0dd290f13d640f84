#pragma once
// Generation of the clients of a region: who they are (invented), where they live (by
// the reference counts), their care profile and indication, how they want care delivered,
// what they look for, and (client_parts.h) their needs, wishes and places.
//
// Thread-safety: pure function of its arguments.
#include "domain/dataset.h"
#include "domain/reference.h"
#include "generate/catalog_generator.h"
#include "generate/plan.h"

namespace passend::generate {

void GenerateClients(const RegionPlan& plan, const domain::ReferenceData& ref,
                     const ProgressFn& progress, domain::Dataset& out);

}  // namespace passend::generate
