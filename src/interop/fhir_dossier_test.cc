#include "interop/fhir_dossier.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "domain/validation.h"
#include "interop/fhir_questionnaire.h"
#include "refdata/refdata.h"

namespace passend::interop::fhir {
namespace {

using nlohmann::json;
namespace d = passend::domain;

// A dossier with every part filled: wishes of each feature kind (two for one feature, one
// with a value of "no"), in own words only, a "weet ik nog niet"-free order that is not the
// Questionnaire's; needs, places, representative, forms and kinds of offer.
d::Client FullDossier() {
  d::Client c;
  c.id = "cli-fhir-1";
  c.name = "Mevrouw J. Smeets-Ramakers";
  c.birth_year = 1941;
  c.municipality_code = "GM0935";
  c.home = {50.8514, 5.6910};
  c.sector = d::Sector::kVV;
  c.indication = d::IndicationStatus::kGranted;
  c.profile = "5VV";
  c.care_status = d::CareStatus::kActive;
  c.care_provider_id = "prv-zuyderland";
  c.preferred_forms = {d::DeliveryForm::kVerblijf, d::DeliveryForm::kVpt};
  c.seeking = {d::OfferKind::kWonen, d::OfferKind::kDagbesteding};
  c.representative = d::Representative{"Anja Smeets", "dochter"};
  c.wishes = {
      {"rustige_omgeving", d::Importance::kMust, 2.0, "geen drukte op de gang"},
      {"", d::Importance::kNice, std::nullopt, "ontbijt om zes uur, zoals op de boerderij"},
      {"eigen_appartement", d::Importance::kImportant, std::nullopt, ""},
      {"groepsgrootte", d::Importance::kNice, 6.5, ""},
      {"eigen_appartement", d::Importance::kNice, 0.0, "of juist niet"},
      {"", d::Importance::kMust, std::nullopt, "mijn kat mee"},
  };
  c.needs = {{"dementie_expertise", "indicatie CIZ 2025"}, {"nachtzorg_wakend", ""}};
  c.places = {{d::PlaceKind::kFamilie, "dochter Anja", {50.87, 5.67}, 12.5, d::Importance::kMust},
              {d::PlaceKind::kKerk, "", {50.85, 5.70}, 3, d::Importance::kNice}};
  return c;
}

json Export(const d::Client& c, int version = 3) {
  intake::ClientVersion v;
  v.info.client_id = c.id;
  v.info.version = version;
  v.info.recorded_at = "2026-03-01T09:30:00Z";
  v.info.author_name = "Anja de Vries";
  v.record = c;
  return DossierBundle(v, refdata::BuiltInLeidraad(), refdata::BuiltIn());
}

Result<d::Client> Import(const json& bundle) {
  return DossierFromBundle(bundle, refdata::BuiltInLeidraad(), refdata::BuiltIn());
}

// The first QuestionnaireResponse item (at any depth) with this linkId.
json* FindItem(json& items, const std::string& link_id) {
  for (auto& item : items) {
    if (item.value("linkId", "") == link_id) return &item;
    for (const char* key : {"item", "answer"}) {
      if (!item.contains(key)) continue;
      if (json* found = FindItem(item[key], link_id)) return found;
    }
  }
  return nullptr;
}

TEST(FhirDossierTest, ExportThenImportGivesTheSameDossier) {
  const d::Client original = FullDossier();
  ASSERT_TRUE(d::ValidateClient(original, refdata::BuiltIn()).ok());
  auto back = Import(Export(original));
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  // The response has no order across questions: wishes come in the Questionnaire's order.
  EXPECT_NE(back->wishes, original.wishes);
  KeepOrder(original, *back);
  EXPECT_EQ(*back, original);
}

TEST(FhirDossierTest, AnEmptyDossierRoundTripsToo) {
  d::Client c;
  c.id = "cli-leeg";
  c.municipality_code = "GM0599";
  c.home = {51.92, 4.48};
  auto back = Import(Export(c, 1));
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(*back, c);
}

TEST(FhirDossierTest, TheBundleHoldsResponsePatientAndRepresentative) {
  const json b = Export(FullDossier());
  EXPECT_EQ(b["type"], "collection");
  ASSERT_EQ(b["entry"].size(), 3u);
  EXPECT_EQ(b["entry"][0]["resource"]["resourceType"], "QuestionnaireResponse");
  EXPECT_EQ(b["entry"][1]["resource"]["resourceType"], "Patient");
  EXPECT_EQ(b["entry"][2]["resource"]["resourceType"], "RelatedPerson");
  const json& qr = b["entry"][0]["resource"];
  EXPECT_EQ(qr["subject"]["reference"], b["entry"][1]["fullUrl"]);
  EXPECT_EQ(b["entry"][2]["resource"]["patient"]["reference"], b["entry"][1]["fullUrl"]);
  EXPECT_EQ(qr["questionnaire"], std::string(kQuestionnaireUrl) + "|1");
  EXPECT_EQ(b["entry"][1]["resource"]["birthDate"], "1941");
  // Deterministic: the same dossier gives the same bytes.
  EXPECT_EQ(Export(FullDossier()).dump(), b.dump());
  // Every linkId the response uses is one of the Questionnaire's.
  std::set<std::string> asked;
  std::function<void(const json&)> collect = [&](const json& items) {
    for (const auto& i : items) {
      asked.insert(i["linkId"].get<std::string>());
      if (i.contains("item")) collect(i["item"]);
    }
  };
  const json q = LeidraadQuestionnaire(refdata::BuiltInLeidraad(), refdata::BuiltIn());
  collect(q["item"]);
  std::function<void(const json&)> check = [&](const json& items) {
    for (const auto& i : items) {
      EXPECT_TRUE(asked.count(i["linkId"].get<std::string>())) << i["linkId"];
      if (i.contains("item")) check(i["item"]);
      for (const auto& a : i.value("answer", json::array()))
        if (a.contains("item")) check(a["item"]);
    }
  };
  check(qr["item"]);
}

TEST(FhirDossierTest, WeetIkNogNietIsNoWishButTheWordsStay) {
  json b = Export(FullDossier());
  json& items = b["entry"][0]["resource"]["item"];
  json* apartment = FindItem(items, FeatureLinkId("eigen_appartement"));
  ASSERT_NE(apartment, nullptr);
  for (auto& a : (*apartment)["answer"]) a["valueCoding"]["code"] = kUnknownCode;
  auto back = Import(b);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  int apartment_wishes = 0, own_words = 0;
  for (const auto& w : back->wishes) {
    apartment_wishes += w.feature_id == "eigen_appartement";
    own_words += w.feature_id.empty() && w.text == "of juist niet";
  }
  EXPECT_EQ(apartment_wishes, 0);
  EXPECT_EQ(own_words, 1);
}

TEST(FhirDossierTest, BadInputNamesTheFhirPath) {
  struct Case {
    std::function<void(json&)> spoil;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](json& b) { b["resourceType"] = "Patient"; }, "resourceType"},
      {[](json& b) { b["entry"].erase(1); }, "entry"},
      {[](json& b) { b["entry"][2]["resource"]["resourceType"] = "Practitioner"; },
       "entry[2].resource.resourceType"},
      {[](json& b) { b["entry"][0]["resource"]["questionnaire"] = "http://elders/Q"; },
       "entry[0].resource.questionnaire"},
      {[](json& b) { b["entry"][0]["resource"]["item"][0]["linkId"] = "domein.ruimtevaart"; },
       ""},  // filled below: an unknown group is named by its linkId
      {[](json& b) {
         FindItem(b["entry"][0]["resource"]["item"], FeatureLinkId("groepsgrootte"))
             ->at("answer")[0]["valueCoding"]["code"] = "heel_erg";
       },
       ""},
      {[](json& b) { b["entry"][1]["resource"]["address"][0]["extension"].erase(0); },
       "entry[1].resource.address[0].extension"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    json b = Export(FullDossier());
    cases[i].spoil(b);
    auto r = Import(b);
    ASSERT_FALSE(r.ok()) << "case " << i;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << r.error().ToString();
    if (!cases[i].field.empty()) {
      EXPECT_EQ(r.error().field(), cases[i].field) << "case " << i << ": " << r.error().ToString();
    } else {
      EXPECT_NE(r.error().field().find("entry[0].resource.item["), std::string::npos)
          << r.error().ToString();
    }
  }
}

TEST(FhirDossierTest, TheUnknownImportanceIsNamedAtItsCode) {
  json b = Export(FullDossier());
  json* item = FindItem(b["entry"][0]["resource"]["item"], FeatureLinkId("groepsgrootte"));
  ASSERT_NE(item, nullptr);
  (*item)["answer"][0]["valueCoding"]["code"] = "heel_erg";
  auto r = Import(b);
  ASSERT_FALSE(r.ok());
  const std::string field = r.error().field();
  const std::string end = "answer[0].valueCoding.code";
  EXPECT_EQ(field.substr(field.size() - std::min(field.size(), end.size())), end)
      << r.error().ToString();
  EXPECT_EQ(field.rfind("entry[0].resource.item[", 0), 0u) << field;
}

TEST(FhirDossierTest, KeepOrderPutsNewElementsLast) {
  d::Client current = FullDossier();
  d::Client imported = current;
  std::reverse(imported.wishes.begin(), imported.wishes.end());
  imported.wishes.insert(imported.wishes.begin(), {"tuin", d::Importance::kMust, std::nullopt, ""});
  KeepOrder(current, imported);
  ASSERT_EQ(imported.wishes.size(), current.wishes.size() + 1);
  for (size_t i = 0; i < current.wishes.size(); ++i)
    EXPECT_EQ(imported.wishes[i], current.wishes[i]);
  EXPECT_EQ(imported.wishes.back().feature_id, "tuin");
}

TEST(FhirQuestionnaireTest, EveryFeatureIsAskedOnceWithTheImportanceAnswers) {
  const json q = LeidraadQuestionnaire(refdata::BuiltInLeidraad(), refdata::BuiltIn());
  EXPECT_EQ(q["resourceType"], "Questionnaire");
  EXPECT_EQ(q["url"], kQuestionnaireUrl);
  std::map<std::string, int> features;
  std::set<std::string> link_ids;
  std::function<void(const json&)> walk = [&](const json& items) {
    for (const auto& i : items) {
      const std::string id = i["linkId"];
      EXPECT_TRUE(link_ids.insert(id).second) << "linkId twice: " << id;
      if (i["type"] == "choice" && id.rfind("kenmerk.", 0) == 0) {
        ++features[id.substr(8)];
        std::set<std::string> codes;
        for (const auto& o : i["answerOption"]) codes.insert(o["valueCoding"]["code"]);
        EXPECT_EQ(codes,
                  (std::set<std::string>{"must", "important", "nice", std::string(kUnknownCode)}))
            << id;
        EXPECT_TRUE(i.contains("_text")) << id << " has no English translation";
      }
      if (i.contains("item")) walk(i["item"]);
    }
  };
  walk(q["item"]);
  EXPECT_EQ(features.size(), refdata::BuiltIn().features().size());
  for (const auto& [id, n] : features) EXPECT_EQ(n, 1) << id;
}

}  // namespace
}  // namespace passend::interop::fhir
