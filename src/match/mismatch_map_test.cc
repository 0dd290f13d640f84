#include "match/mismatch_map.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "match/mismatch.h"
#include "match/test_catalog.h"
#include "match/topk.h"

namespace passend::match {
namespace {

using domain::Importance;
using domain::OfferKind;

TEST(MismatchMapTest, CountsPerWishMunicipalityAndRegion) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht).features = {{"tuin", 1}};
  const MatchIndex ix = cat.Index();
  std::vector<domain::Client> clients;
  for (int i = 0; i < 4; ++i) {
    domain::Client c = testing::MakeClient();
    c.id = "cli-" + std::to_string(i);
    c.municipality_code = i < 3 ? "GM0935" : "GM0917";
    c.wishes = {testing::Want("tuin", Importance::kImportant)};
    if (i % 2 == 0) c.wishes.push_back(testing::Want("huisdier_toegestaan", Importance::kMust));
    if (i == 1) c.wishes.push_back({"", Importance::kNice, std::nullopt, "mijn kat Minoes"});
    clients.push_back(c);
  }
  MismatchMapBuilder b(ix, 2);
  b.Add(clients);
  const MismatchMap& m = b.map();
  EXPECT_EQ(m.clients, 4);
  EXPECT_EQ(m.clients_with_mismatch, 3);
  EXPECT_EQ(m.per_wish.at("huisdier_toegestaan"), 2);
  EXPECT_EQ(m.per_wish.count("tuin"), 0u);
  EXPECT_EQ(m.free_texts.at("mijn kat Minoes"), 1);
  EXPECT_EQ(m.municipalities.at("GM0935").clients, 3);
  EXPECT_EQ(m.municipalities.at("GM0935").per_wish.at("huisdier_toegestaan"), 2);
  EXPECT_EQ(m.municipalities.at("GM0917").clients_with_mismatch, 0);
  EXPECT_EQ(m.regions.at("5531").clients, 4);
  EXPECT_EQ(m.regions.at("5531").name, "Zorgkantoor Zuid-Limburg");
  EXPECT_DOUBLE_EQ(Share(m.per_wish.at("huisdier_toegestaan"), m.clients), 0.5);
  // off-a does not say whether pets may come: counted (nothing within reach says yes), and
  // the map says that one offer does not say it.
  EXPECT_EQ(m.not_stated.at("huisdier_toegestaan"), 2);
  EXPECT_EQ(m.offers_not_stating.at("huisdier_toegestaan"), std::vector<uint32_t>{0});
}

// A wish the best option misses while another offer within reach meets it is a trade-off
// the client makes, not a gap in the offer: not on the map. Nor is an offer beyond the
// reach from home, or one for another care profile, a reason to leave a wish off it.
TEST(MismatchMapTest, AWishIsAGapOnlyWhenNoOfferWithinReachSaysYes) {
  testing::Catalog cat;
  cat.Add("off-best", "prv-a", OfferKind::kWonen, testing::kMaastricht).features = {
      {"tuin", 1}, {"huisdier_toegestaan", 0}, {"rolstoeltoegankelijk", 0}};
  cat.Add("off-pets", "prv-b", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 3, 0))
      .features = {{"tuin", 0}, {"huisdier_toegestaan", 1}, {"rolstoeltoegankelijk", 0}};
  // Far away (beyond the 20 km reach of an elderly client): says yes, but out of reach.
  cat.Add("off-far", "prv-c", OfferKind::kWonen, testing::Offset(testing::kMaastricht, 60, 0))
      .features = {{"tuin", 0}, {"rolstoeltoegankelijk", 1}};
  const MatchIndex ix = cat.Index();
  domain::Client c = testing::MakeClient();
  c.wishes = {testing::Want("tuin", Importance::kMust),
              testing::Want("huisdier_toegestaan", Importance::kImportant),
              testing::Want("rolstoeltoegankelijk", Importance::kImportant)};
  std::vector<domain::Client> clients(5, c);
  for (int i = 0; i < 5; ++i) clients[i].id = "cli-" + std::to_string(i);
  MismatchMapBuilder b(ix, 1);
  b.Add(clients);
  EXPECT_EQ(b.map().per_wish, (std::map<std::string, int64_t>{{"rolstoeltoegankelijk", 5}}));
  EXPECT_EQ(b.map().not_stated.count("rolstoeltoegankelijk"), 0u);  // both near ones say no
  // The client's own mismatch still names what the best option misses, and whether an
  // offer within reach has it.
  auto q = MakeQuery(ix, c);
  ASSERT_TRUE(q.ok());
  const ClientMismatch m = FindMismatch(*q, FindBests(*q), true);
  ASSERT_EQ(m.items.size(), 2u);
  EXPECT_EQ(m.items[0].key, "huisdier_toegestaan");
  EXPECT_TRUE(m.items[0].reachable_yes);
  EXPECT_EQ(m.items[1].key, "rolstoeltoegankelijk");
  EXPECT_FALSE(m.items[1].reachable_yes);
}

