#include "api/access_routes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <limits>
#include <map>

#include "access/consent.h"
#include "access/principal.h"
#include "api/access_guard.h"
#include "api/openapi.h"
#include "api/paging.h"
#include "api/problem.h"
#include "api/record_schemas.h"
#include "api/signed_in.h"
#include "interop/avg_json.h"

namespace passend::api {

namespace a = passend::access;
using nlohmann::json;

namespace {

using schema::ArrayOf;
using schema::Boolean;
using schema::DateTime;
using schema::Enum;
using schema::Integer;
using schema::Nullable;
using schema::Object;
using schema::String;

Result<std::string> StringField(const json& body, const std::string& name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return InvalidArgument("Veld '" + name + "' ontbreekt.", name);
    return std::string();
  }
  if (!it->is_string()) return InvalidArgument("Veld '" + name + "' moet tekst zijn.", name);
  return it->get<std::string>();
}

Result<std::vector<std::string>> StringList(const json& body, const std::string& name) {
  std::vector<std::string> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return InvalidArgument("Veld '" + name + "' moet een lijst zijn.", name);
  for (size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string())
      return InvalidArgument("Verwacht tekst.", name + "[" + std::to_string(i) + "]");
    out.push_back((*it)[i].get<std::string>());
  }
  return out;
}

// The body as a JSON object whose fields are all in `known`: a misspelt field
// ("valid_untill") is a 400 naming it, never silently dropped.
Result<json> ObjectBody(const ApiRequest& r, std::initializer_list<std::string_view> known) {
  PASSEND_ASSIGN_OR_RETURN(json body, r.JsonBody());
  if (!body.is_object()) return InvalidArgument("Verwacht een JSON-object.", "body");
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string allowed;
      for (std::string_view k : known) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
      return InvalidArgument("Onbekend veld '" + key + "'; bekend zijn: " + allowed + ".", key);
    }
  }
  return body;
}

Result<std::optional<a::Time>> TimeField(const json& body, const std::string& name) {
  PASSEND_ASSIGN_OR_RETURN(std::string text, StringField(body, name, false));
  if (text.empty()) return std::optional<a::Time>();
  auto t = a::ParseUtc(text);
  if (!t) return InvalidArgument("Gebruik een datum als 2026-12-31 of 2026-12-31T12:00:00Z.", name);
  return std::optional<a::Time>(*t);
}

}  // namespace

json MeJson(const a::Principal& who, const std::string& csrf_token) {
  return {{"user_id", who.user_id},
          {"display_name", who.display_name},
          {"role", a::ToString(who.role)},
          {"role_label", a::LabelNl(who.role)},
          {"organisation_id", who.organisation_id},
          {"provider_id", who.provider_id},
          {"region", who.region},
          {"client_ids", who.client_ids},
          {"csrf_token", csrf_token.empty() ? json(nullptr) : json(csrf_token)},
          {"via_api_token", who.via_api_token}};
}

Result<SignedIn> SignIn(a::AccessService& s, const a::User& user) {
  PASSEND_ASSIGN_OR_RETURN(a::Principal p, s.identity.users().PrincipalFor(user));
  PASSEND_ASSIGN_OR_RETURN(auto started, s.identity.sessions().Start(user.id));
  SignedIn in{JsonResponse(MeJson(p, started.session.csrf_token)), std::move(p)};
  in.response.headers["Set-Cookie"] =
      s.identity.sessions().CookieFor(started, s.options.secure_cookies);
  in.response.headers["Cache-Control"] = "no-store";
  return in;
}

namespace {

json OrganisationJson(const a::Organisation& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"kind", a::ToString(o.kind)},
          {"provider_id", o.provider_id},
          {"region", o.region}};
}

json TokenJson(const a::ApiToken& t) {
  auto opt = [](const std::optional<a::Time>& v) {
    return v ? json(a::FormatUtc(*v)) : json(nullptr);
  };
  return {{"id", t.id},
          {"name", t.name},
          {"user_id", t.user_id},
          {"created_at", a::FormatUtc(t.created_at)},
          {"expires_at", opt(t.expires_at)},
          {"revoked_at", opt(t.revoked_at)}};
}

