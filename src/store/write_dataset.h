#pragma once
// Writes a whole Dataset through the store interfaces in one transaction: all of it or,
// on any error, nothing. Used by `passend generate` and by the native import.
#include <cstdint>
#include <functional>
#include <string_view>

#include "domain/dataset.h"
#include "store/database.h"

namespace passend::store {

using ProgressFn = std::function<void(std::string_view stage, int64_t done, int64_t total)>;

Status WriteDataset(Database& db, const domain::Dataset& d, const ProgressFn& progress = {});

// Reads the whole database back as a Dataset (catalogue and clients, ordered by id).
Result<domain::Dataset> ReadDataset(Database& db);

}  // namespace passend::store
