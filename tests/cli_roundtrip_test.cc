// The `passend` binary as a user runs it: generate a region, export, import into a new
// database, export again, and compare bytes; bad input exits non-zero and changes nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code;
  std::string output;  // stdout and stderr together
};

CommandRun Passend(const std::string& args) {
  const std::string cmd = std::string(PASSEND_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("passend-cli-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const char* name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(CliTest, GeneratedRegionRoundTripsUnchanged) {
  // --as-of: the same day for both runs, so the offers' update times agree as well.
  CommandRun gen =
      Passend("generate --region zuid-limburg --seed 7 --as-of 2026-11-01 --db " + P("a.db"));
  ASSERT_EQ(gen.exit_code, 0) << gen.output;
  EXPECT_NE(gen.output.find("8.000 cliënten"), std::string::npos) << gen.output;
  ASSERT_EQ(Passend("export --reason test --db " + P("a.db") + " --out " + P("a.json")).exit_code,
            0);
  CommandRun imp = Passend("import --reason test --db " + P("b.db") + " " + P("a.json"));
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  ASSERT_EQ(Passend("export --reason test --db " + P("b.db") + " --out " + P("b.json")).exit_code,
            0);
  const std::string a = Slurp(P("a.json"));
  EXPECT_GT(a.size(), 1000000u);
  EXPECT_TRUE(a == Slurp(P("b.json")));
  // The same seed gives byte-identical exports; another seed does not.
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 7 --as-of 2026-11-01 --db " + P("c.db"))
                .exit_code,
            0);
  ASSERT_EQ(Passend("export --reason test --db " + P("c.db") + " --out " + P("c.json")).exit_code,
            0);
  EXPECT_TRUE(a == Slurp(P("c.json")));
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 8 --db " + P("d.db")).exit_code, 0);
  ASSERT_EQ(Passend("export --reason test --db " + P("d.db") + " --out " + P("d.json")).exit_code,
            0);
  EXPECT_FALSE(a == Slurp(P("d.json")));
}

TEST_F(CliTest, BadImportExitsWithTheFieldAndChangesNothing) {
  ASSERT_EQ(Passend("generate --region rotterdam --seed 1 --db " + P("r.db")).exit_code, 0);
  ASSERT_EQ(
      Passend("export --reason test --db " + P("r.db") + " --out " + P("before.json")).exit_code,
      0);
  std::string doc = Slurp(P("before.json"));
  // A negative capacity in the first offer.
  const size_t at = doc.find("\"capacity\":", doc.find("\"offers\":["));
  ASSERT_NE(at, std::string::npos);
  doc.replace(at, std::string("\"capacity\":").size(), "\"capacity\":-");
  std::ofstream(P("bad.json")) << doc;
  CommandRun imp = Passend("import --reason test --db " + P("r.db") + " " + P("bad.json"));
  EXPECT_EQ(imp.exit_code, 2) << imp.output;
  EXPECT_NE(imp.output.find("offers[0].capacity"), std::string::npos) << imp.output;
  std::ofstream(P("broken.json")) << "{\"format\": \"passend\", \"version\": 1, \"offers\": [";
  CommandRun broken = Passend("import --reason test --db " + P("r.db") + " " + P("broken.json"));
  EXPECT_EQ(broken.exit_code, 2) << broken.output;
  // Regression (issue 23, item 3): a number beyond a double was "interne fout", exit 1.
  std::ofstream(P("huge.json")) << R"({"format": "passend", "version": 1, "offers": [)"
                                << R"({"capacity": 1e999}]})";
  CommandRun huge = Passend("import --reason test --db " + P("r.db") + " " + P("huge.json"));
  EXPECT_EQ(huge.exit_code, 2) << huge.output;
  EXPECT_NE(huge.output.find("offers[0].capacity"), std::string::npos) << huge.output;
  ASSERT_EQ(
      Passend("export --reason test --db " + P("r.db") + " --out " + P("after.json")).exit_code, 0);
  EXPECT_TRUE(Slurp(P("before.json")) == Slurp(P("after.json")));
}

// The catalogue as CSV (docs/formats.md): export, import into a new database, export again
// gives the same bytes; a file with bad rows is refused whole, or with --valid-only its
// good rows are written and the bad ones named by row and column.
TEST_F(CliTest, CatalogueRoundTripsAsCsv) {
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 7 --as-of 2026-11-01 --db " + P("a.db"))
                .exit_code,
            0);
  CommandRun exp = Passend("export --format csv --db " + P("a.db") + " --out " + P("a.csv"));
  ASSERT_EQ(exp.exit_code, 0) << exp.output;
  const std::string a = Slurp(P("a.csv"));
  ASSERT_GT(a.size(), 100000u);
  EXPECT_EQ(a.substr(0, 3), "\xEF\xBB\xBF");
  CommandRun imp = Passend("import --format csv --db " + P("b.db") + " " + P("a.csv"));
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  EXPECT_NE(imp.output.find("0 cliënten"), std::string::npos) << imp.output;
  ASSERT_EQ(Passend("export --format csv --db " + P("b.db") + " --out " + P("b.csv")).exit_code, 0);
  EXPECT_TRUE(a == Slurp(P("b.csv")));

  // Two bad rows: a negative capacity and an unknown kind, in a file of commas.
  const std::string header =
      "aanbieder_id,aanbieder_naam,locatie_id,locatie_naam,gemeentecode,breedtegraad,"
      "lengtegraad,aanbod_id,aanbod_naam,soort,sectoren,leveringsvormen,capaciteit\n";
  const std::string place = "prv-x,Zorg X,loc-x,Huis X,GM0935,\"50,85\",\"5,7\",";
  std::ofstream(P("bad.csv")) << header << place << "off-x1,Wonen,wonen,VV,verblijf,8\n"
                              << place << "off-x2,Wonen,wonen,VV,verblijf,-1\n"
                              << place << "off-x3,Wonen,kasteel,VV,verblijf,8\n";
  CommandRun bad = Passend("import --format csv --db " + P("c.db") + " " + P("bad.csv"));
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("rij 3, capaciteit: Capaciteit mag niet negatief zijn"),
            std::string::npos)
      << bad.output;
  EXPECT_NE(bad.output.find("rij 4, soort: Onbekende soort 'kasteel'"), std::string::npos)
      << bad.output;
  EXPECT_NE(bad.output.find("2 problemen gevonden; er is niets geïmporteerd"), std::string::npos)
      << bad.output;
  CommandRun valid =
      Passend("import --format csv --valid-only --db " + P("c.db") + " " + P("bad.csv"));
  ASSERT_EQ(valid.exit_code, 0) << valid.output;
  EXPECT_NE(valid.output.find("rij 3, capaciteit"), std::string::npos) << valid.output;
  EXPECT_NE(valid.output.find("2 van 3 overgeslagen"), std::string::npos) << valid.output;
  EXPECT_NE(valid.output.find("1 aanbod"), std::string::npos) << valid.output;
  ASSERT_EQ(Passend("export --format csv --db " + P("c.db") + " --out " + P("c.csv")).exit_code, 0);
  const std::string c = Slurp(P("c.csv"));
  EXPECT_NE(c.find("off-x1"), std::string::npos);
  EXPECT_EQ(c.find("off-x2"), std::string::npos);
  EXPECT_EQ(Passend("import --format xml --db " + P("c.db") + " " + P("bad.csv")).exit_code, 2);
}

