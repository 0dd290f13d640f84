// The offer list from memory against the store's SQL (CatalogService::ListOffers): the
// same pages, ids and next cursor and byte for byte the same JSON, for many filter and
// search combinations on the generated Zuid-Limburg region, before and after writes (an
// offer changed, added, a contract, a provider suspended, a location moved), on the
// backend the run names (SQLite, and PostgreSQL as offer_read_model_test_postgres).
#include "api/offer_read_model.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api/paging.h"
#include "api/search_fold.h"
#include "generate/generator.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"
#include "store/test_backend_for_test.h"

namespace passend::api {
namespace {

using catalog::OfferFilter;

TEST(SearchFoldTest, FoldsAsTheSqlSearch) {
  EXPECT_EQ(FoldedWords("Cliënten met Dementie"),
            (std::vector<std::string>{"clienten", "met", "dementie"}));
  EXPECT_EQ(FoldedWords("ÉÉN kamer, café-tuin; 24-uurs"),
            (std::vector<std::string>{"een", "kamer", "cafe", "tuin", "24", "uurs"}));
  // A typographic apostrophe and a dash separate words; a combining accent disappears.
  EXPECT_EQ(FoldedWords("zo’n – e\xCC\x81\xC3\xA9n"), (std::vector<std::string>{"zo", "n", "een"}));
  EXPECT_TRUE(FoldedWords(" ,.;").empty());
}

class OfferReadModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::testing::OpenTestDatabase(":memory:");
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    db_ = std::move(*db);
    generate::GenerateOptions gen;
    gen.region = generate::RegionPreset::kZuidLimburg;
    gen.as_of = "2026-11-20T00:00:00Z";
    auto data = generate::Generate(gen, refdata::BuiltIn());
    ASSERT_TRUE(data.ok()) << data.error().ToString();
    data_ = *data;
    data_.clients.clear();
    catalog_ = std::make_unique<catalog::CatalogService>(*db_, refdata::BuiltIn());
    ASSERT_TRUE(catalog_->Import(data_).ok());
    model_ = std::make_unique<OfferReadModel>(*db_, *catalog_);
  }

