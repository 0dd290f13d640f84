// The four shares of docs/matching.md ("Wat een cliëntondersteuner ziet"), measured on the
// generated data sets (seed 42) with the engine's own answer (MatchClient, the fast search):
//
//  1. housing seekers who want care in kind (seeking = wonen, preferred_forms = verblijf)
//     whose headline option lies more than 30 km from home while an option within 30 km
//     misses no more musts;
//  2. the same clients whose headline option is pgb-only while an in-kind option misses no
//     more musts;
//  3. clients who seek several kinds whose headline is not their main kind (wonen, else
//     zorg thuis, else dagbesteding, else logeren);
//  4. clients whose headline option misses a must or need, and what that is made of.
//
// "Option": an offer of a kind the client seeks that accepts the client's care profile and
// can be had (in kind or with a pgb, as the engine labels it). "Musts missed" is counted
// here, apart from the engine's ranking: must wishes not fully met, needs not met, must
// places farther than wanted from where the client would live (housing); a must or need
// the offer does not state is counted apart (unknown is not no) and "misses no more musts"
// compares (missed, unknown) in that order, as the engine's tier does. Wishes and needs
// count only at offers of the kinds of care they belong to (match/applicability.h; the
// engine before that change judged every wish at every offer, and so did this tool).
//
// Usage: match_shares [nl|zuid-limburg|rotterdam ...] (default all three); MATCH_SHARES_N
// caps the clients per data set (every n-th client; default 20000).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "generate/generator.h"
#include "match/match.h"
#include "refdata/refdata.h"