TEST(MismatchMapTest, ThreadsAndBatchesDoNotChangeTheCounts) {
  const MatchIndex ix = testing::RandomCatalog(21, 400).Index();
  testing::Rng rng(3);
  std::vector<domain::Client> clients;
  for (int i = 0; i < 300; ++i)
    clients.push_back(testing::RandomClient(rng, i, {OfferKind::kWonen}));
  MismatchMapBuilder one(ix, 1), two(ix, 2);
  one.Add(clients);
  for (size_t i = 0; i < clients.size(); i += 64)
    two.Add(std::span(clients).subspan(i, std::min<size_t>(64, clients.size() - i)));
  EXPECT_EQ(one.map().per_wish, two.map().per_wish);
  EXPECT_EQ(one.map().free_texts, two.map().free_texts);
  EXPECT_EQ(one.map().clients_with_mismatch, two.map().clients_with_mismatch);
  EXPECT_EQ(one.map().municipalities.at("GM0935").per_wish,
            two.map().municipalities.at("GM0935").per_wish);
  // Three threads taking chunks of one large batch in whatever order they get them.
  MismatchMapBuilder three(ix, 3);
  three.Add(clients);
  EXPECT_EQ(one.map().per_wish, three.map().per_wish);
  EXPECT_EQ(one.map().free_texts, three.map().free_texts);
  EXPECT_EQ(one.map().clients, three.map().clients);
  EXPECT_EQ(one.map().clients_with_mismatch, three.map().clients_with_mismatch);
  EXPECT_EQ(one.map().labels, three.map().labels);
  // And in reverse order: labels name the key, never the first client's own words.
  std::vector<domain::Client> reversed(clients.rbegin(), clients.rend());
  MismatchMapBuilder back(ix, 2);
  back.Add(reversed);
  EXPECT_EQ(one.map().labels, back.map().labels);
  EXPECT_EQ(one.map().per_wish, back.map().per_wish);
}