// ---- schemas of the answers (api/record_schemas.h), next to the renderings above and
// interop/avg_json.cc (ToJson of users, consents and access-log entries) ----

json NonNegative(json s) {
  s["minimum"] = 0;
  return s;
}

json Int64(std::string_view description = {}) {
  json j = Integer(description);
  j["format"] = "int64";
  return j;
}

// {"status": "<word>"}: the answer of an action without a record to show.
json StatusSchema(std::string_view word) {
  return Object({{"status", {{"type", "string"}, {"enum", json::array({word})}}}});
}

}  // namespace

json MeSchema() {
  return Object({{"user_id", String()},
                 {"display_name", String()},
                 {"role", Enum(a::kAllRoles)},
                 {"role_label", String("De rol, voor mensen")},
                 {"organisation_id", String("Leeg voor cliënten en vertegenwoordigers")},
                 {"provider_id", String("Medewerkers van een aanbieder: die aanbieder")},
                 {"region", String("De zorgkantoorregio van de organisatie (mismatchkaart)")},
                 {"client_ids", ArrayOf(String())},
                 {"csrf_token", Nullable(String("Stuur mee als X-CSRF-Token bij POST, PUT, "
                                                "PATCH en DELETE; null bij een API-sleutel"))},
                 {"via_api_token", Boolean()}});
}

