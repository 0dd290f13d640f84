// The matching endpoints over real HTTP on loopback, against a real SQLite database filled
// with the generated Zuid-Limburg region: ranked and explained results, 404 and 400
// problems naming the field, the anonymous search leaving the database byte-identical and
// the request log free of the body, the mismatch map, and the OpenAPI document.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

#include "access/principal.h"
#include "api/routes.h"
#include "api/server.h"
#include "catalog/catalog_service.h"
#include "generate/generator.h"
#include "interop/native_json.h"
#include "match/json/match_json.h"
#include "match/match_service.h"
#include "match/query.h"
#include "refdata/refdata.h"
#include "store/test_backend_for_test.h"

namespace passend::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kRegion = "5531";  // Zorgkantoor Zuid-Limburg

// Test-only guard (the real one belongs to the access layer): admits every request as one
// fixed care-office employee of region 5531 and records what it admitted.
class FixedPrincipalGuard : public Guard {
 public:
  FixedPrincipalGuard() {
    auto who = std::make_shared<Admission>();
    who->principal.user_id = "usr-zk-test";
    who->principal.role = access::Role::kZorgkantoor;
    who->principal.region = kRegion;
    admission_ = std::move(who);
  }
  Result<std::shared_ptr<const Admission>> Admit(const Route& route,
                                                 const ApiRequest& request) override {
    std::lock_guard lock(mu_);
    auto id = request.path_params.find("id");
    admitted_.push_back(route.permission + " " +
                        (id == request.path_params.end() ? "-" : id->second));
    return admission_;
  }
  std::vector<std::string> admitted() {
    std::lock_guard lock(mu_);
    return admitted_;
  }

 private:
  std::shared_ptr<const Admission> admission_;
  std::mutex mu_;
  std::vector<std::string> admitted_;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// FNV-1a over the bytes: a short fingerprint for messages; the test compares the bytes.
uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

class MatchApiTest : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("passend_match_api_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    db_path_ = new std::string((*dir_ / "passend.db").string());

    auto db = store::testing::OpenTestDatabaseWithTables(*db_path_);
    ASSERT_TRUE(db.ok()) << db.error().ToString();
    opened_ = new store::DatabaseWithTables(std::move(*db));
    db_ = opened_->db.get();
    generate::GenerateOptions gen;
    gen.region = generate::RegionPreset::kZuidLimburg;
    auto data = generate::Generate(gen, refdata::BuiltIn());
    ASSERT_TRUE(data.ok()) << data.error().ToString();
    catalog_ = new catalog::CatalogService(*db_, refdata::BuiltIn());
    intake_ = new intake::IntakeService(*db_, refdata::BuiltIn(), access::SystemNow);
    ASSERT_TRUE(catalog_->Import(*data).ok());

    auto service = match::MatchService::Open(*db_, refdata::BuiltIn());
    ASSERT_TRUE(service.ok()) << service.error().ToString();
    service_ = std::move(*service).release();
    index_ = &service_->Snapshot()->index;

    guard_ = new FixedPrincipalGuard();
    logs_ = new std::vector<json>();
    Router router = AllRoutes({*db_, *catalog_, *intake_, refdata::BuiltIn()});
    AddMatchRoutes(router, *service_);
    ServerOptions options;
    options.port = 0;
    options.threads = 8;
    options.log = [](const json& line) {
      std::lock_guard lock(log_mu_);
      logs_->push_back(line);
    };
    server_ = new Server(options, std::move(router), guard_);
    ASSERT_TRUE(server_->Bind().ok());
    runner_ = new std::thread([] { ASSERT_TRUE(server_->Run().ok()); });
  }

  static void TearDownTestSuite() {
    if (server_ != nullptr) server_->Stop();
    if (runner_ != nullptr && runner_->joinable()) runner_->join();
    delete runner_;
    delete server_;
    delete guard_;
    delete service_;
    delete intake_;
    delete catalog_;
    delete opened_;
    delete logs_;
    if (dir_ != nullptr) fs::remove_all(*dir_);
    delete db_path_;
    delete dir_;
  }

