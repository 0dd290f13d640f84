#include "monitor/monitor_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/test_backend_for_test.h"

namespace passend::monitor {
namespace {

using nlohmann::json;

// A region's map as the match service computes it: 40 clients, 12 without a garden (3 as a
// must), 3 without a cat (a small cell: fewer than 5 clients).
match::RegionMismatch Map(int64_t garden) {
  match::RegionMismatch r;
  r.region_code = "5531";
  r.scope = "Zuid-Limburg";
  r.map.clients = 40;
  r.map.clients_with_mismatch = garden + 3;
  r.map.clients_with_must_gap = 3;
  r.map.per_wish = {{"tuin", garden}, {"huisdier_toegestaan", 3}};
  r.map.per_must = {{"tuin", 3}};
  r.map.labels = {{"tuin", "Tuin"}, {"huisdier_toegestaan", "Huisdier toegestaan"}};
  r.map.free_texts = {{"mevrouw Jansen uit de Dorpsstraat", 1}};
  return r;
}

class MonitorServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("passend-monitor-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto db = store::testing::OpenTestDatabase(path_.string());
    ASSERT_TRUE(db.ok()) << db.error().message();
    db_ = std::move(*db);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }
  // A service whose clock moves a day further at every moment kept.
  MonitorService Service() {
    return MonitorService(db_->map_history(), [this] {
      return access::ParseUtc("2026-01-01T09:00:00Z").value() + std::chrono::days(day_++);
    });
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  int day_ = 0;
};

TEST_F(MonitorServiceTest, TrendFollowsEachWishOverTheMomentsKept) {
  MonitorService service = Service();
  ASSERT_TRUE(service.KeepMoment(Map(12), 5).ok());
  ASSERT_TRUE(service.KeepMoment(Map(20), 5).ok());
  auto trend = service.Trend("5531");
  ASSERT_TRUE(trend.ok()) << trend.error().message();
  const json& t = *trend;
  EXPECT_EQ(t["region"], "5531");
  ASSERT_EQ(t["moments"].size(), 2u);
  EXPECT_EQ(t["moments"][0]["taken_at"], "2026-01-01T09:00:00Z");
  EXPECT_EQ(t["moments"][1]["taken_at"], "2026-01-02T09:00:00Z");
  EXPECT_EQ(t["moments"][1]["clients"], 40);
  EXPECT_EQ(t["moments"][1]["clients_with_mismatch"], 23);
  // The must gap of 3 clients is a small cell: left out at every moment.
  EXPECT_TRUE(t["moments"][1]["clients_with_must_gap"].is_null());
  ASSERT_EQ(t["per_wish"].size(), 1u) << t.dump();
  EXPECT_EQ(t["per_wish"][0]["key"], "tuin");
  EXPECT_EQ(t["per_wish"][0]["label"], "Tuin");
  EXPECT_EQ(t["per_wish"][0]["clients"], json({12, 20}));
  EXPECT_EQ(t["per_wish"][0]["clients_must"], json({nullptr, nullptr}));
}

TEST_F(MonitorServiceTest, AMomentKeepsOnlyWhatTheMapMayShow) {
  MonitorService service = Service();
  auto kept = service.KeepMoment(Map(12), 5);
  ASSERT_TRUE(kept.ok());
  // The small cell (3 clients without a cat) and the free text of one client are not kept.
  EXPECT_EQ(kept->map_json.find("huisdier_toegestaan"), std::string::npos);
  EXPECT_EQ(kept->map_json.find("Jansen"), std::string::npos);
  EXPECT_NE(kept->map_json.find("tuin"), std::string::npos);
  // Never below 5, whatever the caller asks.
  auto low = service.KeepMoment(Map(12), 4);
  ASSERT_FALSE(low.ok());
  EXPECT_EQ(low.error().field(), "min_clients");
}

TEST_F(MonitorServiceTest, TrendShowsTheNewestMomentsOldestFirst) {
  MonitorService service = Service();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(service.KeepMoment(Map(10 + i), 5).ok());
  auto trend = service.Trend("5531", 3);
  ASSERT_TRUE(trend.ok());
  ASSERT_EQ((*trend)["moments"].size(), 3u);
  EXPECT_EQ((*trend)["moments"][0]["taken_at"], "2026-01-08T09:00:00Z");
  EXPECT_EQ((*trend)["per_wish"][0]["clients"], json({17, 18, 19}));
  // Another region has no moments; asking for none is a mistake.
  auto other = service.Trend("5530");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE((*other)["moments"].empty());
  EXPECT_TRUE((*other)["per_wish"].empty());
  EXPECT_FALSE(service.Trend("5531", 0).ok());
}

}  // namespace
}  // namespace passend::monitor
