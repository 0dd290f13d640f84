#include "interop/catalog_csv.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "domain/validation.h"
#include "interop/native_json.h"
#include "interop/test_catalogue.h"
#include "refdata/refdata.h"

namespace passend::interop {
namespace {

const domain::ReferenceData& Ref() { return refdata::BuiltIn(); }

std::string Write(const domain::Dataset& d) {
  std::ostringstream out;
  CatalogCsvWriter w(out, Ref());
  for (const auto& p : d.providers) w.Add(p);
  for (const auto& l : d.locations) w.Add(l);
  for (const auto& o : d.offers) w.Add(o);
  w.Finish();
  return out.str();
}

std::string Problems(const FormatImport& r) {
  std::string s;
  for (const auto& p : r.problems) s += FormatProblem(p) + "\n";
  return s;
}

TEST(CatalogCsvTest, RoundTripsEveryRecordAndWritesWhatDutchExcelOpens) {
  const domain::Dataset d = Catalogue();
  ASSERT_TRUE(domain::ValidateDataset(d, Ref()).ok());
  const std::string csv = Write(d);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("aanbieder_id;aanbieder_naam;"), std::string::npos);
  EXPECT_NE(csv.find(";50,8512345;5,6909;"), std::string::npos) << csv;  // decimal comma
  EXPECT_NE(csv.find("logeren_weekend=ja; groepsgrootte=4,5; huisdier_toegestaan=nee"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  const FormatImport back = ParseCatalogCsv(csv, Ref());
  EXPECT_TRUE(back.problems.empty()) << Problems(back);
  EXPECT_EQ(back.records_read, 4);  // two offers, a location and a provider on rows of their own
  EXPECT_EQ(Sorted(back.dataset), Sorted(d));
  EXPECT_EQ(Write(back.dataset), csv);
}

TEST(CatalogCsvTest, ReadsCommasBomlessDecimalPointsAndColumnsInAnyOrder) {
  const std::string csv =
      "sectoren,aanbod_id,aanbieder_id,aanbieder_naam,locatie_id,locatie_naam,gemeentecode,"
      "breedtegraad,lengtegraad,aanbod_naam,soort,leveringsvormen,capaciteit,vrije_plaatsen,"
      "kenmerken,kvk_nummer\n"
      "vv,off-1,prv-1,Zorg BV,loc-1,Huis,GM0935,50.85,\"5,70\",Wonen,Wonen,verblijf pgb,10,2,"
      "\"eigen_kamer=ja;groepsgrootte=6,5\",1234567\n"
      ",,,,,,,,,,,,,,,\n"
      "VV,off-2,prv-1,Zorg BV,loc-1,Huis,GM0935,50.85,\"5,70\",Dag,dagbesteding,PGB,5,0,,"
      "01234567\n";
  const FormatImport r = ParseCatalogCsv(csv, Ref());
  ASSERT_TRUE(r.problems.empty()) << Problems(r);
  ASSERT_EQ(r.dataset.offers.size(), 2u);
  ASSERT_EQ(r.dataset.providers.size(), 1u);
  ASSERT_EQ(r.dataset.locations.size(), 1u);
  EXPECT_EQ(r.dataset.providers[0].kvk_number, "01234567");  // Excel dropped the leading zero
  EXPECT_DOUBLE_EQ(r.dataset.locations[0].position.lon, 5.70);
  const domain::Offer& o = r.dataset.offers[0];
  EXPECT_EQ(o.kind, domain::OfferKind::kWonen);
  ASSERT_EQ(o.features.size(), 2u);
  EXPECT_DOUBLE_EQ(o.features[1].value, 6.5);
  EXPECT_EQ(o.delivery_forms, (std::vector<domain::DeliveryForm>{domain::DeliveryForm::kVerblijf,
                                                                 domain::DeliveryForm::kPgb}));
}

TEST(CatalogCsvTest, ReportsEveryProblemWithRowAndColumnAndLeavesThoseRowsOut) {
  const std::string csv =
      "aanbieder_id;aanbieder_naam;locatie_id;locatie_naam;gemeentecode;breedtegraad;"
      "lengtegraad;aanbod_id;aanbod_naam;soort;sectoren;leveringsvormen;capaciteit;"
      "vrije_plaatsen;capacitet\n"
      "prv-1;Zorg BV;loc-1;Huis;GM0935;50,85;5,7;off-1;Wonen;wonen;VV;verblijf;10;2;\n"
      "prv-1;Zorg BV;loc-1;Huis;GM0935;50,85;5,7;off-2;Wonen;wonen;VV;verblijf;tien;12;\n"
      "prv-1;Andere naam;loc-1;Huis;GM9999;50,85;5,7;off-3;Wonen;kasteel;VV;verblijf;10;2;\n"
      "prv-1;Zorg BV;loc-1;Huis;GM0935;50,85;5,7;off-1;Wonen;wonen;VV;verblijf;10;2;\n";
  const FormatImport r = ParseCatalogCsv(csv, Ref());
  const std::string all = Problems(r);
  EXPECT_NE(all.find("kop, capacitet: Onbekende kolom"), std::string::npos) << all;
  EXPECT_NE(all.find("rij 3, capaciteit: Vul een geheel getal in, niet 'tien'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("rij 3, vrije_plaatsen"), std::string::npos) << all;  // 12 > capacity 0
  EXPECT_NE(all.find("rij 4, aanbieder_naam: Anders dan bij dezelfde aanbieder op rij 2"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("rij 4, soort: Onbekende soort 'kasteel'"), std::string::npos) << all;
  EXPECT_NE(all.find("rij 4, gemeentecode"), std::string::npos) << all;
  EXPECT_NE(all.find("rij 5, aanbod_id: Dit aanbod staat ook op rij 2"), std::string::npos) << all;
  EXPECT_EQ(r.records_read, 4);
  EXPECT_EQ(r.records_left_out, 3);
  // What is left is valid as it is (--valid-only writes it).
  ASSERT_EQ(r.dataset.offers.size(), 1u);
  EXPECT_EQ(r.dataset.offers[0].id, "off-1");
  EXPECT_TRUE(domain::ValidateDataset(r.dataset, Ref()).ok());
}

// Issue 21.6: a review score only with its count, source and date; an inspection in words;
// the old bare `waardering` column is refused.
TEST(CatalogCsvTest, QualityComesWithSourceAndDateOrIsAProblemOfItsRow) {
  const std::string head =
      "aanbieder_id;aanbieder_naam;locatie_id;locatie_naam;gemeentecode;breedtegraad;"
      "lengtegraad;aanbod_id;aanbod_naam;soort;sectoren;leveringsvormen;capaciteit;"
      "cijfer_clienten;aantal_beoordelingen;cijfer_bron;cijfer_datum;inspectie_uitkomst;"
      "inspectie_datum\n";
  const std::string row =
      "prv-1;Zorg BV;loc-1;Huis;GM0935;50,85;5,7;off-1;Wonen;wonen;VV;verblijf;10;";
  const FormatImport good = ParseCatalogCsv(
      head + row + "7,8;132;ZorgkaartNederland;2026-03-14;Voldoet deels;2025-11-02\n", Ref());
  ASSERT_TRUE(good.problems.empty()) << Problems(good);
  ASSERT_EQ(good.dataset.offers.size(), 1u);
  const std::vector<domain::QualityNote> expected = {
      {domain::QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.8, 132},
      {domain::QualityKind::kInspection, std::string(domain::kInspectorate), "2025-11-02", 0, 0,
       domain::InspectionOutcome::kPartlyMeets}};
  EXPECT_EQ(good.dataset.offers[0].quality, expected);

  const FormatImport bare = ParseCatalogCsv(head + row + "7,8;;;;;\n", Ref());
  const std::string all = Problems(bare);
  for (const char* column : {"aantal_beoordelingen", "cijfer_bron", "cijfer_datum"})
    EXPECT_NE(all.find(std::string("rij 2, ") + column + ": Bij een cijfer horen"),
              std::string::npos)
        << all;
  EXPECT_TRUE(bare.dataset.offers.empty());
  const FormatImport bad_date =
      ParseCatalogCsv(head + row + "7,8;132;ZorgkaartNederland;14 maart;;\n", Ref());
  EXPECT_NE(Problems(bad_date).find("rij 2, cijfer_datum: Datum als JJJJ-MM-DD"), std::string::npos)
      << Problems(bad_date);
  const FormatImport unknown = ParseCatalogCsv(head + row + ";;;;prima;2025-11-02\n", Ref());
  EXPECT_NE(Problems(unknown).find("rij 2, inspectie_uitkomst: Kies voldoet"), std::string::npos)
      << Problems(unknown);
  const FormatImport old = ParseCatalogCsv("aanbieder_id;waardering\nprv-1;8\n", Ref());
  EXPECT_NE(Problems(old).find("kop, waardering: Een cijfer zonder bron en datum"),
            std::string::npos)
      << Problems(old);
}

TEST(CatalogCsvTest, AnUnclosedQuoteOrAnEmptyFileIsOneProblem) {
  EXPECT_EQ(ParseCatalogCsv("aanbieder_id\n\"prv-1\n", Ref()).problems.size(), 1u);
  EXPECT_EQ(ParseCatalogCsv("", Ref()).problems.size(), 1u);
  EXPECT_EQ(ParseCatalogCsv("\xEF\xBB\xBF", Ref()).problems.size(), 1u);
}

TEST(CatalogCsvTest, TemplateIsOneValidExampleRow) {
  const std::string t = CatalogCsvTemplate(Ref());
  const FormatImport r = ParseCatalogCsv(t, Ref());
  EXPECT_TRUE(r.problems.empty()) << Problems(r);
  EXPECT_EQ(r.records_read, 1);
  EXPECT_EQ(r.dataset.offers.size(), 1u);
  // The copy in data/ is the one generated here; PASSEND_WRITE_TEMPLATE=1 rewrites it.
  const std::string path = std::string(PASSEND_DATA_DIR) + "/aanbod_sjabloon.csv";
  if (std::getenv("PASSEND_WRITE_TEMPLATE") != nullptr)
    std::ofstream(path, std::ios::binary | std::ios::trunc) << t;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream file;
  file << in.rdbuf();
  EXPECT_EQ(file.str(), t);
}

}  // namespace
}  // namespace passend::interop