// The catalogue in HSDS 3.0 (docs/formats.md): export, import into a new database, export
// again gives the same bytes (tests/interop/validate-hsds.test.mjs validates the export
// against the specification's schemas). The specification's own example imports with
// --valid-only: its organization is written, its location outside the Netherlands and its
// service without Passend's fields are reported and left out.
TEST_F(CliTest, CatalogueRoundTripsAsHsds) {
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 7 --as-of 2026-11-01 --db " + P("a.db"))
                .exit_code,
            0);
  CommandRun exp = Passend("export --format hsds --db " + P("a.db") + " --out " + P("a.json"));
  ASSERT_EQ(exp.exit_code, 0) << exp.output;
  CommandRun imp = Passend("import --format hsds --db " + P("b.db") + " " + P("a.json"));
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  ASSERT_EQ(Passend("export --format hsds --db " + P("b.db") + " --out " + P("b.json")).exit_code,
            0);
  const std::string a = Slurp(P("a.json"));
  ASSERT_GT(a.size(), 100000u);
  EXPECT_TRUE(a == Slurp(P("b.json")));

  const std::string example =
      std::string(PASSEND_SHARED_DIR) + "/schemas/hsds-3.0/examples/organization_full.json";
  ASSERT_TRUE(fs::exists(example)) << example;
  CommandRun whole = Passend("import --format hsds --db " + P("c.db") + " " + example);
  EXPECT_EQ(whole.exit_code, 2) << whole.output;
  EXPECT_NE(whole.output.find("document.locations[0], latitude: Passend kent alleen locaties in "
                              "Nederland"),
            std::string::npos)
      << whole.output;
  CommandRun valid = Passend("import --format hsds --valid-only --db " + P("c.db") + " " + example);
  ASSERT_EQ(valid.exit_code, 0) << valid.output;
  EXPECT_NE(valid.output.find("2 van 3 overgeslagen"), std::string::npos) << valid.output;
  EXPECT_NE(valid.output.find("1 aanbieder, 0 locaties, 0 aanbod"), std::string::npos)
      << valid.output;
}