// The builder's dense counting equals counting FindMismatch on the exhaustive best option,
// keeping a wish or need only when no offer within reach says yes (scored offer by offer).
// The pruned search for what the offers within reach say equals scoring every offer.
TEST(MismatchMapTest, EqualsCountingTheMismatchOfTheReferenceBestOption) {
  const std::vector<std::vector<OfferKind>> seeks = {
      {OfferKind::kWonen},
      {OfferKind::kDagbesteding},
      {OfferKind::kZorgThuis, OfferKind::kLogeren},
      {OfferKind::kWonen, OfferKind::kDagbesteding, OfferKind::kLogeren, OfferKind::kZorgThuis}};
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    const MatchIndex ix = testing::RandomCatalog(seed + 60, 300).Index();
    testing::Rng rng(seed * 13);
    std::vector<domain::Client> clients;
    for (int i = 0; i < 200; ++i)
      clients.push_back(testing::RandomClient(rng, i, seeks[i % seeks.size()]));
    MismatchMapBuilder b(ix, 2);
    b.Add(clients);
    std::map<std::string, int64_t> per_wish, per_must, unchangeable, texts, not_stated;
    int64_t with = 0, must_gap = 0;
    ReachMemo memo;  // one for all clients, started for each: nothing of the last may stay
    for (const domain::Client& c : clients) {
      auto q = MakeQuery(ix, c);
      ASSERT_TRUE(q.ok());
      memo.Start(ix);
      if (c.indication == domain::IndicationStatus::kRefused) {
        ++unchangeable["indicatie:geweigerd"];
        continue;
      }
      const ClientMismatch m = FindMismatch(*q, FindBests(*q, /*exhaustive=*/true), false);
      std::set<std::string> keys, musts, places, own, unknown;
      for (const MismatchItem& item : m.items) {
        if (item.kind == MismatchKind::kPlace) {
          places.insert(item.key);
          continue;
        }
        if (item.kind == MismatchKind::kWish || item.kind == MismatchKind::kNeed) {
          uint32_t feature = 0, kinds = 0;
          float met = 0;
          for (const QueryWish& w : q->wishes)
            if (item.kind == MismatchKind::kWish && w.wish == item.index)
              feature = w.feature, met = w.met, kinds = w.kinds;
          for (const QueryNeed& nd : q->needs)
            if (item.kind == MismatchKind::kNeed && nd.need == item.index)
              feature = nd.feature, met = nd.met, kinds = nd.kinds;
          const ReachableSay slow =
              WhatReachableOffersSayExhaustive(*q, feature, met, static_cast<uint8_t>(kinds));
          const ReachableSay fast =
              WhatReachableOffersSay(*q, feature, met, static_cast<uint8_t>(kinds), true);
          EXPECT_EQ(fast.yes, slow.yes) << c.id << " " << item.key;
          EXPECT_EQ(fast.unknown, slow.unknown) << c.id << " " << item.key;
          // Through the memo, as the map searches: first for a yes, then counting.
          const auto k8 = static_cast<uint8_t>(kinds);
          const ReachableSay memo_yes =
              WhatReachableOffersSay(*q, feature, met, k8, false, nullptr, &memo);
          const ReachableSay memo_all =
              WhatReachableOffersSay(*q, feature, met, k8, true, nullptr, &memo);
          EXPECT_EQ(memo_yes.yes, slow.yes) << c.id << " " << item.key;
          EXPECT_EQ(memo_all.yes, slow.yes) << c.id << " " << item.key;
          EXPECT_EQ(memo_all.unknown, slow.unknown) << c.id << " " << item.key;
          if (slow.yes) continue;
          if (slow.unknown > 0) unknown.insert(item.key);
        }
        keys.insert(item.key);
        if (item.importance == Importance::kMust) musts.insert(item.key);
      }
      for (const auto& k : unknown) ++not_stated[k];
      for (const auto& k : musts) ++per_must[k];
      for (const auto& k : places) ++unchangeable[k];
      must_gap += !musts.empty();
      for (uint32_t w : m.free_text_wishes) own.insert(c.wishes[w].text);
      for (const auto& k : keys) ++per_wish[k];
      for (const auto& t : own) ++texts[t];
      with += !keys.empty() || !own.empty();
    }
    EXPECT_EQ(b.map().per_wish, per_wish) << seed;
    EXPECT_EQ(b.map().per_must, per_must) << seed;
    EXPECT_EQ(b.map().unchangeable, unchangeable) << seed;
    EXPECT_EQ(b.map().clients_with_must_gap, must_gap) << seed;
    EXPECT_EQ(b.map().not_stated, not_stated) << seed;
    // Every client is in one care profile and one main kind.
    int64_t in_profiles = 0, in_kinds = 0;
    for (const auto& [code, a] : b.map().profiles) in_profiles += a.clients;
    for (const auto& [code, a] : b.map().kinds) in_kinds += a.clients;
    EXPECT_EQ(in_profiles, 200) << seed;
    EXPECT_EQ(in_kinds, 200) << seed;
    EXPECT_EQ(b.map().free_texts, texts) << seed;
    EXPECT_EQ(b.map().clients_with_mismatch, with) << seed;
    EXPECT_EQ(b.map().clients, 200);
  }
}

