#pragma once
// The closed vocabularies of the domain (DOMAIN.md): kinds of offer, delivery forms,
// importance of a wish, sectors, indication status, care status, life domains, kinds of place.
// Each has a stable lowercase wire name ("wonen", "vpt", "must") used in JSON, CSV and
// the database; Parse* returns nullopt for an unknown name.
#include <cstdint>
#include <optional>
#include <string_view>

namespace passend::domain {

// What an offer provides.
enum class OfferKind : uint8_t {
  kWonen,         // housing with care (a place to live at a provider's location)
  kDagbesteding,  // day activities
  kLogeren,       // respite stays (logeren / respijtzorg)
  kZorgThuis,     // care at home, delivered as VPT or MPT modules (or bought with a pgb)
};
inline constexpr OfferKind kAllOfferKinds[] = {OfferKind::kWonen, OfferKind::kDagbesteding,
                                               OfferKind::kLogeren, OfferKind::kZorgThuis};

// How Wlz care is delivered (leveringsvormen).
enum class DeliveryForm : uint8_t {
  kVerblijf,  // living at the provider's location, in kind
  kVpt,       // volledig pakket thuis
  kMpt,       // modulair pakket thuis
  kPgb,       // persoonsgebonden budget: the client buys the care
};
inline constexpr DeliveryForm kAllDeliveryForms[] = {DeliveryForm::kVerblijf, DeliveryForm::kVpt,
                                                     DeliveryForm::kMpt, DeliveryForm::kPgb};

// Where a provider stands in the care office's register (issue 21.2): submitted (by the
// provider or the care office, not yet checked), approved (its offers are public and
// matched) or suspended (taken out of the public catalogue and the matching until the
// care office approves it again).
enum class RegisterStatus : uint8_t { kSubmitted, kApproved, kSuspended };
inline constexpr RegisterStatus kAllRegisterStatuses[] = {
    RegisterStatus::kSubmitted, RegisterStatus::kApproved, RegisterStatus::kSuspended};

// How much a wish matters to the client.
enum class Importance : uint8_t { kMust, kImportant, kNice };
inline constexpr Importance kAllImportances[] = {Importance::kMust, Importance::kImportant,
                                                 Importance::kNice};

// The sector of a care profile (the part before/after the number in "5VV", "6VG").
enum class Sector : uint8_t { kVV, kVG, kLG, kLVG, kZGaud, kZGvis, kGgzB, kGgzW };
inline constexpr Sector kAllSectors[] = {Sector::kVV,   Sector::kVG,    Sector::kLG,
                                         Sector::kLVG,  Sector::kZGaud, Sector::kZGvis,
                                         Sector::kGgzB, Sector::kGgzW};

// Where the client is with the CIZ.
enum class IndicationStatus : uint8_t {
  kNone,       // no request yet; the profile is the expected one
  kRequested,  // request filed, decision pending; the profile is the expected one
  kGranted,    // indicatiebesluit: the profile is the indicated one
  kRefused,    // Wlz refused: back to the municipality (Wmo)
};
inline constexpr IndicationStatus kAllIndicationStatuses[] = {
    IndicationStatus::kNone, IndicationStatus::kRequested, IndicationStatus::kGranted,
    IndicationStatus::kRefused};

// Where the client stands with care: already receiving Wlz care from a provider, or
// searching. A searching client with an indication has one of the public waiting-list
// statuses (zorgcijfersdatabank.nl, monitorlangdurigezorg.nl); before that they orient.
enum class CareStatus : uint8_t {
  kOrienting,   // searching, not on a waiting list (no indication yet, or still choosing)
  kUrgent,      // urgente plaatsing: a place is needed on very short term
  kActive,      // actieve plaatsing: a place within one or a few months
  kPreference,  // wacht op voorkeur: admission only under conditions (e.g. one provider)
  kPrecaution,  // wacht uit voorzorg: registered, no admission wish yet
  kInCare,      // in zorg: receives Wlz care from a provider (Client::care_provider_id)
};
inline constexpr CareStatus kAllCareStatuses[] = {CareStatus::kOrienting,  CareStatus::kUrgent,
                                                  CareStatus::kActive,     CareStatus::kPreference,
                                                  CareStatus::kPrecaution, CareStatus::kInCare};

// The life domains of the vraagverheldering guideline (leidraad).
enum class LifeDomain : uint8_t {
  kWonen,         // living
  kDagbesteding,  // daily activities and work
  kSociaal,       // social contacts and network
  kGezondheid,    // health and care needs
  kZelfzorg,      // self-care and daily functioning
  kVrijeTijd,     // leisure and meaning (zingeving)
  kFinancien,     // finances and paperwork
  kVeiligheid,    // safety
};
inline constexpr LifeDomain kAllLifeDomains[] = {LifeDomain::kWonen,     LifeDomain::kDagbesteding,
                                                 LifeDomain::kSociaal,   LifeDomain::kGezondheid,
                                                 LifeDomain::kZelfzorg,  LifeDomain::kVrijeTijd,
                                                 LifeDomain::kFinancien, LifeDomain::kVeiligheid};

// How a feature (kenmerk) is measured.
enum class FeatureKind : uint8_t {
  kYesNo,   // present or not (value 1 or 0)
  kLevel,   // an ordinal level 1..max (e.g. how quiet a group is)
  kNumber,  // a quantity; the vocabulary says whether more or less is better
};
inline constexpr FeatureKind kAllFeatureKinds[] = {FeatureKind::kYesNo, FeatureKind::kLevel,
                                                   FeatureKind::kNumber};

// A place that matters to the client.
enum class PlaceKind : uint8_t { kFamilie, kWerk, kDagbesteding, kClub, kKerk, kAnders };
inline constexpr PlaceKind kAllPlaceKinds[] = {PlaceKind::kFamilie,      PlaceKind::kWerk,
                                               PlaceKind::kDagbesteding, PlaceKind::kClub,
                                               PlaceKind::kKerk,         PlaceKind::kAnders};

std::string_view ToString(OfferKind v);
std::string_view ToString(DeliveryForm v);
std::string_view ToString(Importance v);
std::string_view ToString(Sector v);
std::string_view ToString(IndicationStatus v);
std::string_view ToString(CareStatus v);
std::string_view ToString(LifeDomain v);
std::string_view ToString(FeatureKind v);
std::string_view ToString(PlaceKind v);
std::string_view ToString(RegisterStatus v);

std::optional<OfferKind> ParseOfferKind(std::string_view s);
std::optional<DeliveryForm> ParseDeliveryForm(std::string_view s);
std::optional<Importance> ParseImportance(std::string_view s);
std::optional<Sector> ParseSector(std::string_view s);
std::optional<IndicationStatus> ParseIndicationStatus(std::string_view s);
std::optional<CareStatus> ParseCareStatus(std::string_view s);
std::optional<LifeDomain> ParseLifeDomain(std::string_view s);
std::optional<FeatureKind> ParseFeatureKind(std::string_view s);
std::optional<PlaceKind> ParsePlaceKind(std::string_view s);
std::optional<RegisterStatus> ParseRegisterStatus(std::string_view s);

// Dutch labels for people ("Dagbesteding", "Volledig pakket thuis (VPT)").
std::string_view LabelNl(OfferKind v);
std::string_view LabelNl(DeliveryForm v);
std::string_view LabelNl(Importance v);
std::string_view LabelNl(PlaceKind v);
std::string_view LabelNl(CareStatus v);
std::string_view LabelNl(RegisterStatus v);

// Whether the client looks for care (every status but in care): the clients the mismatch
// analysis and the waiting figures are about.
inline bool IsSearching(CareStatus v) { return v != CareStatus::kInCare; }

}  // namespace passend::domain