// The catalogue as a FHIR Bundle of the care-services directory (docs/formats.md): export,
// import, export gives the same bytes (ctest interop_fhir_export validates the export). The
// directory's official Organization example imports as it is.
TEST_F(CliTest, CatalogueRoundTripsAsFhir) {
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 7 --as-of 2026-11-01 --db " + P("a.db"))
                .exit_code,
            0);
  ASSERT_EQ(Passend("export --format fhir --db " + P("a.db") + " --out " + P("a.json")).exit_code,
            0);
  CommandRun imp = Passend("import --format fhir --db " + P("b.db") + " " + P("a.json"));
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  ASSERT_EQ(Passend("export --format fhir --db " + P("b.db") + " --out " + P("b.json")).exit_code,
            0);
  const std::string a = Slurp(P("a.json"));
  ASSERT_GT(a.size(), 100000u);
  EXPECT_TRUE(a == Slurp(P("b.json")));
  const std::string org = std::string(PASSEND_SHARED_DIR) +
                          "/schemas/nl-gf-adressering/examples/"
                          "Organization-7c98f969-6c3b-5dd3-a18e-e9cf02c8497d.json";
  CommandRun one = Passend("import --format fhir --db " + P("c.db") + " " + org);
  ASSERT_EQ(one.exit_code, 0) << one.output;
  EXPECT_NE(one.output.find("1 aanbieder, 0 locaties"), std::string::npos) << one.output;
  const std::string loc = std::string(PASSEND_SHARED_DIR) +
                          "/schemas/nl-gf-adressering/examples/"
                          "Location-bbec4d2a-1be2-539b-817e-f85ef6e895f2.json";
  CommandRun where = Passend("import --format fhir --db " + P("c.db") + " " + loc);
  EXPECT_EQ(where.exit_code, 2) << where.output;
  EXPECT_NE(where.output.find("Location.position"), std::string::npos) << where.output;
}

TEST_F(CliTest, GenerateRefusesADatabaseWithData) {
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 1 --db " + P("z.db")).exit_code, 0);
  CommandRun again = Passend("generate --region zuid-limburg --seed 1 --db " + P("z.db"));
  EXPECT_EQ(again.exit_code, 6) << again.output;
  CommandRun region = Passend("generate --region atlantis --db " + P("y.db"));
  EXPECT_EQ(region.exit_code, 2) << region.output;
  EXPECT_NE(region.output.find("atlantis"), std::string::npos);
}

