#include "interop/hsds.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "domain/validation.h"
#include "interop/test_catalogue.h"
#include "refdata/refdata.h"

namespace passend::interop {
namespace {

const domain::ReferenceData& Ref() { return refdata::BuiltIn(); }

std::string Write(const domain::Dataset& d) {
  HsdsWriter w(Ref());
  for (const auto& p : d.providers) w.Add(p);
  for (const auto& l : d.locations) w.Add(l);
  for (const auto& o : d.offers) w.Add(o);
  return w.Finish();
}

std::string Problems(const FormatImport& r) {
  std::string s;
  for (const auto& p : r.problems) s += FormatProblem(p) + "\n";
  return s;
}

std::string Example(const std::string& name) {
  std::ifstream in(std::string(PASSEND_SHARED_DIR) + "/schemas/hsds-3.0/examples/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(HsdsTest, RoundTripsEveryRecord) {
  const domain::Dataset d = Catalogue();
  const std::string text = Write(d);
  const FormatImport back = ParseHsds(text, Ref());
  EXPECT_TRUE(back.problems.empty()) << Problems(back);
  EXPECT_EQ(back.records_read, 6);  // 2 organizations, 2 locations, 2 services
  EXPECT_EQ(Sorted(back.dataset), Sorted(d));
  EXPECT_EQ(Write(back.dataset), text);
  const auto page = nlohmann::json::parse(text);
  EXPECT_EQ(page["total_items"], 2);
  EXPECT_EQ(page["contents"][0]["services"][0]["status"], "active");
  EXPECT_EQ(page["contents"][0]["organization_identifiers"][0]["identifier"], "01234567");
}

TEST(HsdsTest, IdsAreStableUuids) {
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const std::string a = HsdsUuid("service", "off-a");
  EXPECT_TRUE(std::regex_match(a, uuid)) << a;
  EXPECT_EQ(a, HsdsUuid("service", "off-a"));
  EXPECT_NE(a, HsdsUuid("service", "off-b"));
  EXPECT_NE(a, HsdsUuid("location", "off-a"));
}

// The specification's examples: their organizations import; their locations lie at
// latitude 100, longitude 101 (outside the Netherlands and the earth) and their services
// say nothing of what Passend needs (kind, delivery form), so those are reported by record
// and field and left out.
TEST(HsdsTest, OfficialExamplesImportWhatPassendCanHold) {
  struct Expect {
    const char* file;
    size_t providers;
    int64_t read, left_out;
    std::vector<std::string> problems;
  };
  const std::string far =
      "latitude: Passend kent alleen locaties in Nederland; deze ligt op 100, 101";
  const std::string no_kind = "attributes (Passend kind): De soort aanbod ontbreekt";
  const Expect expected[] = {
      {"organization_full.json",
       1,
       3,
       2,
       {"document.locations[0], " + far, "document.services[0], " + no_kind}},
      {"organization_list.json", 1, 1, 0, {}},
      {"service_full.json",
       1,
       3,
       2,
       {"document.organization.locations[0], " + far, "document, " + no_kind}},
      {"location.json", 0, 1, 1, {"document, " + far}},
      {"service_at_location_full.json",
       1,
       3,
       2,
       {"document.location, " + far, "document.service, " + no_kind}},
      {"service_at_location_list.json",
       1,
       3,
       2,
       {"contents[0].location, " + far, "contents[0].service, " + no_kind}},
  };
  for (const Expect& e : expected) {
    const std::string text = Example(e.file);
    ASSERT_FALSE(text.empty()) << e.file << " not found under " << PASSEND_SHARED_DIR;
    const FormatImport r = ParseHsds(text, Ref());
    const std::string all = Problems(r);
    EXPECT_EQ(r.dataset.providers.size(), e.providers) << e.file;
    EXPECT_EQ(r.records_read, e.read) << e.file;
    EXPECT_EQ(r.records_left_out, e.left_out) << e.file << "\n" << all;
    for (const std::string& p : e.problems)
      EXPECT_NE(all.find(p), std::string::npos) << e.file << ": " << p << "\n" << all;
    EXPECT_TRUE(domain::ValidateDataset(r.dataset, Ref()).ok()) << e.file;
  }
  const FormatImport org = ParseHsds(Example("organization_full.json"), Ref());
  ASSERT_EQ(org.dataset.providers.size(), 1u);
  EXPECT_EQ(org.dataset.providers[0].name, "Example Organization Inc.");
  EXPECT_EQ(org.dataset.providers[0].id, "hsds-d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_EQ(org.dataset.providers[0].website, "http://example.com");
}

// The example organization as a Dutch provider would send it: its location in Maastricht
// and its service with the kind, delivery form and care profile as attributes. Then its
// location and service import too; the municipality is the nearest by position.
TEST(HsdsTest, TheExampleOrganizationInTheNetherlandsImportsWhole) {
  auto doc = nlohmann::json::parse(Example("organization_full.json"));
  doc["locations"][0]["latitude"] = 50.8514;
  doc["locations"][0]["longitude"] = 5.6910;
  auto attribute = [](const std::string& taxonomy, const std::string& code,
                      const std::string& value) {
    return nlohmann::json{{"id", HsdsUuid("attribute", taxonomy + code + value)},
                          {"taxonomy_term",
                           {{"id", HsdsUuid("taxonomy_term", code)},
                            {"taxonomy", taxonomy},
                            {"code", code},
                            {"name", code},
                            {"description", code}}},
                          {"value", value}};
  };
  auto& service = doc["services"][0];
  service["attributes"] = {attribute("Passend", "kind", "dagbesteding"),
                           attribute("Passend", "delivery_forms", "pgb"),
                           attribute("Wlz zorgprofiel", "4VV", "")};
  service["service_at_locations"] = {
      {{"id", HsdsUuid("sal", "x")}, {"location_id", doc["locations"][0]["id"]}}};
  const FormatImport r = ParseHsds(doc.dump(), Ref());
  ASSERT_TRUE(r.problems.empty()) << Problems(r);
  ASSERT_EQ(r.dataset.locations.size(), 1u);
  EXPECT_EQ(r.dataset.locations[0].municipality_code, "GM0935");
  EXPECT_EQ(r.dataset.locations[0].address, "1-30 Main Street");
  ASSERT_EQ(r.dataset.offers.size(), 1u);
  const domain::Offer& o = r.dataset.offers[0];
  EXPECT_EQ(o.kind, domain::OfferKind::kDagbesteding);
  EXPECT_EQ(o.sectors, std::vector<domain::Sector>{domain::Sector::kVV});  // from 4VV
  EXPECT_EQ(o.location_id, r.dataset.locations[0].id);
  EXPECT_TRUE(domain::ValidateDataset(r.dataset, Ref()).ok());
}

TEST(HsdsTest, BrokenJsonIsOneProblem) {
  const FormatImport r = ParseHsds("{\"contents\": [", Ref());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].record, "bestand");
}

}  // namespace
}  // namespace passend::interop