 protected:
  static httplib::Client Http() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(std::chrono::seconds(5));
    c.set_read_timeout(std::chrono::seconds(60));
    return c;
  }
  static httplib::Result Get(const std::string& path) {
    auto res = Http().Get(path.c_str());
    EXPECT_TRUE(res) << "GET " << path;
    return res;
  }
  static httplib::Result Post(const std::string& path, const std::string& body) {
    auto res = Http().Post(path.c_str(), body, "application/json");
    EXPECT_TRUE(res) << "POST " << path;
    return res;
  }
  static json Json(const httplib::Result& res) { return json::parse(res->body); }

  // Asserts a problem with this status, code and field.
  static void ExpectProblem(const httplib::Result& res, int status, const std::string& code,
                            const std::string& field = {}) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json");
    json body = Json(res);
    EXPECT_EQ(body["code"], code) << res->body;
    if (!field.empty()) {
      EXPECT_EQ(body.value("field", ""), field) << res->body;
    }
  }

  static domain::Client FirstClient() {
    auto page = db_->clients().ListClients({}, store::PageRequest{"", 1});
    EXPECT_TRUE(page.ok() && !page->items.empty());
    return page->items.at(0);
  }

  // A realistic anonymous search: elderly care in Maastricht, a few wishes (one in own
  // words), the daughter nearby.
  static json SearchBody() {
    return {{"profile", "5VV"},
            {"municipality_code", "GM0935"},
            {"seeking", {"wonen"}},
            {"wishes",
             {{{"feature_id", "rustige_omgeving"}, {"importance", "important"}},
              {{"feature_id", "vaste_begeleiders"}, {"importance", "must"}},
              {{"importance", "nice"}, {"text", "een moestuin om samen in te werken"}}}},
            {"places",
             {{{"kind", "familie"},
               {"label", "dochter"},
               {"position", {{"lat", 50.85}, {"lon", 5.69}}},
               {"max_km", 10},
               {"importance", "important"}}}}};
  }

  static fs::path* dir_;
  static std::string* db_path_;
  static store::DatabaseWithTables* opened_;
  static store::Database* db_;
  static catalog::CatalogService* catalog_;
  static intake::IntakeService* intake_;
  static match::MatchService* service_;
  static const match::MatchIndex* index_;  // the service's one snapshot (no feed: no refresh)
  static FixedPrincipalGuard* guard_;
  static Server* server_;
  static std::thread* runner_;
  static std::mutex log_mu_;
  static std::vector<json>* logs_;
};

fs::path* MatchApiTest::dir_ = nullptr;
std::string* MatchApiTest::db_path_ = nullptr;
store::DatabaseWithTables* MatchApiTest::opened_ = nullptr;
store::Database* MatchApiTest::db_ = nullptr;
catalog::CatalogService* MatchApiTest::catalog_ = nullptr;
intake::IntakeService* MatchApiTest::intake_ = nullptr;
match::MatchService* MatchApiTest::service_ = nullptr;
const match::MatchIndex* MatchApiTest::index_ = nullptr;
FixedPrincipalGuard* MatchApiTest::guard_ = nullptr;
Server* MatchApiTest::server_ = nullptr;
std::thread* MatchApiTest::runner_ = nullptr;
std::mutex MatchApiTest::log_mu_;
std::vector<json>* MatchApiTest::logs_ = nullptr;

