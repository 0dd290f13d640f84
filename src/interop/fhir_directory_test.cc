#include "interop/fhir_directory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/validation.h"
#include "interop/test_catalogue.h"
#include "refdata/refdata.h"

namespace passend::interop {
namespace {

const domain::ReferenceData& Ref() { return refdata::BuiltIn(); }

std::string Write(const domain::Dataset& d) {
  FhirDirectoryWriter w(Ref());
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
  std::ifstream in(std::string(PASSEND_SHARED_DIR) + "/schemas/nl-gf-adressering/examples/" + name,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(FhirDirectoryTest, RoundTripsEveryRecord) {
  const domain::Dataset d = Catalogue();
  const std::string text = Write(d);
  const FormatImport back = ParseFhirDirectory(text, Ref());
  EXPECT_TRUE(back.problems.empty()) << Problems(back);
  EXPECT_EQ(back.records_read, 6);
  EXPECT_EQ(Sorted(back.dataset), Sorted(d));
  EXPECT_EQ(Write(back.dataset), text);
  const auto bundle = nlohmann::json::parse(text);
  EXPECT_EQ(bundle["type"], "collection");
  // The offer is typed with its care profiles as iWlz COD163 codes (5VV 754, 6VV 755).
  const auto& service = bundle["entry"][4]["resource"];
  ASSERT_EQ(service["resourceType"], "HealthcareService");
  EXPECT_EQ(service["type"][0]["coding"][0]["code"], "754");
  EXPECT_EQ(service["type"][1]["coding"][0]["code"], "755");
}

// Every official example of the directory (Organization, Location, HealthcareService,
// Endpoint, OrganizationAffiliation) read one by one and all together in one Bundle: the
// Organizations import with their URA and KvK numbers; the Locations carry no position, so
// they and the services at them are reported and left out, as are services without a
// location or without Passend's kind and delivery form.
TEST(FhirDirectoryTest, OfficialDirectoryExamples) {
  const std::string dir = std::string(PASSEND_SHARED_DIR) + "/schemas/nl-gf-adressering/examples";
  ASSERT_TRUE(std::filesystem::exists(dir)) << dir;
  nlohmann::json bundle{{"resourceType", "Bundle"}, {"type", "collection"}};
  int read = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    const std::string name = f.path().filename().string();
    for (const char* type : {"Organization-", "Location-", "HealthcareService-", "Endpoint-",
                             "OrganizationAffiliation-"})
      if (name.rfind(type, 0) == 0) {
        const std::string text = Example(name);
        const FormatImport one = ParseFhirDirectory(text, Ref());
        EXPECT_TRUE(domain::ValidateDataset(one.dataset, Ref()).ok()) << name;
        bundle["entry"].push_back({{"resource", nlohmann::json::parse(text)}});
        ++read;
      }
  }
  EXPECT_EQ(read, 25);  // 4 + 2 + 8 + 8 Endpoints + 3 affiliations
  const FormatImport r = ParseFhirDirectory(bundle.dump(), Ref());
  const std::string all = Problems(r);
  ASSERT_EQ(r.dataset.providers.size(), 4u) << all;
  EXPECT_TRUE(domain::ValidateDataset(r.dataset, Ref()).ok());
  EXPECT_EQ(r.dataset.locations.size(), 0u);
  EXPECT_EQ(r.dataset.offers.size(), 0u);
  bool ura = false;
  for (const auto& p : r.dataset.providers) ura |= p.ura_number == "33333333";
  EXPECT_TRUE(ura);
  EXPECT_NE(all.find("Location.position: Passend heeft de coördinaten van een locatie nodig"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("HealthcareService.location: Passend kent aanbod alleen op een locatie"),
            std::string::npos)
      << all;
  // 4 organizations, 2 locations, 7 services without a location, Verpleging at 2 locations.
  EXPECT_EQ(r.records_read, 4 + 2 + 7 + 2) << all;
  EXPECT_EQ(r.records_left_out, 2 + 7 + 2) << all;
}

// The service "Verpleging" of the examples is typed with the iWlz profiles 5VV-8VV (COD163
// 754-757); placed at a Location with a position and given Passend's kind and delivery form,
// it imports as one offer per location with those profiles.
TEST(FhirDirectoryTest, TheNursingServiceImportsWhenItsLocationHasAPosition) {
  nlohmann::json bundle{{"resourceType", "Bundle"}, {"type", "collection"}};
  auto org =
      nlohmann::json::parse(Example("Organization-e1ce0872-8a80-5fdd-8b30-a3b2203ef46b.json"));
  auto loc = nlohmann::json::parse(Example("Location-bbec4d2a-1be2-539b-817e-f85ef6e895f2.json"));
  auto hs =
      nlohmann::json::parse(Example("HealthcareService-4cec3d3b-5676-52aa-8c99-f4c7aecebc12.json"));
  loc["managingOrganization"]["reference"] = "Organization/" + org["id"].get<std::string>();
  loc["position"] = {{"latitude", 52.0056}, {"longitude", 6.3710}};  // Zelhem
  hs["location"] = {{{"reference", "Location/" + loc["id"].get<std::string>()}}};
  hs["extension"] = {
      {{"url", "https://passend.nl/fhir/StructureDefinition/offer-kind"}, {"valueCode", "wonen"}},
      {{"url", "https://passend.nl/fhir/StructureDefinition/offer-delivery-form"},
       {"valueCode", "verblijf"}}};
  for (auto* r : {&org, &loc, &hs}) bundle["entry"].push_back({{"resource", *r}});
  const FormatImport r = ParseFhirDirectory(bundle.dump(), Ref());
  ASSERT_TRUE(r.problems.empty()) << Problems(r);
  ASSERT_EQ(r.dataset.offers.size(), 1u);
  EXPECT_EQ(r.dataset.offers[0].profiles, (std::vector<std::string>{"5VV", "6VV", "7VV", "8VV"}));
  EXPECT_EQ(r.dataset.locations[0].municipality_code, "GM1876");  // Bronckhorst
  EXPECT_EQ(r.dataset.locations[0].address, "Smidsstraat 10");
}

}  // namespace
}  // namespace passend::interop