// A purchasing signal: musts apart from nice-to-haves, what no purchase changes (family
// farther than wanted, a refused indication) apart and not a mismatch, per care profile and
// kind of care, and the places and wait of the offer in the region beside the seekers.
TEST(MismatchMapTest, MustsUnchangeableBreakdownsAndSupply) {
  testing::Catalog cat;
  domain::Offer& home = cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht);
  home.features = {{"tuin", 0}};
  home.free_places = 0, home.waiting_weeks = 10;
  // A home with a garden and free places, but in Groningen: beyond reach, another region.
  domain::Offer& far = cat.Add("off-far", "prv-b", OfferKind::kWonen, {53.2194, 6.5665});
  far.features = {{"tuin", 1}};
  far.free_places = 3;
  cat.locations.back().municipality_code = "GM0014";
  const MatchIndex ix = cat.Index();
  std::vector<domain::Client> clients;
  for (int i = 0; i < 7; ++i) {
    domain::Client c = testing::MakeClient();
    c.id = "cli-" + std::to_string(i);
    c.wishes = {testing::Want("tuin", i < 5 ? Importance::kMust : Importance::kNice)};
    c.places = {{domain::PlaceKind::kFamilie, "dochter",
                 testing::Offset(testing::kMaastricht, 30, 0), 5, Importance::kImportant}};
    clients.push_back(c);
  }
  clients.back().indication = domain::IndicationStatus::kRefused;
  MismatchMapBuilder b(ix, 1);
  b.Add(clients);
  MismatchMap m = b.map();
  EXPECT_EQ(m.clients, 7);
  EXPECT_EQ(m.per_wish.at("tuin"), 6);
  EXPECT_EQ(m.per_must.at("tuin"), 5);
  EXPECT_EQ(m.clients_with_must_gap, 5);
  EXPECT_EQ(m.clients_with_mismatch, 6);
  EXPECT_EQ(m.unchangeable.at("plek:familie"), 6);
  EXPECT_EQ(m.unchangeable.at("indicatie:geweigerd"), 1);
  EXPECT_EQ(m.per_wish.count("plek:familie"), 0u);
  EXPECT_EQ(m.profiles.at("5VV").clients, 7);
  EXPECT_EQ(m.profiles.at("5VV").per_must.at("tuin"), 5);
  EXPECT_EQ(m.kinds.at("wonen").clients, 7);
  EXPECT_EQ(m.kinds.at("wonen").clients_with_must_gap, 5);
  AddSupply(m, ix, "5531");
  EXPECT_EQ(m.supply.at("tuin").offers, 0);  // the garden is in another region
  EXPECT_EQ(m.kinds.at("wonen").supply->offers, 1);
  EXPECT_EQ(m.kinds.at("wonen").supply->free_places, 0);
  EXPECT_EQ(m.kinds.at("wonen").supply->median_wait_weeks, 10);
  EXPECT_EQ(m.profiles.at("5VV").supply->offers, 1);
  AddSupply(m, ix, "");  // the whole country
  EXPECT_EQ(m.supply.at("tuin").offers, 1);
  EXPECT_EQ(m.supply.at("tuin").free_places, 3);
  EXPECT_EQ(m.kinds.at("wonen").supply->median_wait_weeks, 5);  // 0 and 10
  const MismatchMap p = Publishable(m, 5);
  EXPECT_EQ(p.per_must.at("tuin"), 5);
  EXPECT_EQ(p.unchangeable.count("indicatie:geweigerd"), 0u);  // one client: left out
  EXPECT_EQ(p.kinds.at("wonen").supply->offers, 2);
}