TEST_F(MatchApiTest, RanksAndExplainsForAKnownClient) {
  domain::Client client = FirstClient();
  auto res = Get("/api/v1/clients/" + client.id + "/matches?limit=5");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = Json(res);
  EXPECT_EQ(body["client_id"], client.id);
  ASSERT_TRUE(body["offers"].is_array());
  ASSERT_GE(body["offers"].size(), 1u);
  EXPECT_LE(body["offers"].size(), 5u);
  EXPECT_FALSE(body.contains("arrangements")) << "only with arrangements=true";

  const json& first = body["offers"][0];
  EXPECT_TRUE(first["offer_id"].is_string());
  EXPECT_TRUE(first["score"].is_number());
  EXPECT_TRUE(first["unmet"].is_number_integer());
  const json& why = first["explanation"];
  ASSERT_TRUE(why["parts"].is_array());
  ASSERT_GE(why["parts"].size(), 1u);
  EXPECT_EQ(why["parts"][0]["offer_id"], first["offer_id"]);
  for (const char* key : {"offer_name", "provider_name", "contracting", "contracting_reason",
                          "wait_weeks", "possible_forms", "profile_accepted"}) {
    EXPECT_TRUE(why["parts"][0].contains(key)) << key;
  }
  EXPECT_TRUE(why["wishes"].is_array());
  EXPECT_TRUE(why["needs"].is_array());
  EXPECT_TRUE(why["places"].is_array());
  ASSERT_TRUE(why["summary"].is_array());
  EXPECT_FALSE(why["summary"].empty());
  EXPECT_TRUE(body["mismatch"]["items"].is_array());
  EXPECT_EQ(body["mismatch"]["best_offer_id"], first["offer_id"]);

  // The API renders exactly what the matching module answers (the CLI's JSON, too).
  match::MatchOptions opt;
  opt.limit = 5;
  auto direct = match::MatchClient(*index_, client, opt);
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(body, match::MatchResultToJson(*index_, client, *direct, false));

  // The guard was asked for match.read about this client (from the {id} parameter).
  auto admitted = guard_->admitted();
  EXPECT_NE(std::find(admitted.begin(), admitted.end(), "match.read " + client.id), admitted.end());
}

// Issue 20: a change to the dossier shows in the client's matches at once (the match
// request reads the client's record; no index refresh is needed for a client).
TEST_F(MatchApiTest, ADossierChangeShowsInTheMatchesAtOnce) {
  auto page = db_->clients().ListClients({}, store::PageRequest{"", 5});
  ASSERT_TRUE(page.ok() && page->items.size() == 5u);
  const domain::Client client = page->items[4];  // not the client the other tests read
  for (const auto& w : client.wishes) ASSERT_NE(w.feature_id, "joodse_identiteit");
  const std::string path = "/api/v1/clients/" + client.id;
  auto before = Get(path + "/matches");
  ASSERT_EQ(before->status, 200) << before->body;
  EXPECT_EQ(before->body.find("joodse_identiteit"), std::string::npos);

  json wishes = json::array();
  for (const auto& w : client.wishes) wishes.push_back(interop::ToJson(w));
  wishes.push_back({{"feature_id", "joodse_identiteit"},
                    {"importance", "must"},
                    {"text", "koosjer eten en sjabbat"}});
  const json change = {{"reason", "Nieuwe wens"}, {"patch", {{"wishes", wishes}}}};
  auto version = Get(path);
  ASSERT_EQ(version->status, 200);
  httplib::Headers if_match{{"If-Match", version->get_header_value("ETag")}};
  auto patched = Http().Patch(path, if_match, change.dump(), "application/json");
  ASSERT_TRUE(patched);
  ASSERT_EQ(patched->status, 200) << patched->body;
  auto after = Get(path + "/matches");
  ASSERT_EQ(after->status, 200) << after->body;
  EXPECT_NE(after->body.find("joodse_identiteit"), std::string::npos);
}

TEST_F(MatchApiTest, ArrangementsOnRequest) {
  domain::Client client = FirstClient();
  auto res = Get("/api/v1/clients/" + client.id + "/matches?limit=3&arrangements=true");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = Json(res);
  ASSERT_TRUE(body["arrangements"].is_array());
  for (const auto& a : body["arrangements"]) {
    EXPECT_GE(a["offer_ids"].size(), 1u);
    EXPECT_TRUE(a["explanation"]["parts"].is_array());
  }
}

TEST_F(MatchApiTest, UnknownClientIs404) {
  ExpectProblem(Get("/api/v1/clients/cli-bestaat-niet/matches"), 404, "not_found");
}