namespace {

json OrganisationSchema() {
  return Object({{"id", String()},
                 {"name", String()},
                 {"kind", Enum(a::kAllRoles)},
                 {"provider_id", String("Bij een aanbieder: de aanbieder in het aanbod")},
                 {"region", String("Een zorgkantoor: zijn regio (verplicht); een aanbieder of "
                                   "onderzoeksbureau: de regio van zijn mismatchkaart")}});
}

json UserSchema() {
  return Object({{"id", String()},
                 {"email", String()},
                 {"display_name", String()},
                 {"role", Enum(a::kAllRoles)},
                 {"organisation_id", String()},
                 {"client_ids", ArrayOf(String())},
                 {"active", Boolean()},
                 {"created_at", DateTime()}});
}

json TokenSchema() {
  return Object({{"id", String()},
                 {"name", String()},
                 {"user_id", String()},
                 {"created_at", DateTime()},
                 {"expires_at", Nullable(DateTime("null: verloopt niet"))},
                 {"revoked_at", Nullable(DateTime("null: niet ingetrokken"))}});
}

json NewTokenSchema() {
  json j = TokenSchema();
  j["properties"]["secret"] = String("De sleutel zelf; wordt maar één keer getoond");
  j["required"].push_back("secret");
  return j;
}

json VerifySchema() {
  return Object({{"intact", Boolean()},
                 {"entries", NonNegative(Int64())},
                 {"head_seq", NonNegative(Int64("Volgnummer van de nieuwste regel (0: leeg)"))},
                 {"head_hash", String("Hash van de nieuwste regel")},
                 {"first_broken_seq", Nullable(Int64("null: de keten is heel"))},
                 {"problem", String("Leeg als de keten heel is")}});
}

json ConsentSchema() {
  json organisations = ArrayOf(String());
  organisations["minItems"] = 1;
  return Object({{"id", String()},
                 {"client_id", String()},
                 {"organisation_ids", organisations},
                 {"purpose", Enum(a::kAllPurposes)},
                 {"granted_at", DateTime()},
                 {"granted_by", String()},
                 {"valid_until", Nullable(DateTime("null: geen einddatum"))},
                 {"withdrawn_at", Nullable(DateTime("null: niet ingetrokken"))},
                 {"valid_now", Boolean()}});
}

json AuditEntrySchema() {
  json seq = Int64("1, 2, 3, ... zonder gaten");
  seq["minimum"] = 1;
  return Object({{"seq", seq},
                 {"ts", DateTime()},
                 {"user_id", String()},
                 {"role", Enum(a::kAllRoles)},
                 {"organisation_id", String()},
                 {"client_id", String()},
                 {"resource", String()},
                 {"action", String()},
                 {"reason", String("\"gewist\" na het wissen van de cliënt")},
                 {"redacted", Boolean()},
                 {"source", String("Adres van de aanvrager, \"cli\" voor de opdrachtregel; leeg "
                                   "voor regels van vóór schemaversie 11")},
                 {"credential", String("Sessie (ses-...), API-token (tok-...) of "
                                       "systeemgebruiker (os:...) waarmee het gebeurde")},
                 {"outcome", json{{"type", "string"}, {"enum", {"allowed", "denied"}}}}});
}

// An entry of a client's own access log, with who it was in words: the organisation's name
// and the person's role, so nobody has to read an id.
json AccessLogEntrySchema() {
  json entry = AuditEntrySchema();
  entry["properties"]["organisation_name"] =
      String("Naam van de organisatie; leeg voor de cliënt of vertegenwoordiger zelf");
  entry["properties"]["role_nl"] = String("De rol in woorden: \"Cliëntondersteuner (OCO)\"");
  entry["properties"]["reason_nl"] = String(
      "Waarom, zonder ids: \"met toestemming voor zorgverlening\" in plaats van het "
      "nummer van de toestemming");
  entry["required"].push_back("organisation_name");
  entry["required"].push_back("role_nl");
  entry["required"].push_back("reason_nl");
  return entry;
}

// The reason of a log entry for the client to read: access under a consent names the
// purpose in words, not the form's id ("toestemming cns-… (care_delivery)", written by
// access/permissions.cc, becomes "met toestemming voor zorgverlening"). Other reasons are
// words already ("eigen gegevens", "taak Zorgkantoor", a stated emergency reason).
std::string ReasonNl(const std::string& reason) {
  static constexpr std::string_view kConsent = "toestemming ";
  const size_t open = reason.rfind(" (");
  if (reason.rfind(kConsent, 0) != 0 || open == std::string::npos || reason.back() != ')')
    return reason;
  const auto purpose =
      a::ParsePurpose(std::string_view(reason).substr(open + 2, reason.size() - open - 3));
  if (!purpose) return reason;
  std::string label(a::LabelNl(*purpose));
  if (!label.empty())
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return "met toestemming voor " + label;
}

json AccessLogSchema() {
  return Object({{"items", ArrayOf(AccessLogEntrySchema())},
                 {"next_before", Nullable(Int64("Geef mee als before voor de volgende "
                                                "(oudere) regels; null: er zijn er niet meer"))}});
}

json ExportSchema() {
  return Object({{"format", {{"type", "string"}, {"enum", json::array({"passend-avg-export"})}}},
                 {"version", Integer()},
                 {"generated_at", DateTime()},
                 {"client_id", String()},
                 {"client", ClientSchema()},
                 {"accounts", ArrayOf(UserSchema())},
                 {"consents", ArrayOf(ConsentSchema())},
                 {"access_log", ArrayOf(AuditEntrySchema())}});
}

json ErasureSchema() {
  return Object({{"client_id", String()},
                 {"accounts_blocked", NonNegative(Integer())},
                 {"representative_links", NonNegative(Integer())},
                 {"consents_withdrawn", NonNegative(Integer())},
                 {"consents_kept", NonNegative(Integer())},
                 {"audit_entries_kept", NonNegative(Int64())},
                 {"old_versions_discarded", Boolean()}});
}

// A route of the access layer; `schema` is the JSON Schema of its success body. Guarded
// routes under /clients/{id}/ are about that client, the others about no single record.
Route R(std::string method, std::string pattern, std::string permission, std::string summary,
        std::string tag, json schema, Handler handler, int success = 200) {
  const bool about_client = pattern.find("/clients/{id}") != std::string::npos;
  const bool guarded = permission != kPublic;
  Route r =
      MakeRoute(std::move(method), std::move(pattern), std::move(permission), std::move(handler));
  if (guarded) r.subject = about_client ? AboutClient("id") : AboutNoRecord();
  r.summary_nl = std::move(summary);
  r.tag = std::move(tag);
  r.success_status = success;
  r.response_schema = std::move(schema);
  return r;
}

void AddSessionRoutes(Router& router, a::AccessService& s) {
  Route login = R(
      "POST", "/api/v1/auth/login", std::string(kPublic), "Inloggen met e-mail en wachtwoord",
      "toegang", MeSchema(), [&s](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(json body, ObjectBody(r, {"email", "password"}));
        PASSEND_ASSIGN_OR_RETURN(std::string email, StringField(body, "email", true));
        PASSEND_ASSIGN_OR_RETURN(std::string pw, StringField(body, "password", true));
        auto authenticated =
            s.identity.password_login().Authenticate({email, pw, {}, r.remote_addr});
        if (!authenticated.ok() && authenticated.error().code() == ErrorCode::kResourceExhausted) {
          // 429 says how long to wait (at most), so a client need not guess.
          ApiResponse wait = ProblemResponse(authenticated.error(), r.path, r.request_id);
          wait.headers["Retry-After"] = std::to_string(
              s.identity.throttle().RetryAfter(a::NormaliseEmail(email), r.remote_addr).count());
          return wait;
        }
        PASSEND_ASSIGN_OR_RETURN(a::User user, std::move(authenticated));
        PASSEND_ASSIGN_OR_RETURN(SignedIn in, SignIn(s, user));
        return std::move(in.response);
      });
  login.request_schema = {
      {"type", "object"},
      {"required", {"email", "password"}},
      {"properties", {{"email", {{"type", "string"}}}, {"password", {{"type", "string"}}}}}};
  router.Add(std::move(login));

  router.Add(R("POST", "/api/v1/auth/logout", "auth.session", "Uitloggen", "toegang",
               StatusSchema("uitgelogd"), [&s](const ApiRequest& r) -> Result<ApiResponse> {
                 PASSEND_RETURN_IF_ERROR(
                     s.identity.sessions().End(CookieValue(r.Header("Cookie"), a::kSessionCookie)));
                 ApiResponse out = JsonResponse({{"status", "uitgelogd"}});
                 out.headers["Set-Cookie"] = a::Sessions::ClearingCookie(s.options.secure_cookies);
                 return out;
               }));
  router.Add(R("GET", "/api/v1/auth/me", "auth.session", "Wie ben ik (en het CSRF-token)",
               "toegang", MeSchema(), [](const ApiRequest& r) -> Result<ApiResponse> {
                 ApiResponse out =
                     JsonResponse(MeJson(r.admission->principal, r.admission->csrf_token));
                 out.headers["Cache-Control"] = "no-store";
                 return out;
               }));
}

void AddAdminRoutes(Router& router, a::AccessService& s) {
  router.Add(R("GET", "/api/v1/organisations", "organisation.list", "Organisaties", "toegang",
               PageSchema(OrganisationSchema()), [&s](const ApiRequest&) -> Result<ApiResponse> {
                 PASSEND_ASSIGN_OR_RETURN(auto orgs, s.identity.accounts().ListOrganisations());
                 json items = json::array();
                 for (const auto& o : orgs) items.push_back(OrganisationJson(o));
                 return JsonResponse({{"items", items}, {"next_cursor", nullptr}});
               }));
  router.Add(R(
      "POST", "/api/v1/organisations", "organisation.create", "Organisatie aanmaken", "toegang",
      OrganisationSchema(),
      [&s](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(json body,
                                 ObjectBody(r, {"name", "kind", "provider_id", "region"}));
        a::Organisation o;
        PASSEND_ASSIGN_OR_RETURN(o.name, StringField(body, "name", true));
        PASSEND_ASSIGN_OR_RETURN(std::string kind, StringField(body, "kind", true));
        auto role = a::ParseRole(kind);
        if (!role) return InvalidArgument("Onbekend soort organisatie.", "kind");
        o.kind = *role;
        PASSEND_ASSIGN_OR_RETURN(o.provider_id, StringField(body, "provider_id", false));
        PASSEND_ASSIGN_OR_RETURN(o.region, StringField(body, "region", false));
        PASSEND_ASSIGN_OR_RETURN(a::Organisation made, s.identity.users().AddOrganisation(o));
        return JsonResponse(OrganisationJson(made), 201);
      },
      201));
  Route users =
      R("GET", "/api/v1/users", "user.list", "Gebruikers", "toegang", PageSchema(UserSchema()),
        [&s](const ApiRequest& r) -> Result<ApiResponse> {
          PASSEND_ASSIGN_OR_RETURN(auto page, PageFromQuery(r));
          PASSEND_ASSIGN_OR_RETURN(auto found, s.identity.accounts().ListUsers(page));
          return JsonResponse(PageBody(found, [](const a::User& u) { return interop::ToJson(u); }));
        });
  users.params = PagingParams();
  router.Add(std::move(users));
  router.Add(R(
      "POST", "/api/v1/users", "user.create", "Gebruiker aanmaken", "toegang", UserSchema(),
      [&s](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(json body,
                                 ObjectBody(r, {"email", "display_name", "role", "organisation_id",
                                                "client_ids", "password"}));
        a::NewUser u;
        PASSEND_ASSIGN_OR_RETURN(u.email, StringField(body, "email", true));
        PASSEND_ASSIGN_OR_RETURN(u.display_name, StringField(body, "display_name", true));
        PASSEND_ASSIGN_OR_RETURN(std::string role, StringField(body, "role", true));
        auto parsed = a::ParseRole(role);
        if (!parsed) return InvalidArgument("Onbekende rol.", "role");
        u.role = *parsed;
        PASSEND_ASSIGN_OR_RETURN(u.organisation_id, StringField(body, "organisation_id", false));
        PASSEND_ASSIGN_OR_RETURN(u.client_ids, StringList(body, "client_ids"));
        PASSEND_ASSIGN_OR_RETURN(u.password, StringField(body, "password", true));
        PASSEND_ASSIGN_OR_RETURN(a::User made, s.identity.users().Add(u));
        return JsonResponse(interop::ToJson(made), 201);
      },
      201));
  router.Add(
      R("PATCH", "/api/v1/users/{id}", "user.update",
        "Gebruiker blokkeren, vrijgeven of nieuw wachtwoord", "toegang", UserSchema(),
        [&s](const ApiRequest& r) -> Result<ApiResponse> {
          const std::string& id = r.path_params.at("id");
          PASSEND_ASSIGN_OR_RETURN(json body, ObjectBody(r, {"active", "password"}));
          if (auto it = body.find("active"); it != body.end()) {
            if (!it->is_boolean()) return InvalidArgument("Verwacht true of false.", "active");
            PASSEND_RETURN_IF_ERROR(s.identity.users().SetActive(id, it->get<bool>()));
          }
          PASSEND_ASSIGN_OR_RETURN(std::string pw, StringField(body, "password", false));
          // Changing one's own password keeps the session doing it; every other
          // session and token of the account ends.
          const Admission& who = *r.admission;
          if (!pw.empty())
            PASSEND_RETURN_IF_ERROR(s.identity.users().SetPassword(
                id, pw, who.principal.user_id == id ? who.principal.session_id : std::string()));
          PASSEND_ASSIGN_OR_RETURN(a::User u, s.identity.accounts().GetUser(id));
          return JsonResponse(interop::ToJson(u));
        }));
  router.Add(R("GET", "/api/v1/api-tokens", "apitoken.list", "API-sleutels", "toegang",
               PageSchema(TokenSchema()), [&s](const ApiRequest&) -> Result<ApiResponse> {
                 PASSEND_ASSIGN_OR_RETURN(auto tokens, s.identity.tokens().List());
                 json items = json::array();
                 for (const auto& t : tokens) items.push_back(TokenJson(t));
                 return JsonResponse({{"items", items}, {"next_cursor", nullptr}});
               }));
  router.Add(R(
      "POST", "/api/v1/api-tokens", "apitoken.create", "API-sleutel aanmaken (eenmalig getoond)",
      "toegang", NewTokenSchema(),
      [&s](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(json body, ObjectBody(r, {"user_id", "name", "expires_at"}));
        PASSEND_ASSIGN_OR_RETURN(std::string user_id, StringField(body, "user_id", true));
        PASSEND_ASSIGN_OR_RETURN(std::string name, StringField(body, "name", true));
        PASSEND_ASSIGN_OR_RETURN(auto expires, TimeField(body, "expires_at"));
        auto issued = s.identity.tokens().Issue(user_id, name, expires);
        if (!issued.ok() && issued.error().code() == ErrorCode::kNotFound)
          return InvalidArgument("Gebruiker " + user_id + " bestaat niet.", "user_id");
        if (!issued.ok()) return issued.error();
        json out = TokenJson(issued->token);
        out["secret"] = issued->secret;
        return JsonResponse(out, 201);
      },
      201));
  router.Add(R("DELETE", "/api/v1/api-tokens/{id}", "apitoken.revoke", "API-sleutel intrekken",
               "toegang", StatusSchema("ingetrokken"),
               [&s](const ApiRequest& r) -> Result<ApiResponse> {
                 PASSEND_RETURN_IF_ERROR(s.identity.tokens().Revoke(r.path_params.at("id")));
                 return JsonResponse({{"status", "ingetrokken"}});
               }));
  router.Add(
      R("GET", "/api/v1/audit/verify", "audit.verify", "Controleer het toegangslog (hashketen)",
        "toegang", VerifySchema(), [&s](const ApiRequest&) -> Result<ApiResponse> {
          PASSEND_ASSIGN_OR_RETURN(a::VerifyReport rep, s.audit.Verify());
          return JsonResponse({{"intact", rep.ok()},
                               {"entries", rep.entries},
                               {"head_seq", rep.head_seq},
                               {"head_hash", rep.head_hash},
                               {"first_broken_seq",
                                rep.first_broken_seq ? json(*rep.first_broken_seq) : json(nullptr)},
                               {"problem", rep.problem}});
        }));
}

void AddClientRightsRoutes(Router& router, a::AccessService& s, intake::IntakeService& intake) {
  auto client_of = [](const ApiRequest& r) { return r.admission->decision.client_id; };
  router.Add(R("GET", "/api/v1/clients/{id}/consents", "consent.list",
               "Toestemmingen van een cliënt", "toestemming", PageSchema(ConsentSchema()),
               [&s, client_of](const ApiRequest& r) -> Result<ApiResponse> {
                 PASSEND_ASSIGN_OR_RETURN(auto forms, s.consents.ForClient(client_of(r)));
                 json items = json::array();
                 for (const auto& f : forms) items.push_back(interop::ToJson(f, s.clock()));
                 return JsonResponse({{"items", items}, {"next_cursor", nullptr}});
               }));
  router.Add(R(
      "POST", "/api/v1/clients/{id}/consents", "consent.create",
      "Toestemming geven aan een of meer organisaties", "toestemming", ConsentSchema(),
      [&s, client_of](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(json body,
                                 ObjectBody(r, {"organisation_ids", "purpose", "valid_until"}));
        a::NewConsent c;
        c.client_id = client_of(r);
        PASSEND_ASSIGN_OR_RETURN(c.organisation_ids, StringList(body, "organisation_ids"));
        PASSEND_ASSIGN_OR_RETURN(std::string purpose, StringField(body, "purpose", true));
        auto p = a::ParsePurpose(purpose);
        if (!p)
          return InvalidArgument(
              "Kies registration, client_support, indication, care_delivery of research.",
              "purpose");
        c.purpose = *p;
        PASSEND_ASSIGN_OR_RETURN(c.valid_until, TimeField(body, "valid_until"));
        PASSEND_ASSIGN_OR_RETURN(a::ConsentForm f, s.consents.Give(r.admission->principal, c));
        return JsonResponse(interop::ToJson(f, s.clock()), 201);
      },
      201));
  router.Add(R("DELETE", "/api/v1/clients/{id}/consents/{consent_id}", "consent.withdraw",
               "Toestemming intrekken", "toestemming", ConsentSchema(),
               [&s, client_of](const ApiRequest& r) -> Result<ApiResponse> {
                 PASSEND_ASSIGN_OR_RETURN(a::ConsentForm f,
                                          s.consents.Withdraw(r.admission->principal, client_of(r),
                                                              r.path_params.at("consent_id")));
                 return JsonResponse(interop::ToJson(f, s.clock()));
               }));
  Route log = R(
      "GET", "/api/v1/clients/{id}/access-log", "audit.read",
      "Wie bekeek of wijzigde de gegevens van deze cliënt", "toestemming", AccessLogSchema(),
      [&s, client_of](const ApiRequest& r) -> Result<ApiResponse> {
        PASSEND_ASSIGN_OR_RETURN(
            int64_t before, IntegerQuery(r, "before", 0, 0, std::numeric_limits<int64_t>::max()));
        PASSEND_ASSIGN_OR_RETURN(int64_t limit, IntegerQuery(r, "limit", 50, 1, 500));
        PASSEND_ASSIGN_OR_RETURN(auto entries,
                                 s.audit.ForClient(client_of(r), before, static_cast<int>(limit)));
        json items = json::array();
        std::map<std::string, std::string> org_names;  // one lookup per organisation
        for (const auto& e : entries) {
          json item = interop::ToJson(e);
          if (!e.organisation_id.empty() && !org_names.count(e.organisation_id)) {
            auto org = s.identity.accounts().GetOrganisation(e.organisation_id);
            org_names[e.organisation_id] = org.ok() ? org->name : "";
          }
          item["organisation_name"] = e.organisation_id.empty() ? "" : org_names[e.organisation_id];
          const auto role = a::ParseRole(e.role);
          item["role_nl"] = role ? std::string(a::LabelNl(*role)) : e.role;
          item["reason_nl"] = ReasonNl(e.reason);
          items.push_back(std::move(item));
        }
        const bool more = static_cast<int>(entries.size()) == limit;
        return JsonResponse(
            {{"items", items}, {"next_before", more ? json(entries.back().seq) : json(nullptr)}});
      });
  log.params = {PathParam("id", "Id van de cliënt"),
                QueryParam("before", "Alleen regels met een lager volgnummer", "integer"),
                QueryParam("limit", "Hoeveel regels (1..500)", "integer")};
  router.Add(std::move(log));
  router.Add(R("GET", "/api/v1/clients/{id}/export", "client.export",
               "Alle gegevens van een cliënt als één JSON-bestand (AVG)", "toestemming",
               ExportSchema(), [&intake, client_of](const ApiRequest& r) -> Result<ApiResponse> {
                 PASSEND_ASSIGN_OR_RETURN(auto records, intake.ExportClient(client_of(r)));
                 ApiResponse out = JsonResponse(interop::ToJson(records));
                 out.headers["Content-Disposition"] =
                     "attachment; filename=\"passend-" + client_of(r) + ".json\"";
                 out.headers["Cache-Control"] = "no-store";
                 return out;
               }));
  router.Add(R("POST", "/api/v1/clients/{id}/erase", "client.erase",
               "Gegevens van een cliënt wissen (AVG); het toegangslog blijft", "toestemming",
               ErasureSchema(), [&intake, client_of](const ApiRequest& r) -> Result<ApiResponse> {
                 PASSEND_ASSIGN_OR_RETURN(json body, ObjectBody(r, {"reason"}));
                 PASSEND_ASSIGN_OR_RETURN(std::string reason, StringField(body, "reason", true));
                 PASSEND_ASSIGN_OR_RETURN(
                     intake::ErasureReport rep,
                     intake.EraseClient(r.admission->principal, client_of(r), reason));
                 return JsonResponse({{"client_id", rep.client_id},
                                      {"accounts_blocked", rep.accounts_blocked},
                                      {"representative_links", rep.representative_links},
                                      {"consents_withdrawn", rep.consents_withdrawn},
                                      {"consents_kept", rep.consents_kept},
                                      {"audit_entries_kept", rep.audit_entries_kept},
                                      {"old_versions_discarded", rep.old_versions_discarded}});
               }));
}

}  // namespace

void AddAccessRoutes(Router& router, a::AccessService& access, intake::IntakeService& intake) {
  AddSessionRoutes(router, access);
  AddAdminRoutes(router, access);
  AddClientRightsRoutes(router, access, intake);
}

}  // namespace passend::api