  // Walks every page of `f` (pages of `limit`) in both and compares them.
  void Same(const OfferFilter& f, int limit, const std::string& what) {
    store::PageRequest page;
    page.limit = limit;
    const auto cutoffs = catalog_->Cutoffs();
    for (int n = 0; n < 1000; ++n) {
      auto sql = catalog_->ListOffers(f, page);
      ASSERT_TRUE(sql.ok()) << sql.error().ToString();
      auto mem = model_->ListIds(f, page);
      ASSERT_TRUE(mem.ok()) << mem.error().ToString();
      ASSERT_TRUE(mem->has_value()) << what;
      std::vector<std::string> ids;
      for (const auto& o : sql->items) ids.push_back(o.id);
      ASSERT_EQ((*mem)->items, ids) << what << " after '" << page.after << "'";
      ASSERT_EQ((*mem)->next_after, sql->next_after) << what;
      auto text = model_->ListJson(f, page, cutoffs);
      ASSERT_TRUE(text.ok() && text->has_value()) << what;
      const nlohmann::json expected = PageBody(*sql, [&](const domain::Offer& o) {
        nlohmann::json j = interop::ToJson(o);
        j["maybe_outdated"] = domain::MaybeOutdated(o, cutoffs);
        return j;
      });
      ASSERT_EQ(**text, expected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
          << what;
      total_ += ids.size();
      if (sql->next_after.empty()) return;
      page.after = sql->next_after;
    }
  }

  // Many combinations: each filter alone and with search words.
  void SameEverywhere() {
    std::vector<OfferFilter> filters(1);
    for (auto kind : {domain::OfferKind::kWonen, domain::OfferKind::kDagbesteding,
                      domain::OfferKind::kLogeren, domain::OfferKind::kZorgThuis}) {
      OfferFilter f;
      f.kind = kind;
      filters.push_back(f);
    }
    for (const char* profile : {"5VV", "4VV", "8VV", "4LG"}) {
      OfferFilter f;
      f.profile = profile;
      filters.push_back(f);
      f.sector = domain::Sector::kVV;
      filters.push_back(f);
    }
    for (const char* region : {"5531", "5521"}) {
      OfferFilter f;
      f.contracted_region = region;
      filters.push_back(f);
    }
    std::set<std::string> municipalities;
    for (const auto& l : data_.locations) municipalities.insert(l.municipality_code);
    int m = 0;
    for (const std::string& code : municipalities) {
      if (m++ % 3 != 0) continue;
      OfferFilter f;
      f.municipality_codes = {code};
      filters.push_back(f);
    }
    for (size_t i = 0; i < data_.locations.size(); i += data_.locations.size() / 4 + 1) {
      OfferFilter f;
      f.near = catalog::NearPoint{data_.locations[i].position.lat, data_.locations[i].position.lon,
                                  3.0 + static_cast<double>(i % 7)};
      filters.push_back(f);
    }
    {
      OfferFilter f;
      f.provider_id = data_.offers[data_.offers.size() / 2].provider_id;
      filters.push_back(f);
      f.kind = domain::OfferKind::kWonen;
      f.municipality_codes = {*municipalities.begin(), *municipalities.rbegin()};
      filters.push_back(f);
    }
    const std::vector<std::string> searches = {
        "",         "dem",  "dementie",     "verpleeg", "zorg thuis",  "CLIËNTEN",
        "clienten", "tu",   "kleinsch won", "z",        "eigen kamer", "xyzzy",
        "ontmoet",  "sint", "logeer"};
    for (bool listed : {true, false}) {
      for (size_t i = 0; i < filters.size(); ++i) {
        for (size_t s = 0; s < searches.size(); s += (i % 3) + 1) {
          OfferFilter f = filters[i];
          f.listed_only = listed;
          f.words = catalog::SearchWords(searches[s]);
          Same(f, s % 2 == 0 ? 10 : 500, "filter " + std::to_string(i) + " q=" + searches[s]);
          if (HasFatalFailure()) return;
        }
      }
    }
  }

  catalog::ChangeAuthor admin_{"user-admin", ""};
  std::unique_ptr<store::Database> db_;
  domain::Dataset data_;
  std::unique_ptr<catalog::CatalogService> catalog_;
  std::unique_ptr<OfferReadModel> model_;
  size_t total_ = 0;
};

TEST_F(OfferReadModelTest, AnswersAsTheStore) {
  SameEverywhere();
  EXPECT_GT(total_, 1000u);  // the combinations found offers, not only empty pages
}

TEST_F(OfferReadModelTest, FollowsEveryWrite) {
  SameEverywhere();
  ASSERT_FALSE(HasFatalFailure());
  const domain::Offer& first = data_.offers.front();
  // A new description is searched at once, free places are shown at once.
  catalog::OfferPatch patch;
  patch.description = std::string("Nu ook in het Vlinderhofje: cliënten met Korsakov");
  patch.free_places = 3;
  ASSERT_TRUE(catalog_->UpdateOffer(first.id, patch, admin_).ok());
  OfferFilter vlinder;
  vlinder.words = {"VLINDERH"};
  auto found = model_->ListIds(vlinder, {});
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->items, std::vector<std::string>{first.id});
  // A contract, a provider suspended, a new offer, a location moved to another municipality.
  ASSERT_TRUE(
      catalog_->SetContract(data_.offers[1].id, "5531", catalog::Contract::kPgbOnly, admin_).ok());
  ASSERT_TRUE(catalog_
                  ->SetRegisterStatus(data_.offers.back().provider_id,
                                      domain::RegisterStatus::kSuspended, "Test", admin_)
                  .ok());
  domain::Offer added = data_.offers[2];
  added.id = "";
  added.name = "Zorgboerderij Het Ezelspad";
  auto made = catalog_->AddOffer(added, admin_);
  ASSERT_TRUE(made.ok()) << made.error().ToString();
  domain::Location moved = data_.locations[3];
  moved.municipality_code = data_.locations[0].municipality_code;
  moved.position = data_.locations[0].position;
  ASSERT_TRUE(db_->catalog().PutLocation(moved).ok());
  SameEverywhere();
  OfferFilter ezel;
  ezel.words = {"ezels"};
  ezel.listed_only = true;
  found = model_->ListIds(ezel, {});
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->items, std::vector<std::string>{made->id});
}

TEST_F(OfferReadModelTest, LeavesToTheStoreWhatItCannotAnswer) {
  OfferFilter outdated;
  outdated.outdated = catalog_->Cutoffs();
  auto r = model_->ListIds(outdated, {});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
  OfferFilter phrase;  // one search word that is two words to the SQL search
  phrase.words = {"zo’n"};
  r = model_->ListIds(phrase, {});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

// A store that keeps no change log (store::Database's defaults): nothing to follow.
class WithoutChangeLog : public store::Database {
 public:
  explicit WithoutChangeLog(store::Database& db) : db_(db) {}
  catalog::CatalogStore& catalog() override { return db_.catalog(); }
  intake::ClientStore& clients() override { return db_.clients(); }
  access::AccountStore& accounts() override { return db_.accounts(); }
  access::ConsentStore& consents() override { return db_.consents(); }
  access::AuditStore& audit() override { return db_.audit(); }
  monitor::MapHistoryStore& map_history() override { return db_.map_history(); }
  Status InTransaction(const std::function<Status()>& fn) override { return db_.InTransaction(fn); }
  Result<int> SchemaVersion() override { return db_.SchemaVersion(); }

 private:
  store::Database& db_;
};

TEST_F(OfferReadModelTest, LeavesAStoreWithoutChangeLogToTheStore) {
  WithoutChangeLog plain(*db_);
  OfferReadModel model(plain, *catalog_);
  auto r = model.ListIds(OfferFilter{}, {});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_FALSE(r->has_value());
}

}  // namespace
}  // namespace passend::api
