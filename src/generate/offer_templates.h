#pragma once
// The kinds of offer that exist in Dutch long-term care, as templates: for each sector
// and kind of offer, the typical forms (a small-scale dementia house, a work-oriented day
// centre, a respite house), the profiles they accept, their size, how often each feature
// of the vocabulary comes with them, and how scarce they are (waiting pressure, turnover).
// The templates are data: data/aanbodsjablonen.csv, compiled in (its layout is described
// in data/README.md). The numbers are invented but reasoned; docs/generator.md explains them.
//
// Thread-safety: the tables are built once (function-local statics) and then read-only.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/vocabulary.h"

namespace passend::generate {

// A feature an offer of this template has with probability `p`; levels and numbers get a
// whole value drawn from lo..hi.
struct FeatureChance {
  std::string id;
  double p = 1;
  int lo = 1;
  int hi = 1;
};

struct OfferTemplate {
  std::string key;  // stable, for tests and docs: "vv_pg_kleinschalig"
  domain::OfferKind kind = domain::OfferKind::kWonen;
  std::vector<domain::Sector> sectors;
  std::vector<std::string> profiles;  // empty: any profile of its sectors
  double weight = 1;                  // how common among its sector and kind
  std::string name;                   // Dutch, for people
  int cap_lo = 1, cap_hi = 1;         // places (clients for zorg thuis)
  // Mean people waiting per place, before scarcity adjustments (0.17 ~ VV nationally).
  double wait_pressure = 0;
  // Places that come free per place per year: nursing homes ~0.6 (stays of ~1.5 years),
  // disability housing ~0.05 (stays of decades), respite ~10 (short stays). Gives weeks.
  double turnover = 1;
  bool small = false;  // typical of new small initiatives (often pgb only)
  std::vector<FeatureChance> features;
};

// Every template, all sectors, in the order of data/aanbodsjablonen.csv. The compiled-in
// table is checked by tests; an error in it is a bug and aborts.
const std::vector<OfferTemplate>& OfferTemplates();

// Parses a template table in the layout of data/aanbodsjablonen.csv. Features are written
// `id`, `id@p` (with chance p) and `id=lo-hi` or `id@p=lo` (a level or number drawn from
// lo..hi), separated by spaces; sectors and profiles are space-separated too.
Result<std::vector<OfferTemplate>> ParseOfferTemplates(std::string_view csv);

// Features any offer of `kind` may have regardless of template (garden, visitors, pets,
// early breakfast ...), with their national chances. Culture-bound features (identity,
// dialect, languages) are added by the catalog generator from the location's context.
const std::vector<FeatureChance>& CommonFeatures(domain::OfferKind kind);

}  // namespace passend::generate