TEST_F(MatchApiTest, BadQueryParametersAre400NamingThem) {
  const std::string base = "/api/v1/clients/" + FirstClient().id + "/matches";
  ExpectProblem(Get(base + "?limit=0"), 400, "invalid_argument", "limit");
  ExpectProblem(Get(base + "?limit=veel"), 400, "invalid_argument", "limit");
  ExpectProblem(Get(base + "?limit=51"), 400, "invalid_argument", "limit");
  ExpectProblem(Get(base + "?arrangements=ja"), 400, "invalid_argument", "arrangements");
  ExpectProblem(Post("/api/v1/zoeken?limit=-1", SearchBody().dump()), 400, "invalid_argument",
                "limit");
}

TEST_F(MatchApiTest, AnonymousSearchRanksASituation) {
  auto res = Post("/api/v1/zoeken?limit=5", SearchBody().dump());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = Json(res);
  EXPECT_EQ(body["client_id"], "anoniem");
  ASSERT_GE(body["offers"].size(), 1u);
  EXPECT_LE(body["offers"].size(), 5u);
  EXPECT_FALSE(body["offers"][0]["explanation"]["summary"].empty());
  // The wish in own words fits no feature: reported back, never dropped.
  EXPECT_EQ(body["mismatch"]["free_text_wishes"],
            json::array({"een moestuin om samen in te werken"}));
  // The same situation gives the same answer (no state kept between searches).
  auto again = Post("/api/v1/zoeken?limit=5", SearchBody().dump());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, res->body);

  // Home defaults to the municipality's centroid; giving it explicitly is the same.
  json with_home = SearchBody();
  const auto* m = refdata::BuiltIn().FindMunicipality("GM0935");
  ASSERT_NE(m, nullptr);
  with_home["home"] = {{"lat", m->centroid.lat}, {"lon", m->centroid.lon}};
  auto explicit_home = Post("/api/v1/zoeken?limit=5", with_home.dump());
  ASSERT_TRUE(explicit_home);
  EXPECT_EQ(explicit_home->body, res->body);

  for (const auto& line : guard_->admitted()) {
    EXPECT_EQ(line.find("public"), std::string::npos) << "public routes skip the guard";
  }
}

TEST_F(MatchApiTest, BadSearchBodiesAre400NamingTheField) {
  ExpectProblem(Post("/api/v1/zoeken", "{\"municipality_code\": \"GM0935\", "), 400,
                "invalid_argument", "body");
  ExpectProblem(Post("/api/v1/zoeken", "[1, 2]"), 400, "invalid_argument", "body");

  json unknown_feature = SearchBody();
  unknown_feature["wishes"][0]["feature_id"] = "vliegende_tapijten";
  ExpectProblem(Post("/api/v1/zoeken", unknown_feature.dump()), 400, "invalid_argument",
                "wishes[0].feature_id");

  json negative = SearchBody();
  negative["places"][0]["max_km"] = -2;
  ExpectProblem(Post("/api/v1/zoeken", negative.dump()), 400, "invalid_argument",
                "places[0].max_km");

  json bad_importance = SearchBody();
  bad_importance["wishes"][1]["importance"] = "heel_erg";
  ExpectProblem(Post("/api/v1/zoeken", bad_importance.dump()), 400, "invalid_argument",
                "wishes[1].importance");

  json unknown_municipality = SearchBody();
  unknown_municipality["municipality_code"] = "GM9999";
  ExpectProblem(Post("/api/v1/zoeken", unknown_municipality.dump()), 400, "invalid_argument",
                "municipality_code");

  json misspelt = SearchBody();
  misspelt["whishes"] = json::array();
  ExpectProblem(Post("/api/v1/zoeken", misspelt.dump()), 400, "invalid_argument", "whishes");

  json no_municipality = SearchBody();
  no_municipality.erase("municipality_code");
  ExpectProblem(Post("/api/v1/zoeken", no_municipality.dump()), 400, "invalid_argument",
                "municipality_code");

  json bad_kind = SearchBody();
  bad_kind["seeking"] = {"kasteel"};
  ExpectProblem(Post("/api/v1/zoeken", bad_kind.dump()), 400, "invalid_argument", "seeking[0]");
}

