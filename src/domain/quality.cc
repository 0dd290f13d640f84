#include "domain/quality.h"

#include <cstdlib>

#include "domain/dutch_number.h"

namespace passend::domain {

std::string_view ToString(QualityKind v) {
  return v == QualityKind::kReviews ? "reviews" : "inspection";
}

std::string_view ToString(InspectionOutcome v) {
  switch (v) {
    case InspectionOutcome::kMeets: return "meets";
    case InspectionOutcome::kPartlyMeets: return "partly_meets";
    case InspectionOutcome::kDoesNotMeet: return "does_not_meet";
    case InspectionOutcome::kEnhancedSupervision: return "enhanced_supervision";
  }
  return "meets";
}

std::optional<QualityKind> ParseQualityKind(std::string_view s) {
  for (QualityKind k : kAllQualityKinds)
    if (ToString(k) == s) return k;
  return std::nullopt;
}

std::optional<InspectionOutcome> ParseInspectionOutcome(std::string_view s) {
  for (InspectionOutcome o : kAllInspectionOutcomes)
    if (ToString(o) == s) return o;
  return std::nullopt;
}

std::string_view LabelNl(InspectionOutcome v) {
  switch (v) {
    case InspectionOutcome::kMeets: return "voldoet";
    case InspectionOutcome::kPartlyMeets: return "voldoet deels";
    case InspectionOutcome::kDoesNotMeet: return "voldoet niet";
    case InspectionOutcome::kEnhancedSupervision: return "verscherpt toezicht";
  }
  return "voldoet";
}

namespace {

// "2026-03-14" -> "maart 2026"; a date validation let through, so the shape is known.
std::string MonthYearNl(const std::string& date) {
  static constexpr const char* kMonths[] = {"januari",   "februari", "maart",    "april",
                                            "mei",       "juni",     "juli",     "augustus",
                                            "september", "oktober",  "november", "december"};
  if (date.size() < 7) return date;
  const int month = std::atoi(date.substr(5, 2).c_str());
  if (month < 1 || month > 12) return date;
  return std::string(kMonths[month - 1]) + " " + date.substr(0, 4);
}

}  // namespace

std::string QualityNl(const QualityNote& n) {
  if (n.kind == QualityKind::kReviews)
    return NumberNl(n.score, 1) + " uit " + CountNl(n.reviews, "beoordeling", "beoordelingen") +
           " op " + n.source + ", " + MonthYearNl(n.measured);
  return n.source + ": " + std::string(LabelNl(n.outcome)) + ", " + MonthYearNl(n.measured);
}

const QualityNote* RankedReviews(const std::vector<QualityNote>& notes) {
  const QualityNote* best = nullptr;
  for (const QualityNote& n : notes)
    if (n.kind == QualityKind::kReviews && n.reviews >= kMinReviewsToRank &&
        (best == nullptr || n.measured > best->measured))
      best = &n;
  return best;
}

}  // namespace passend::domain
