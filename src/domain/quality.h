#pragma once
// Quality information about an offer from a source outside the provider: a review score
// with how many reviews it is the mean of (ZorgkaartNederland), or the outcome of an
// inspection (Inspectie Gezondheidszorg en Jeugd). A note always carries its source and the
// date it was measured, and is never shown without them (QualityNl). Pure values and
// functions, safe from any thread.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passend::domain {

enum class QualityKind : uint8_t { kReviews, kInspection };

// The IGJ's verdict in its own words: meets the standards, partly, not, or the provider is
// under enhanced supervision (verscherpt toezicht).
enum class InspectionOutcome : uint8_t { kMeets, kPartlyMeets, kDoesNotMeet, kEnhancedSupervision };
inline constexpr QualityKind kAllQualityKinds[] = {QualityKind::kReviews, QualityKind::kInspection};
inline constexpr InspectionOutcome kAllInspectionOutcomes[] = {
    InspectionOutcome::kMeets, InspectionOutcome::kPartlyMeets, InspectionOutcome::kDoesNotMeet,
    InspectionOutcome::kEnhancedSupervision};

struct QualityNote {
  QualityKind kind = QualityKind::kReviews;
  std::string source = {};    // "ZorgkaartNederland", "Inspectie Gezondheidszorg en Jeugd"
  std::string measured = {};  // the date of the score or the inspection: "2026-03-14"
  // Reviews: the mean score, 1..10 with one decimal, and how many reviews it is the mean of.
  double score = 0;
  int reviews = 0;
  // Inspection: the outcome and, when known, the web page of the report ("" for reviews).
  InspectionOutcome outcome = InspectionOutcome::kMeets;
  std::string link = {};
  bool operator==(const QualityNote&) const = default;
};

inline constexpr std::string_view kZorgkaart = "ZorgkaartNederland";
inline constexpr std::string_view kInspectorate = "Inspectie Gezondheidszorg en Jeugd";

// Stable codes ("reviews", "inspection"; "meets", "partly_meets", "does_not_meet",
// "enhanced_supervision") and the inspectorate's words ("voldoet deels").
std::string_view ToString(QualityKind v);
std::string_view ToString(InspectionOutcome v);
std::optional<QualityKind> ParseQualityKind(std::string_view s);
std::optional<InspectionOutcome> ParseInspectionOutcome(std::string_view s);
std::string_view LabelNl(InspectionOutcome v);

// The note as people read it, with its source and date: "7,8 uit 132 beoordelingen op
// ZorgkaartNederland, maart 2026"; "Inspectie Gezondheidszorg en Jeugd: voldoet deels,
// november 2025".
std::string QualityNl(const QualityNote& n);

// Fewer reviews than this say too little for the ranking to use the score (it is still
// shown, with its count).
inline constexpr int kMinReviewsToRank = 10;

// The review score the ranking uses: the most recently measured reviews note with at least
// kMinReviewsToRank reviews; nullptr when there is none. Inspections are shown, never ranked.
const QualityNote* RankedReviews(const std::vector<QualityNote>& notes);

}  // namespace passend::domain