// Regression (issue 23, item 1): 100,000 identical wishes in a 4.6 MB body cost 16 s of
// CPU. The lists are bounded (match/query.h) and so is the body.
TEST_F(MatchApiTest, AnonymousSearchBoundsItsLists) {
  auto with = [](const char* list, const json& item, size_t n) {
    json body = SearchBody();
    body[list] = json::array();
    for (size_t i = 0; i < n; ++i) body[list].push_back(item);
    return body.dump();
  };
  const json wish = {{"feature_id", "rustige_omgeving"}, {"importance", "important"}};
  const json own_words = {{"importance", "nice"}, {"text", "een moestuin"}};
  const json need = {{"feature_id", "rustige_omgeving"}};
  const json place = SearchBody()["places"][0];

  auto at_cap = Post("/api/v1/zoeken", with("wishes", wish, match::kMaxWishes));
  ASSERT_TRUE(at_cap);
  EXPECT_EQ(at_cap->status, 200) << at_cap->body.substr(0, 300);
  ExpectProblem(Post("/api/v1/zoeken", with("wishes", wish, match::kMaxWishes + 1)), 400,
                "invalid_argument", "wishes");
  ExpectProblem(Post("/api/v1/zoeken", with("wishes", own_words, match::kMaxFreeTextWishes + 1)),
                400, "invalid_argument", "wishes");
  ExpectProblem(Post("/api/v1/zoeken", with("needs", need, match::kMaxNeeds + 1)), 400,
                "invalid_argument", "needs");
  ExpectProblem(Post("/api/v1/zoeken", with("places", place, match::kMaxPlaces + 1)), 400,
                "invalid_argument", "places");
  ExpectProblem(Post("/api/v1/zoeken", with("seeking", "wonen", match::kMaxSeekingKinds + 1)), 400,
                "invalid_argument", "seeking");

  // A body far beyond any real situation is refused before it is parsed, also one at the
  // server's own limit (10 MiB).
  ExpectProblem(Post("/api/v1/zoeken", with("wishes", wish, 2000)), 413, "resource_exhausted");
  std::string huge = with("wishes", wish, 1);
  huge.insert(1, "\"pad\": \"" + std::string(10 * 1024 * 1024 - huge.size() - 64, 'x') + "\",");
  ExpectProblem(Post("/api/v1/zoeken", huge), 413, "resource_exhausted");

  // The schema says so too.
  auto doc = Get("/api/v1/openapi.json");
  ASSERT_TRUE(doc);
  const json schema = Json(doc)["paths"]["/api/v1/zoeken"]["post"]["requestBody"]["content"]
                               ["application/json"]["schema"];
  EXPECT_EQ(schema["properties"]["wishes"]["maxItems"], match::kMaxWishes) << schema.dump();
  EXPECT_EQ(schema["properties"]["places"]["maxItems"], match::kMaxPlaces);
}

// Regression (issue 23, item 3): a number beyond a double was a 500.
TEST_F(MatchApiTest, NumberOutOfRangeIs400NamingTheField) {
  std::string body = SearchBody().dump();
  body.insert(1, "\"home\": {\"lat\": 1e999, \"lon\": 5.7},");
  ExpectProblem(Post("/api/v1/zoeken", body), 400, "invalid_argument", "body.home.lat");
}

// Every row of every table (store/tables.h), sorted, so that any write shows on either
// backend.
std::vector<std::string> StoredRows(store::Tables& tables) {
  std::vector<std::string> out;
  auto list = tables.List();
  EXPECT_TRUE(list.ok());
  if (!list.ok()) return out;
  for (const auto& table : *list) {
    std::vector<std::string> rows;
    Status read = tables.Read(table, [&](const store::Row& row) -> Status {
      std::ostringstream line;
      for (const auto& v : row) {
        std::visit(
            [&](const auto& x) {
              if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>) {
                line << "NULL";
              } else {
                line << x;
              }
            },
            v);
        line << '\x1f';
      }
      rows.push_back(line.str());
      return Ok();
    });
    EXPECT_TRUE(read.ok()) << table.name;
    std::sort(rows.begin(), rows.end());
    std::string joined = table.name + ":";
    for (const auto& r : rows) joined += r + "\n";
    out.push_back(std::move(joined));
  }
  return out;
}

