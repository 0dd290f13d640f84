#include "domain/vocabulary.h"

#include <array>
#include <utility>

namespace passend::domain {
namespace {

template <typename E, size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<OfferKind, 4> kOfferKind{{{OfferKind::kWonen, "wonen"},
                                          {OfferKind::kDagbesteding, "dagbesteding"},
                                          {OfferKind::kLogeren, "logeren"},
                                          {OfferKind::kZorgThuis, "zorg_thuis"}}};
constexpr Names<DeliveryForm, 4> kDeliveryForm{{{DeliveryForm::kVerblijf, "verblijf"},
                                                {DeliveryForm::kVpt, "vpt"},
                                                {DeliveryForm::kMpt, "mpt"},
                                                {DeliveryForm::kPgb, "pgb"}}};
constexpr Names<RegisterStatus, 3> kRegisterStatus{{{RegisterStatus::kSubmitted, "submitted"},
                                                    {RegisterStatus::kApproved, "approved"},
                                                    {RegisterStatus::kSuspended, "suspended"}}};
constexpr Names<Importance, 3> kImportance{{{Importance::kMust, "must"},
                                            {Importance::kImportant, "important"},
                                            {Importance::kNice, "nice"}}};
constexpr Names<Sector, 8> kSector{{{Sector::kVV, "VV"},
                                    {Sector::kVG, "VG"},
                                    {Sector::kLG, "LG"},
                                    {Sector::kLVG, "LVG"},
                                    {Sector::kZGaud, "ZGaud"},
                                    {Sector::kZGvis, "ZGvis"},
                                    {Sector::kGgzB, "GGZ-B"},
                                    {Sector::kGgzW, "GGZ-W"}}};
constexpr Names<IndicationStatus, 4> kIndication{{{IndicationStatus::kNone, "none"},
                                                  {IndicationStatus::kRequested, "requested"},
                                                  {IndicationStatus::kGranted, "granted"},
                                                  {IndicationStatus::kRefused, "refused"}}};
constexpr Names<CareStatus, 6> kCareStatus{{{CareStatus::kOrienting, "orienting"},
                                            {CareStatus::kUrgent, "urgent"},
                                            {CareStatus::kActive, "active"},
                                            {CareStatus::kPreference, "preference"},
                                            {CareStatus::kPrecaution, "precaution"},
                                            {CareStatus::kInCare, "in_care"}}};
constexpr Names<LifeDomain, 8> kLifeDomain{{{LifeDomain::kWonen, "wonen"},
                                            {LifeDomain::kDagbesteding, "dagbesteding_werk"},
                                            {LifeDomain::kSociaal, "sociaal_netwerk"},
                                            {LifeDomain::kGezondheid, "gezondheid_zorg"},
                                            {LifeDomain::kZelfzorg, "zelfzorg"},
                                            {LifeDomain::kVrijeTijd, "vrije_tijd_zingeving"},
                                            {LifeDomain::kFinancien, "financien"},
                                            {LifeDomain::kVeiligheid, "veiligheid"}}};
constexpr Names<FeatureKind, 3> kFeatureKind{{{FeatureKind::kYesNo, "yes_no"},
                                              {FeatureKind::kLevel, "level"},
                                              {FeatureKind::kNumber, "number"}}};
constexpr Names<PlaceKind, 6> kPlaceKind{{{PlaceKind::kFamilie, "familie"},
                                          {PlaceKind::kWerk, "werk"},
                                          {PlaceKind::kDagbesteding, "dagbesteding"},
                                          {PlaceKind::kClub, "club"},
                                          {PlaceKind::kKerk, "kerk"},
                                          {PlaceKind::kAnders, "anders"}}};

template <typename E, size_t N>
std::string_view Name(const Names<E, N>& names, E v) {
  for (const auto& [e, n] : names)
    if (e == v) return n;
  return "?";
}
template <typename E, size_t N>
std::optional<E> Parse(const Names<E, N>& names, std::string_view s) {
  for (const auto& [e, n] : names)
    if (n == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view ToString(OfferKind v) { return Name(kOfferKind, v); }
std::string_view ToString(DeliveryForm v) { return Name(kDeliveryForm, v); }
std::string_view ToString(Importance v) { return Name(kImportance, v); }
std::string_view ToString(Sector v) { return Name(kSector, v); }
std::string_view ToString(IndicationStatus v) { return Name(kIndication, v); }
std::string_view ToString(CareStatus v) { return Name(kCareStatus, v); }
std::string_view ToString(LifeDomain v) { return Name(kLifeDomain, v); }
std::string_view ToString(FeatureKind v) { return Name(kFeatureKind, v); }
std::string_view ToString(PlaceKind v) { return Name(kPlaceKind, v); }
std::string_view ToString(RegisterStatus v) { return Name(kRegisterStatus, v); }

std::optional<OfferKind> ParseOfferKind(std::string_view s) { return Parse(kOfferKind, s); }
std::optional<DeliveryForm> ParseDeliveryForm(std::string_view s) {
  return Parse(kDeliveryForm, s);
}
std::optional<Importance> ParseImportance(std::string_view s) { return Parse(kImportance, s); }
std::optional<Sector> ParseSector(std::string_view s) { return Parse(kSector, s); }
std::optional<IndicationStatus> ParseIndicationStatus(std::string_view s) {
  return Parse(kIndication, s);
}
std::optional<CareStatus> ParseCareStatus(std::string_view s) { return Parse(kCareStatus, s); }
std::optional<LifeDomain> ParseLifeDomain(std::string_view s) { return Parse(kLifeDomain, s); }
std::optional<FeatureKind> ParseFeatureKind(std::string_view s) { return Parse(kFeatureKind, s); }
std::optional<PlaceKind> ParsePlaceKind(std::string_view s) { return Parse(kPlaceKind, s); }
std::optional<RegisterStatus> ParseRegisterStatus(std::string_view s) {
  return Parse(kRegisterStatus, s);
}

std::string_view LabelNl(RegisterStatus v) {
  switch (v) {
    case RegisterStatus::kSubmitted: return "aangemeld";
    case RegisterStatus::kApproved: return "toegelaten";
    case RegisterStatus::kSuspended: return "geschorst";
  }
  return "?";
}
std::string_view LabelNl(OfferKind v) {
  switch (v) {
    case OfferKind::kWonen: return "Wonen";
    case OfferKind::kDagbesteding: return "Dagbesteding";
    case OfferKind::kLogeren: return "Logeren (respijtzorg)";
    case OfferKind::kZorgThuis: return "Zorg thuis";
  }
  return "?";
}
std::string_view LabelNl(DeliveryForm v) {
  switch (v) {
    case DeliveryForm::kVerblijf: return "Wonen in een instelling (verblijf)";
    case DeliveryForm::kVpt: return "Volledig pakket thuis (VPT)";
    case DeliveryForm::kMpt: return "Modulair pakket thuis (MPT)";
    case DeliveryForm::kPgb: return "Persoonsgebonden budget (pgb)";
  }
  return "?";
}
std::string_view LabelNl(Importance v) {
  switch (v) {
    case Importance::kMust: return "moet";
    case Importance::kImportant: return "belangrijk";
    case Importance::kNice: return "fijn";
  }
  return "?";
}
std::string_view LabelNl(PlaceKind v) {
  switch (v) {
    case PlaceKind::kFamilie: return "familie";
    case PlaceKind::kWerk: return "werk";
    case PlaceKind::kDagbesteding: return "dagbesteding";
    case PlaceKind::kClub: return "club of vereniging";
    case PlaceKind::kKerk: return "kerk of moskee";
    case PlaceKind::kAnders: return "andere plek";
  }
  return "?";
}

std::string_view LabelNl(CareStatus v) {
  switch (v) {
    case CareStatus::kOrienting: return "oriënteert zich";
    case CareStatus::kUrgent: return "wacht: urgente plaatsing";
    case CareStatus::kActive: return "wacht: actieve plaatsing";
    case CareStatus::kPreference: return "wacht op voorkeur";
    case CareStatus::kPrecaution: return "wacht uit voorzorg";
    case CareStatus::kInCare: return "krijgt zorg";
  }
  return "?";
}

}  // namespace passend::domain