namespace {

using namespace passend;
using domain::OfferKind;

constexpr double kNearKm = 30;

// {musts and needs missed, musts and needs the offer does not state}.
std::pair<int, int> MustsMissed(const match::Query& q, uint32_t o) {
  const match::MatchIndex& ix = *q.index;
  const float* v = ix.values(o);
  const uint8_t kind = match::KindBit(ix.kind(o));
  std::pair<int, int> n{0, 0};
  auto count = [&](match::WishStatus st) {
    if (st == match::WishStatus::kUnknown)
      ++n.second;
    else if (st != match::WishStatus::kMet)
      ++n.first;
  };
  for (const match::QueryWish& w : q.wishes)
    if ((w.kinds & kind) && w.must) count(w.Status(v[w.feature]));
  for (const match::QueryNeed& nd : q.needs)
    if (nd.kinds & kind) count(nd.Status(v[nd.feature]));
  if (ix.kind(o) == OfferKind::kWonen)
    for (const match::QueryPlace& p : q.places)
      if (p.must && match::DistanceKm(ix.position(o), p.position) > p.max_km) ++n.first;
  return n;
}

bool IsOption(const match::Query& q, uint32_t o) {
  const match::MatchIndex& ix = *q.index;
  return (ix.accept_mask(o) & q.accept_bit) != 0 &&
         match::ContractingOf(q, ix.region_mask(o), ix.forms(o)) !=
             match::Contracting::kNotReachable;
}

OfferKind MainKind(const domain::Client& c) {
  for (OfferKind k : {OfferKind::kWonen, OfferKind::kZorgThuis, OfferKind::kDagbesteding})
    for (OfferKind s : c.seeking)
      if (s == k) return k;
  return OfferKind::kLogeren;
}

struct Counts {
  int64_t clients = 0;
  int64_t housing = 0, far = 0, pgb_first = 0;
  int64_t multi = 0, headline_not_main = 0;
  int64_t missing = 0, by_profile = 0, by_reach = 0, by_area = 0, by_wish = 0, by_need = 0,
          by_place = 0, not_known = 0;
};

void Pct(const char* what, int64_t n, int64_t of) {
  std::printf("  %-74s %6lld / %6lld = %5.1f%%\n", what, static_cast<long long>(n),
              static_cast<long long>(of), of > 0 ? 100.0 * n / of : 0.0);
}

void Run(generate::RegionPreset preset, size_t cap) {
  generate::GenerateOptions gopt;
  gopt.region = preset;
  gopt.seed = 42;
  auto data = generate::Generate(gopt, refdata::BuiltIn());
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", data.error().ToString().c_str());
    return;
  }
  auto ix =
      match::MatchIndex::Build(data->providers, data->locations, data->offers, refdata::BuiltIn());
  if (!ix.ok()) {
    std::fprintf(stderr, "%s\n", ix.error().ToString().c_str());
    return;
  }
  Counts n;
  const size_t step = std::max<size_t>(1, data->clients.size() / cap);
  match::MatchOptions mo;
  mo.limit = 1, mo.explain = false, mo.mismatch = false;
  for (size_t i = 0; i < data->clients.size(); i += step) {
    const domain::Client& c = data->clients[i];
    auto q = match::MakeQuery(*ix, c);
    auto r = match::MatchClient(*ix, c, mo);
    if (!q.ok() || !r.ok() || r->offers.empty()) continue;
    ++n.clients;
    const uint32_t top = r->offers[0].offer;
    const std::pair<int, int> top_missed = MustsMissed(*q, top);

    const bool housing = c.seeking == std::vector{OfferKind::kWonen} &&
                         c.preferred_forms == std::vector{domain::DeliveryForm::kVerblijf};
    if (housing) {
      ++n.housing;
      const bool top_far = match::DistanceKm(q->home, ix->position(top)) > kNearKm;
      const bool top_pgb = match::ContractingOf(*q, ix->region_mask(top), ix->forms(top)) ==
                           match::Contracting::kPgbNeeded;
      bool near_alt = false, in_kind_alt = false;
      for (uint32_t o = 0; o < ix->size() && (!near_alt || !in_kind_alt); ++o) {
        if (ix->kind(o) != OfferKind::kWonen || !IsOption(*q, o)) continue;
        if (MustsMissed(*q, o) > top_missed) continue;
        near_alt = near_alt || match::DistanceKm(q->home, ix->position(o)) <= kNearKm;
        in_kind_alt = in_kind_alt || match::ContractingOf(*q, ix->region_mask(o), ix->forms(o)) ==
                                         match::Contracting::kInKind;
      }
      if (top_far && near_alt) ++n.far;
      if (top_pgb && in_kind_alt) ++n.pgb_first;
    }

    if (c.seeking.size() >= 2) {
      ++n.multi;
      if (ix->kind(top) != MainKind(c)) ++n.headline_not_main;
    }

    const bool profile = (ix->accept_mask(top) & q->accept_bit) == 0;
    const bool reach = match::ContractingOf(*q, ix->region_mask(top), ix->forms(top)) ==
                       match::Contracting::kNotReachable;
    const bool area = ix->kind(top) == OfferKind::kZorgThuis &&
                      match::DistanceKm(q->home, ix->position(top)) > ix->service_radius_km(top);
    const float* v = ix->values(top);
    const uint8_t kind = match::KindBit(ix->kind(top));
    bool wish = false, need = false, place = false, unknown = false;
    for (const match::QueryWish& w : q->wishes) {
      if (!(w.kinds & kind) || !w.must) continue;
      const match::WishStatus st = w.Status(v[w.feature]);
      wish = wish || st < match::WishStatus::kUnknown;
      unknown = unknown || st == match::WishStatus::kUnknown;
    }
    for (const match::QueryNeed& nd : q->needs) {
      if (!(nd.kinds & kind)) continue;
      const match::WishStatus st = nd.Status(v[nd.feature]);
      need = need || st == match::WishStatus::kNotMet;
      unknown = unknown || st == match::WishStatus::kUnknown;
    }
    if (ix->kind(top) == OfferKind::kWonen)
      for (const match::QueryPlace& p : q->places)
        place = place || (p.must && match::DistanceKm(ix->position(top), p.position) > p.max_km);
    if (profile || reach || area || wish || need || place) ++n.missing;
    n.by_profile += profile, n.by_reach += reach, n.by_area += area;
    n.by_wish += wish, n.by_need += need, n.by_place += place, n.not_known += unknown;
  }
  std::printf("%s (seed 42, every %zu-th client, %lld clients with an answer)\n",
              std::string(generate::ToString(preset)).c_str(), step,
              static_cast<long long>(n.clients));
  Pct("1. wonen+verblijf: headline > 30 km, an option <= 30 km misses no more musts", n.far,
      n.housing);
  Pct("2. wonen+verblijf: headline pgb-only, an in-kind option misses no more musts", n.pgb_first,
      n.housing);
  Pct("3. several kinds sought: headline is not the main kind", n.headline_not_main, n.multi);
  Pct("4. headline misses a must or need (any of the below)", n.missing, n.clients);
  Pct("   - profile not accepted", n.by_profile, n.clients);
  Pct("   - not reachable (no contract, no pgb)", n.by_reach, n.clients);
  Pct("   - zorg thuis: home outside the service area", n.by_area, n.clients);
  Pct("   - a must wish not (fully) met", n.by_wish, n.clients);
  Pct("   - a need from the indication not met", n.by_need, n.clients);
  Pct("   - a must place farther than wanted", n.by_place, n.clients);
  Pct("not counted above: headline does not state a must or need (niet bekend)", n.not_known,
      n.clients);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("MATCH_SHARES_N");
  const size_t cap = env ? std::strtoul(env, nullptr, 10) : 20000;
  std::vector<generate::RegionPreset> presets;
  for (int i = 1; i < argc; ++i)
    if (auto p = generate::ParseRegionPreset(argv[i])) presets.push_back(*p);
  if (presets.empty())
    presets = {generate::RegionPreset::kNl, generate::RegionPreset::kZuidLimburg,
               generate::RegionPreset::kRotterdam};
  for (auto p : presets) Run(p, cap > 0 ? cap : 1);
  return 0;
}