// migrate-db moves a whole installation (here SQLite to SQLite; to PostgreSQL in
// store_copy_test and index_follows_data --postgres) and says so in Dutch; a target with
// data, or a source that is not there, is refused.
TEST_F(CliTest, MigrateDbMovesAnInstallationAndRefusesATargetWithData) {
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 3 --db " + P("from.db")).exit_code, 0);
  CommandRun moved = Passend("migrate-db --from " + P("from.db") + " --to " + P("to.db"));
  ASSERT_EQ(moved.exit_code, 0) << moved.output;
  EXPECT_TRUE(std::regex_search(moved.output, std::regex("\\nclients +8\\.000  [0-9a-f]{32}\\n")))
      << moved.output;
  EXPECT_NE(moved.output.find("aantallen en controlegetallen gelijk"), std::string::npos);
  ASSERT_EQ(
      Passend("export --reason test --db " + P("from.db") + " --out " + P("from.json")).exit_code,
      0);
  ASSERT_EQ(Passend("export --reason test --db " + P("to.db") + " --out " + P("to.json")).exit_code,
            0);
  EXPECT_TRUE(Slurp(P("from.json")) == Slurp(P("to.json")));
  CommandRun again = Passend("migrate-db --from " + P("from.db") + " --to " + P("to.db"));
  EXPECT_EQ(again.exit_code, 6) << again.output;
  EXPECT_NE(again.output.find("bevat al gegevens"), std::string::npos) << again.output;
  CommandRun missing = Passend("migrate-db --from " + P("nergens.db") + " --to " + P("x.db"));
  EXPECT_EQ(missing.exit_code, 3) << missing.output;
}

// An export made after an erasure imports again into a new database (the erased client is
// left out with a count; docs/native-format.md).
TEST_F(CliTest, ExportAfterAnErasureImportsAgain) {
  ASSERT_EQ(Passend("generate --region rotterdam --seed 5 --db " + P("e.db")).exit_code, 0);
  ASSERT_EQ(Passend("export --reason test --db " + P("e.db") + " --out " + P("e1.json")).exit_code,
            0);
  const std::string before = Slurp(P("e1.json"));
  const size_t at = before.find("\"cli-");
  ASSERT_NE(at, std::string::npos);
  const std::string id = before.substr(at + 1, before.find('"', at + 1) - at - 1);
  CommandRun erase =
      Passend("client erase --db " + P("e.db") + " --client " + id + " --reason verzoek-123");
  ASSERT_EQ(erase.exit_code, 0) << erase.output;
  // The time for people is the clock in the Netherlands, in Dutch (access/local_time.h).
  EXPECT_TRUE(std::regex_search(erase.output,
                                std::regex("gewist op \\d{1,2} [a-z]+ \\d{4} om \\d\\d:\\d\\d\\.")))
      << erase.output;
  CommandRun exp = Passend("export --reason test --db " + P("e.db") + " --out " + P("e2.json"));
  ASSERT_EQ(exp.exit_code, 0) << exp.output;
  EXPECT_NE(exp.output.find("1 gewiste cliënt weggelaten"), std::string::npos) << exp.output;
  const std::string after = Slurp(P("e2.json"));
  EXPECT_EQ(after.find("\"" + id + "\""), std::string::npos);
  CommandRun imp = Passend("import --reason test --db " + P("f.db") + " " + P("e2.json"));
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  EXPECT_NE(imp.output.find("7.999 cliënten"), std::string::npos) << imp.output;
  ASSERT_EQ(Passend("export --reason test --db " + P("f.db") + " --out " + P("f.json")).exit_code,
            0);
  EXPECT_TRUE(after == Slurp(P("f.json")));
}

