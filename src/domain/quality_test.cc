#include "domain/quality.h"

#include <gtest/gtest.h>

namespace passend::domain {
namespace {

TEST(QualityTest, SaidWithSourceAndDate) {
  const QualityNote reviews{QualityKind::kReviews, "ZorgkaartNederland", "2026-03-14", 7.8, 132};
  EXPECT_EQ(QualityNl(reviews), "7,8 uit 132 beoordelingen op ZorgkaartNederland, maart 2026");
  QualityNote one = reviews;
  one.reviews = 1;
  EXPECT_EQ(QualityNl(one), "7,8 uit 1 beoordeling op ZorgkaartNederland, maart 2026");
  QualityNote inspection{QualityKind::kInspection, std::string(kInspectorate), "2025-11-02"};
  inspection.outcome = InspectionOutcome::kEnhancedSupervision;
  EXPECT_EQ(QualityNl(inspection),
            "Inspectie Gezondheidszorg en Jeugd: verscherpt toezicht, november 2025");
}

TEST(QualityTest, CodesRoundTrip) {
  for (QualityKind k : {QualityKind::kReviews, QualityKind::kInspection})
    EXPECT_EQ(ParseQualityKind(ToString(k)), k);
  for (InspectionOutcome o :
       {InspectionOutcome::kMeets, InspectionOutcome::kPartlyMeets, InspectionOutcome::kDoesNotMeet,
        InspectionOutcome::kEnhancedSupervision})
    EXPECT_EQ(ParseInspectionOutcome(ToString(o)), o);
  EXPECT_FALSE(ParseQualityKind("cijfer"));
  EXPECT_FALSE(ParseInspectionOutcome("voldoet"));
}

// The ranking uses the newest score with enough reviews; inspections and thin scores not.
TEST(QualityTest, RankedReviewsIsTheNewestWithEnoughReviews) {
  const QualityNote old{QualityKind::kReviews, "ZorgkaartNederland", "2025-01-10", 6.0, 40};
  const QualityNote recent{QualityKind::kReviews, "ZorgkaartNederland", "2026-02-01", 8.4, 25};
  const QualityNote thin{QualityKind::kReviews, "ZorgkaartNederland", "2026-06-01", 9.9, 3};
  const QualityNote inspection{QualityKind::kInspection, std::string(kInspectorate), "2026-07-01"};
  EXPECT_EQ(RankedReviews({}), nullptr);
  EXPECT_EQ(RankedReviews({thin, inspection}), nullptr);
  const std::vector<QualityNote> notes{old, recent, thin, inspection};
  ASSERT_NE(RankedReviews(notes), nullptr);
  EXPECT_EQ(*RankedReviews(notes), recent);
}

}  // namespace
}  // namespace passend::domain