TEST_F(MatchApiTest, AnonymousSearchStoresAndLogsNothing) {
  auto backend = store::testing::TestBackend();
  ASSERT_TRUE(backend.ok());
  const bool sqlite = *backend == "sqlite";
  if (sqlite) {
    // Settle the WAL into the main file so its state is stable, then fingerprint the files.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_path_->c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  auto counted = db_->clients().CountClients({});
  ASSERT_TRUE(counted.ok());

  // On both backends every stored row and the change feed's head; on SQLite also the
  // files themselves, the WAL included.
  const std::vector<fs::path> files = {*db_path_, *db_path_ + "-wal", *db_path_ + "-shm"};
  auto snapshot = [&] {
    std::vector<std::string> s = StoredRows(*opened_->tables);
    auto head = db_->LastChange();
    EXPECT_TRUE(head.ok());
    s.push_back("head:" + std::to_string(head.ok() ? *head : -1));
    if (!sqlite) return s;
    for (const auto& f : files) s.push_back(fs::exists(f) ? ReadFile(f) : std::string("<none>"));
    return s;
  };
  const std::vector<std::string> before = snapshot();
  if (sqlite) {
    ASSERT_TRUE(fs::exists(files[1]) && fs::exists(files[2])) << "WAL mode: -wal and -shm exist";
  }
  size_t log_lines_before;
  {
    std::lock_guard lock(log_mu_);
    log_lines_before = logs_->size();
  }

  const std::string secret = "mijn geheime wens: tuin met kippen bij de Maas";
  for (int i = 0; i < 5; ++i) {
    json body = SearchBody();
    body["wishes"].push_back({{"importance", "must"}, {"text", secret}});
    body["places"][0]["label"] = "dochter Anja " + std::to_string(i);
    auto res = Post("/api/v1/zoeken?arrangements=true", body.dump());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }
  json bad = SearchBody();
  bad["places"][0]["max_km"] = -1;
  bad["wishes"].push_back({{"importance", "must"}, {"text", secret}});
  ExpectProblem(Post("/api/v1/zoeken", bad.dump()), 400, "invalid_argument", "places[0].max_km");

  const std::vector<std::string> after = snapshot();
  ASSERT_EQ(after.size(), before.size());
  for (size_t f = 0; f < after.size(); ++f) {
    EXPECT_TRUE(after[f] == before[f])
        << "part " << f << " (" << before[f].substr(0, before[f].find(':'))
        << ") changed: " << before[f].size() << " bytes (fnv " << Fnv1a(before[f]) << ") -> "
        << after[f].size() << " bytes (fnv " << Fnv1a(after[f]) << ")";
  }
  EXPECT_EQ(*db_->clients().CountClients({}), *counted);
  auto stored = db_->clients().GetClient("anoniem");
  ASSERT_FALSE(stored.ok());
  EXPECT_EQ(stored.error().code(), ErrorCode::kNotFound);

  // Control: the comparison does see a write (a client outside the region of the map test).
  domain::Client control;
  control.id = "cli-controle";
  control.municipality_code = "GM0363";
  control.home = refdata::BuiltIn().FindMunicipality("GM0363")->centroid;
  ASSERT_TRUE(db_->clients().PutClient(control).ok());
  EXPECT_NE(snapshot(), before) << "a write must change the fingerprint";

  // The request log has method, path and status; nothing from the body.
  std::lock_guard lock(log_mu_);
  ASSERT_GE(logs_->size(), log_lines_before + 6);
  for (size_t i = log_lines_before; i < logs_->size(); ++i) {
    const std::string line = (*logs_)[i].dump();
    EXPECT_EQ(line.find("geheime"), std::string::npos) << line;
    EXPECT_EQ(line.find("Anja"), std::string::npos) << line;
    EXPECT_EQ(line.find("GM0935"), std::string::npos) << line;
    EXPECT_EQ(line.find("50.85"), std::string::npos) << line;
  }
}

TEST_F(MatchApiTest, ConcurrentSearchesGiveTheSameAnswer) {
  auto reference = Post("/api/v1/zoeken", SearchBody().dump());
  ASSERT_TRUE(reference);
  ASSERT_EQ(reference->status, 200);
  std::vector<std::thread> threads;
  std::atomic<int> same{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      auto client = Http();
      for (int i = 0; i < 10; ++i) {
        auto res = client.Post("/api/v1/zoeken", SearchBody().dump(), "application/json");
        if (res && res->status == 200 && res->body == reference->body) ++same;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(same.load(), 60);
}

TEST_F(MatchApiTest, MismatchMapOfTheRegion) {
  auto res = Get(std::string("/api/v1/mismatch?region=") + kRegion);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = Json(res);
  EXPECT_EQ(body["region"], kRegion);
  EXPECT_EQ(body["scope"], refdata::BuiltIn().FindRegion(kRegion)->name);

  intake::ClientFilter filter;
  for (const auto& m : refdata::BuiltIn().municipalities())
    if (m.zorgkantoor_code == kRegion) filter.municipality_codes.push_back(m.code);
  // The map is about the clients who look for care; those in care are left out.
  int64_t searching = 0;
  ASSERT_TRUE(db_->clients()
                  .ForEachClient(filter,
                                 [&](const domain::Client& c) {
                                   searching += domain::IsSearching(c.care_status);
                                   return Ok();
                                 })
                  .ok());
  ASSERT_GT(searching, 0);
  EXPECT_EQ(body["clients"], searching);
  EXPECT_GT(body["clients_with_mismatch"].get<int64_t>(), 0);
  EXPECT_FALSE(body["per_wish"].empty());
  EXPECT_FALSE(body["municipalities"].empty());
  ASSERT_EQ(body["regions"].size(), 1u);
  EXPECT_EQ(body["regions"][0]["code"], kRegion);
  EXPECT_EQ(body["min_clients"], match::kMinPublishedClients);
  for (const auto& t : body["free_texts"]) EXPECT_GE(t["clients"].get<int64_t>(), 5) << t;
  for (const auto& [key, entry] : body["per_wish"].items()) {
    EXPECT_GE(entry["clients"].get<int64_t>(), 5) << key;
    EXPECT_TRUE(entry["label"].is_string()) << key;
    EXPECT_GE(entry["share"].get<double>(), 0.0);
    EXPECT_LE(entry["share"].get<double>(), 1.0);
  }

  // Deterministic: the same as counting the clients in one batch on one thread.
  match::MismatchMapBuilder builder(*index_, 1);
  std::vector<domain::Client> all;
  ASSERT_TRUE(db_->clients()
                  .ForEachClient(filter,
                                 [&](const domain::Client& c) {
                                   if (domain::IsSearching(c.care_status)) all.push_back(c);
                                   return Ok();
                                 })
                  .ok());
  builder.Add(all);
  match::MismatchMap map = builder.map();
  match::AddSupply(map, *index_, kRegion);  // the offer of the region beside the seekers
  // Published with small-cell suppression: no count of fewer than 5 clients.
  json expected =
      match::MismatchMapToJson(match::Publishable(map), body["scope"].get<std::string>());
  expected["region"] = kRegion;
  EXPECT_EQ(body, expected);

  auto again = Get(std::string("/api/v1/mismatch?region=") + kRegion);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, res->body);

  // Another region's map is refused by the access guard's policy (this test's guard admits
  // everything): access_matrix_test's TheMismatchMapIsReadInOwnRegionOnlyAndEveryReadIsLogged.
  ExpectProblem(Get("/api/v1/mismatch"), 400, "invalid_argument", "region");
  auto admitted = guard_->admitted();
  EXPECT_NE(std::find(admitted.begin(), admitted.end(), "report.read -"), admitted.end());
}

// Wishes in own words offered for confirmation (issue 20.7): per free-text wish the
// features its words may mean, without those the client wishes already.
TEST_F(MatchApiTest, FreeTextWishesOfferFeaturesToConfirm) {
  domain::Client c = FirstClient();
  c.id = "cli-eigen-woorden";
  c.municipality_code = "GM0599";  // outside the region the other tests count
  c.home = {51.92, 4.48};
  c.wishes = {{"tuin", domain::Importance::kImportant, std::nullopt, ""},
              {"", domain::Importance::kMust, std::nullopt, "om zes uur ontbijten"},
              {"", domain::Importance::kNice, std::nullopt, "samen koffie drinken"},
              {"", domain::Importance::kNice, std::nullopt, "een mooie tuin met bloemen"}};
  ASSERT_TRUE(db_->clients().PutClient(c).ok());
  auto res = Get("/api/v1/clients/cli-eigen-woorden/suggestions");
  ASSERT_EQ(res->status, 200) << res->body;
  const json body = Json(res);
  EXPECT_EQ(body["client_id"], "cli-eigen-woorden");
  ASSERT_EQ(body["items"].size(), 3u);
  EXPECT_EQ(body["items"][0]["wish"], 1);
  EXPECT_EQ(body["items"][0]["text"], "om zes uur ontbijten");
  EXPECT_EQ(body["items"][0]["importance"], "must");
  ASSERT_EQ(body["items"][0]["suggested_features"].size(), 1u);
  EXPECT_EQ(body["items"][0]["suggested_features"][0]["id"], "vroeg_ontbijt");
  EXPECT_EQ(body["items"][0]["suggested_features"][0]["label_nl"],
            refdata::BuiltIn().FindFeature("vroeg_ontbijt")->label_nl);
  // Words that mean nothing in the list: listed, with nothing to confirm.
  EXPECT_EQ(body["items"][1]["wish"], 2);
  EXPECT_TRUE(body["items"][1]["suggested_features"].empty());
  // "tuin" is wished already: not offered again.
  EXPECT_EQ(body["items"][2]["text"], "een mooie tuin met bloemen");
  EXPECT_TRUE(body["items"][2]["suggested_features"].empty()) << body["items"][2];
  ExpectProblem(Get("/api/v1/clients/cli-bestaat-niet/suggestions"), 404, "not_found");
  auto admitted = guard_->admitted();
  EXPECT_NE(std::find(admitted.begin(), admitted.end(), "dossier.read cli-eigen-woorden"),
            admitted.end());
}

TEST_F(MatchApiTest, OpenApiListsTheMatchingRoutes) {
  auto res = Get("/api/v1/openapi.json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  json doc = Json(res);
  const json& paths = doc["paths"];
  ASSERT_TRUE(paths.contains("/api/v1/clients/{id}/matches"));
  ASSERT_TRUE(paths.contains("/api/v1/zoeken"));
  ASSERT_TRUE(paths.contains("/api/v1/mismatch"));
  const json& matches = paths["/api/v1/clients/{id}/matches"]["get"];
  const json& search = paths["/api/v1/zoeken"]["post"];
  const json& map = paths["/api/v1/mismatch"]["get"];
  EXPECT_EQ(matches["x-permission"], "match.read");
  EXPECT_EQ(search["x-permission"], "public");
  EXPECT_EQ(map["x-permission"], "report.read");
  for (const json* op : {&matches, &search, &map}) {
    EXPECT_EQ((*op)["tags"], json::array({"matching"}));
    EXPECT_FALSE((*op)["summary"].get<std::string>().empty());
  }
  EXPECT_TRUE(search.contains("requestBody"));
  std::string params = matches["parameters"].dump();
  for (const char* p : {"\"id\"", "\"limit\"", "\"arrangements\""})
    EXPECT_NE(params.find(p), std::string::npos) << p;
  EXPECT_NE(map["parameters"].dump().find("\"region\""), std::string::npos);
}

}  // namespace
}  // namespace passend::api
