#include "match/mismatch_map.h"

#include <gtest/gtest.h>

#include "match/test_catalog.h"

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
}

}  // namespace
}  // namespace passend::match
