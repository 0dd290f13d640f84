// Self-service without an account (issue 20.4): a person who went through the anonymous
// search (POST /api/v1/zoeken, which stores nothing) chooses to save it. One request makes
// the account (a client for themself, or a representative) and the dossier from the same
// answers, all or nothing (intake's Register), and logs the account in as
// POST /api/v1/auth/login does. Anyone can call it, so it is throttled per address and
// per e-mail address (access/login_throttle.h, RegistrationThrottlePolicy) and bounded
// in size like the anonymous search. Only attempts that get as far as hashing the
// password count: a form with a mistake is answered without cost.
#include "api/access_routes.h"
#include "api/problem.h"
#include "api/record_schemas.h"
#include "api/signed_in.h"
#include "api/situation_json.h"
#include "domain/validation.h"
#include "interop/json_reader.h"
#include "interop/native_json.h"

namespace passend::api {
namespace {

namespace a = passend::access;
using nlohmann::json;

struct Registration {
  a::NewUser account;
  domain::Client client;
};

Result<a::Role> RoleFromJson(const std::string& role) {
  auto r = a::ParseRole(role);
  if (!r || (*r != a::Role::kClient && *r != a::Role::kRepresentative))
    return InvalidArgument("Kies client (voor uzelf) of representative (als vertegenwoordiger).",
                           "role");
  return *r;
}

Result<a::NewUser> AccountFromJson(const json& j) {
  auto opened = interop::ObjectReader::Open(j);
  if (!opened.ok()) return InvalidArgument("Verwacht een JSON-object.");
  interop::ObjectReader& r = *opened;
  a::NewUser u;
  std::string role;
  PASSEND_RETURN_IF_ERROR(r.String("role", role));
  PASSEND_ASSIGN_OR_RETURN(u.role, RoleFromJson(role));
  PASSEND_RETURN_IF_ERROR(r.String("email", u.email));
  PASSEND_RETURN_IF_ERROR(r.String("password", u.password));
  PASSEND_RETURN_IF_ERROR(r.String("name", u.display_name));
  PASSEND_RETURN_IF_ERROR(r.Finish());
  if (u.password.empty()) return InvalidArgument("Kies een wachtwoord.", "password");
  return u;
}

// Who the dossier is about, beyond the situation: the name (a client's own by default),
// the year of birth, and for a representative how they are related.
Status ReadPerson(const json* j, const a::NewUser& account, domain::Client& c) {
  std::string relation;
  if (j != nullptr && !j->is_null()) {
    auto opened = interop::ObjectReader::Open(*j);
    if (!opened.ok()) return InvalidArgument("Verwacht een JSON-object.");
    interop::ObjectReader& r = *opened;
    PASSEND_RETURN_IF_ERROR(r.String("name", c.name, false));
    PASSEND_RETURN_IF_ERROR(r.Int("birth_year", c.birth_year, false));
    PASSEND_RETURN_IF_ERROR(r.String("relation", relation, false));
    PASSEND_RETURN_IF_ERROR(r.Finish());
  }
  if (account.role == a::Role::kClient) {
    if (!relation.empty())
      return InvalidArgument("Alleen een vertegenwoordiger noemt de relatie.", "relation");
    if (c.name.empty()) c.name = account.display_name;
  } else {
    if (c.name.empty()) return InvalidArgument("Noem de naam van wie u vertegenwoordigt.", "name");
    c.representative = domain::Representative{account.display_name, relation};
  }
  return Ok();
}

Error NeedsAreAProfessionals() {
  return InvalidArgument(
      "Behoeften legt een professional vast (uit de indicatie of een beoordeling). Zet wat u "
      "nodig hebt als wens die moet.",
      "situation.needs");
}

Result<Registration> RegistrationFromJson(const json& body, const domain::ReferenceData& ref) {
  auto opened = interop::ObjectReader::Open(body);
  if (!opened.ok()) return InvalidArgument("Verwacht een JSON-object.", "body");
  interop::ObjectReader& r = *opened;
  Registration out;
  const json* account = r.Raw("account");
  if (account == nullptr) return InvalidArgument("Dit veld is verplicht", "account");
  auto read = AccountFromJson(*account);
  if (!read.ok()) return read.error().WithFieldPrefix("account");
  out.account = std::move(read).value();
  const json* situation = r.Raw("situation");
  if (situation == nullptr) return InvalidArgument("Dit veld is verplicht", "situation");
  auto s = SituationFromJson(*situation);
  if (!s.ok()) return s.error().WithFieldPrefix("situation");
  auto client = match::ClientForSituation(*s, ref);
  if (!client.ok()) return client.error().WithFieldPrefix("situation");
  out.client = std::move(client).value();
  out.client.id.clear();
  // Checked here, before the throttle counts the attempt (intake refuses them too).
  if (!out.client.needs.empty()) return NeedsAreAProfessionals();
  Status person = ReadPerson(r.Raw("client"), out.account, out.client);
  if (!person.ok()) return person.error().WithFieldPrefix("client");
  PASSEND_RETURN_IF_ERROR(r.Finish());
  // The record's own rules on the added fields (name, year of birth, representative).
  domain::Client checked = out.client;
  checked.id = "cli-nieuw";
  Status valid = domain::ValidateClient(checked, ref);
  if (!valid.ok()) return valid.error().WithFieldPrefix("client");
  return out;
}

// The use case's errors on the field as the body names it.
Error InBody(const Error& e) {
  const std::string& f = e.field();
  if (f == "email" || f == "role") return e.WithFieldPrefix("account");
  if (f == "needs") return NeedsAreAProfessionals();
  return e;
}

ApiResponse TooMany(a::AccessService& s, const ApiRequest& req, const std::string& email) {
  ApiResponse wait = ProblemResponse(
      ResourceExhausted("Te veel aanmeldingen. Wacht even en probeer het dan opnieuw."), req.path,
      req.request_id);
  wait.headers["Retry-After"] =
      std::to_string(s.identity.registration_throttle().RetryAfter(email, req.remote_addr).count());
  return wait;
}

Result<ApiResponse> Register(a::AccessService& s, intake::IntakeService& intake,
                             const domain::ReferenceData& ref, const ApiRequest& req) {
  PASSEND_ASSIGN_OR_RETURN(json body, req.JsonBody());
  PASSEND_ASSIGN_OR_RETURN(Registration reg, RegistrationFromJson(body, ref));
  auto checked = s.identity.users().Check(reg.account);
  if (!checked.ok()) return checked.error().WithFieldPrefix("account");
  const std::string email = a::NormaliseEmail(reg.account.email);
  a::LoginThrottle& throttle = s.identity.registration_throttle();
  if (auto admitted = throttle.Begin(email, req.remote_addr); !admitted.ok()) {
    if (admitted.error().code() == ErrorCode::kResourceExhausted) return TooMany(s, req, email);
    return admitted.error();
  }
  // Counted whatever the outcome: many accounts from one address are the abuse, and a
  // taken address must not be cheap to find.
  auto made = [&]() -> Result<std::pair<a::User, intake::ClientVersion>> {
    auto user = s.identity.users().Prepare(reg.account);
    if (!user.ok()) return user.error().WithFieldPrefix("account");
    auto saved = intake.Register(*user, std::move(reg.client));
    if (!saved.ok()) return InBody(saved.error());
    return std::pair{std::move(user).value(), std::move(saved).value()};
  }();
  PASSEND_RETURN_IF_ERROR(throttle.Finish(email, req.remote_addr, made.ok()));
  if (!made.ok()) return made.error();
  const intake::ClientVersion& version = made->second;
  // As stored: linked to the new client.
  PASSEND_ASSIGN_OR_RETURN(a::User user, s.identity.accounts().GetUser(made->first.id));
  PASSEND_ASSIGN_OR_RETURN(SignedIn in, SignIn(s, user));
  ApiResponse out = JsonResponse(
      {{"account", std::move(in.response.body)}, {"client", interop::ToJson(version.record)}}, 201);
  out.headers = std::move(in.response.headers);
  out.headers["Location"] = "/api/v1/clients/" + version.record.id;
  out.headers["ETag"] = "\"" + std::to_string(version.info.version) + "\"";
  return out;
}

json RegistrationSchema() {
  using namespace schema;
  json role = String();
  role["enum"] = {"client", "representative"};
  json account = Object({{"role", role},
                         {"email", String("Het e-mailadres waarmee u inlogt")},
                         {"password", String("Minstens 12 tekens")},
                         {"name", String("Uw naam")}});
  account["additionalProperties"] = false;
  json person = json{{"type", "object"},
                     {"additionalProperties", false},
                     {"properties",
                      {{"name", String("Naam van de cliënt; standaard de naam van het account "
                                       "(rol client); verplicht voor een vertegenwoordiger")},
                       {"birth_year", Integer()},
                       {"relation", String("Alleen vertegenwoordiger: dochter, mentor, ...")}}}};
  json situation = SituationSchema();
  situation["description"] =
      "Dezelfde antwoorden als bij POST /api/v1/zoeken; behoeften (needs) legt een "
      "professional vast en worden hier geweigerd.";
  json s = Object({{"account", account}, {"client", person}, {"situation", situation}});
  s["required"] = {"account", "situation"};
  return s;
}

}  // namespace

void AddRegistrationRoutes(Router& router, access::AccessService& access,
                           intake::IntakeService& intake, const domain::ReferenceData& ref) {
  Route r = MakeRoute("POST", "/api/v1/registraties", std::string(kPublic),
                      [&access, &intake, &ref](const ApiRequest& req) {
                        return Register(access, intake, ref, req);
                      });
  r.summary_nl =
      "Bewaren wat u anoniem zocht: een account en uw dossier in één keer, en meteen ingelogd";
  r.tag = "toegang";
  r.request_schema = RegistrationSchema();
  r.max_body_bytes = kMaxSearchBodyBytes;
  r.success_status = 201;
  r.response_schema = schema::Object({{"account", MeSchema()}, {"client", ClientSchema()}});
  router.Add(std::move(r));
}

}  // namespace passend::api