// Numbers for people are written the Dutch way (domain/dutch_number.h): the summary of
// generate, the mismatch map as text and its CSV for Dutch Excel.
TEST_F(CliTest, NumbersForPeopleHaveADecimalComma) {
  CommandRun gen = Passend("generate --region rotterdam --seed 3 --db " + P("n.db"));
  ASSERT_EQ(gen.exit_code, 0) << gen.output;
  EXPECT_TRUE(
      std::regex_search(gen.output, std::regex("\\(\\d+,\\d s, waarvan \\d+,\\d s genereren\\)")))
      << gen.output;
  EXPECT_TRUE(std::regex_search(gen.output, std::regex("  0,\\d{3} +0,\\d{3} +±0,\\d{3}")))
      << gen.output;
  CommandRun text = Passend("mismatch --db " + P("n.db"));
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_TRUE(std::regex_search(text.output, std::regex("\\(\\d+,\\d s\\)"))) << text.output;
  EXPECT_TRUE(std::regex_search(text.output, std::regex(" \\d+,\\d%  "))) << text.output;
  EXPECT_TRUE(std::regex_search(
      text.output,
      std::regex("Mismatchkaart .*: [0-9.]+ cliënten die zorg zoeken \\(\\d+,\\d s\\)\\.\n"
                 "  Bij [0-9.]+ \\(\\d+%\\) ontbreekt")))
      << text.output;
  EXPECT_FALSE(std::regex_search(text.output, std::regex("\\d\\.\\d%"))) << text.output;
  CommandRun csv = Passend("mismatch --csv --db " + P("n.db"));
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  // clienten_getroffen;waarvan_moet;clienten;aandeel;aanbod;vrije_plekken;mediane_wachttijd
  EXPECT_TRUE(std::regex_search(csv.output, std::regex(";\\d+;\\d*;\\d+;0,\\d{4};"))) << csv.output;
  EXPECT_TRUE(std::regex_search(csv.output, std::regex(";\\d+;\\d+;\\d+,\\d\\n"))) << csv.output;
  EXPECT_FALSE(std::regex_search(csv.output, std::regex(";0\\.\\d"))) << csv.output;
}

// Regression (issue 23, item 10): the access log is keyed by a file outside the database;
// its head can be noted and checked later.
TEST_F(CliTest, KeyedAccessLogHeadAndExpect) {
  ASSERT_EQ(Passend("generate --region zuid-limburg --seed 3 --db " + P("k.db")).exit_code, 0);
  CommandRun demo = Passend("user demo --db " + P("k.db"));
  ASSERT_EQ(demo.exit_code, 0) << demo.output;
  const size_t at = demo.output.find("cliënt cli-");
  ASSERT_NE(at, std::string::npos) << demo.output;
  const std::string client =
      demo.output.substr(at + std::string("cliënt ").size(),
                         demo.output.find_first_of(" \n", at + std::string("cliënt ").size()) - at -
                             std::string("cliënt ").size());
  ASSERT_EQ(Passend("audit keygen --out " + P("audit.key")).exit_code, 0);
  EXPECT_EQ(fs::status(P("audit.key")).permissions() & fs::perms::group_read, fs::perms::none);
  EXPECT_EQ(Passend("audit keygen --out " + P("audit.key")).exit_code, 4);  // never overwritten
  const std::string key = " --audit-key " + P("audit.key");
  CommandRun exp = Passend("client export --reason AVG-verzoek --db " + P("k.db") + " --client " +
                           client + " --out " + P("c.json") + key);
  ASSERT_EQ(exp.exit_code, 0) << exp.output;
  CommandRun head = Passend("audit head --db " + P("k.db") + key);
  ASSERT_EQ(head.exit_code, 0) << head.output;
  const std::string noted = head.output.substr(0, head.output.find('\n'));
  EXPECT_EQ(noted.find(':'), 1u) << noted;  // "1:<hash>": the export's entry
  CommandRun ok = Passend("audit verify --db " + P("k.db") + key + " --expect " + noted);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  CommandRun gone =
      Passend("audit verify --db " + P("k.db") + key + " --expect 2:" + noted.substr(2));
  EXPECT_EQ(gone.exit_code, 6) << gone.output;
  // Without the key a keyed log can be neither checked nor written to.
  EXPECT_EQ(Passend("audit verify --db " + P("k.db")).exit_code, 6);
  EXPECT_EQ(Passend("client export --reason AVG-verzoek --db " + P("k.db") + " --client " + client +
                    " --out " + P("d.json"))
                .exit_code,
            6);
  fs::permissions(P("audit.key"), fs::perms::others_read, fs::perm_options::add);
  EXPECT_EQ(Passend("audit head --db " + P("k.db") + key).exit_code, 2);
}

}  // namespace