// Own words count as a regional signal by what they may mean: each suggested feature once
// per client, only from wishes not linked to a feature (issue 20.7).
TEST(MismatchMapTest, OwnWordsCountByTheFeaturesTheySuggest) {
  testing::Catalog cat;
  cat.Add("off-a", "prv-a", OfferKind::kWonen, testing::kMaastricht).features = {{"tuin", 1}};
  const MatchIndex ix = cat.Index();
  std::vector<domain::Client> clients;
  for (int i = 0; i < 3; ++i) {
    domain::Client c = testing::MakeClient();
    c.id = "cli-" + std::to_string(i);
    c.wishes = {testing::Want("tuin", Importance::kImportant)};
    clients.push_back(c);
  }
  // Two wishes with the same meaning: counted once.
  clients[0].wishes.push_back({"", Importance::kNice, std::nullopt, "ontbijt om zes uur"});
  clients[0].wishes.push_back({"", Importance::kNice, std::nullopt, "vroeg opstaan"});
  clients[1].wishes.push_back({"", Importance::kMust, std::nullopt, "om zes uur ontbijten"});
  // Confirmed (linked to the feature, the words kept): a wish, no longer a suggestion.
  domain::Wish linked = testing::Want("vroeg_ontbijt", Importance::kNice);
  linked.text = "om zes uur ontbijten";
  clients[2].wishes.push_back(linked);
  MismatchMapBuilder b(ix, 2);
  b.Add(clients);
  const MismatchMap& m = b.map();
  EXPECT_EQ(m.free_text_features, (std::map<std::string, int64_t>{{"vroeg_ontbijt", 2}}));
  EXPECT_FALSE(m.labels.at("vroeg_ontbijt").empty());
  // Published only from min_clients clients on.
  EXPECT_TRUE(Publishable(m, 3).free_text_features.empty());
  EXPECT_EQ(Publishable(m, 2).free_text_features.at("vroeg_ontbijt"), 2);
}

// Small-cell suppression: no count of fewer than min_clients distinct clients is shown,
// and a free text only when at least that many clients wrote it.
TEST(MismatchMapTest, PublishableLeavesOutCountsOfFewerClients) {
  MismatchMap m;
  m.clients = 12, m.clients_with_mismatch = 9, m.clients_without_offer = 2;
  m.clients_invalid = 0, m.first_error = "cli-7: fout";
  m.per_wish = {{"tuin", 6}, {"huisdier_toegestaan", 4}};
  m.labels = {{"tuin", "Tuin"}, {"huisdier_toegestaan", "Huisdier"}};
  m.free_texts = {{"mijn kat Minoes", 1}, {"ontbijt om zes uur", 5}};
  m.municipalities["GM0935"] = {
      "GM0935", "Maastricht", 8, 3, 0, {{"tuin", 5}, {"huisdier_toegestaan", 3}}, {}, {}};
  m.municipalities["GM0917"] = {"GM0917", "Heerlen", 4, 4, 0, {{"tuin", 1}}, {}, {}};
  m.regions["5531"] = {"5531", "Zorgkantoor Zuid-Limburg", 12, 9, 0, {{"tuin", 6}}, {}, {}};
  const MismatchMap p = Publishable(m, 5);
  EXPECT_EQ(p.min_clients, 5);
  EXPECT_EQ(p.clients, 12);
  EXPECT_EQ(p.clients_with_mismatch, 9);
  EXPECT_EQ(p.clients_without_offer, kSuppressed);
  EXPECT_EQ(p.clients_invalid, 0);  // nothing to hide
  EXPECT_TRUE(p.first_error.empty());
  EXPECT_EQ(p.per_wish, (std::map<std::string, int64_t>{{"tuin", 6}}));
  EXPECT_EQ(p.labels, (std::map<std::string, std::string>{{"tuin", "Tuin"}}));
  EXPECT_EQ(p.free_texts, (std::map<std::string, int64_t>{{"ontbijt om zes uur", 5}}));
  ASSERT_EQ(p.municipalities.size(), 1u);  // Heerlen has 4 clients: left out whole
  const MismatchArea& maastricht = p.municipalities.at("GM0935");
  EXPECT_EQ(maastricht.clients_with_mismatch, kSuppressed);
  EXPECT_EQ(maastricht.per_wish, (std::map<std::string, int64_t>{{"tuin", 5}}));
  EXPECT_EQ(p.regions.at("5531").per_wish.at("tuin"), 6);
  // huisdier (total, Maastricht), a free text, clients_without_offer, Heerlen, Maastricht's
  // clients with a mismatch.
  EXPECT_EQ(p.suppressed_cells, 6);
}

}  // namespace
}  // namespace passend::match
