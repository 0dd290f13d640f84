// passend user / audit / client: accounts, the access log and the AVG rights of a client.
//   passend user add --db PATH --email E --role admin --name N --organisation O
//   passend user demo --db PATH
//   passend audit keygen --out FILE
//   passend audit head --db PATH --audit-key FILE
//   passend audit verify --db PATH --audit-key FILE [--expect SEQ:HASH]
//   passend client list|show|history (cli/client_commands.cc)
//   passend client export --db PATH --client ID --reason TEXT [--as USER] [--out FILE]
//   passend client erase --db PATH --client ID --reason TEXT [--as USER]
// Passwords are read from --password-file or typed at a prompt, never taken from the
// command line (it ends up in shell history and process lists). Commands that touch a
// client's personal data write to the access log who ran them and why (cli/operator.h).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "access/access_service.h"
#include "access/demo_accounts.h"
#include "access/local_time.h"
#include "cli/command.h"
#include "cli/operator.h"
#include "domain/dutch_number.h"
#include "intake/intake_service.h"
#include "interop/avg_json.h"
#include "refdata/refdata.h"

namespace passend::cli {
namespace {

namespace a = passend::access;

struct AccessOptions {
  std::string db_path = "passend.db";
  std::string email, name, role = "admin", organisation, organisation_name, provider, region;
  std::vector<std::string> client_ids;
  std::string password_file;
  std::string client_id, out;
  std::string audit_key_file, expect;
  std::string format = "avg";
  OperatorOptions op;  // client export and erase: who and why (--as, --reason)
};

Result<std::unique_ptr<Modules>> OpenKeyed(const OpenModules& open, const AccessOptions& o) {
  return cli::OpenKeyed(open, o.db_path, o.audit_key_file);
}

Result<std::string> ReadPassword(const std::string& file) {
  std::string pw;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return InvalidArgument("Kan " + file + " niet lezen.", "password-file");
    std::getline(in, pw);
    return pw;
  }
  const bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::fprintf(stderr, "Wachtwoord (minstens %zu tekens): ", a::kMinPasswordLength);
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::getline(std::cin, pw);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  return pw;
}

Status AddUser(const OpenModules& open, const AccessOptions& o) {
  auto role = a::ParseRole(o.role);
  if (!role) return InvalidArgument("Onbekende rol '" + o.role + "'.", "role");
  PASSEND_ASSIGN_OR_RETURN(std::string password, ReadPassword(o.password_file));
  PASSEND_RETURN_IF_ERROR(a::CheckPasswordStrength(password));
  PASSEND_ASSIGN_OR_RETURN(auto modules, open(o.db_path));
  a::Identity& identity = modules->access().identity;
  a::UserDirectory& users = identity.users();
  if (!o.organisation.empty() && !identity.accounts().GetOrganisation(o.organisation).ok()) {
    a::Organisation org{o.organisation,
                        o.organisation_name.empty() ? o.organisation : o.organisation_name, *role,
                        o.provider, o.region};
    auto made = users.AddOrganisation(org);
    if (!made.ok()) return made.error();
    std::printf("Organisatie %s aangemaakt.\n", o.organisation.c_str());
  }
  PASSEND_ASSIGN_OR_RETURN(
      a::User u, users.Add({o.email, o.name, *role, o.organisation, o.client_ids, password}));
  std::printf("Gebruiker %s (%s) aangemaakt met rol %s.\n", u.email.c_str(), u.id.c_str(),
              std::string(a::ToString(u.role)).c_str());
  return Ok();
}

Status Demo(const OpenModules& open, const AccessOptions& o) {
  PASSEND_ASSIGN_OR_RETURN(auto modules, open(o.db_path));
  store::Database& db = modules->db();
  a::AccessStores stores{db.accounts(), db.consents(), db.audit()};
  std::vector<a::DemoLogin> logins;
  PASSEND_RETURN_IF_ERROR(db.InTransaction([&]() -> Status {
    PASSEND_ASSIGN_OR_RETURN(
        logins, a::CreateDemoAccounts(db.catalog(), db.clients(), modules->ref(), stores,
                                      modules->clock()));
    return Ok();
  }));
  std::printf(
      "Demo-accounts (alleen voor demonstratie). Log in op de webpagina (passend serve, dan\n"
      "/inloggen) of via de API: POST /api/v1/auth/login {\"email\": ..., \"password\": ...}.\n\n");
  for (const auto& l : logins)
    std::printf("  %-16s %-36s %-32s %s%s\n", std::string(a::ToString(l.role)).c_str(),
                l.email.c_str(), l.password.c_str(), l.bound_to.c_str(),
                l.existed ? " (bestond al)" : "");
  return Ok();
}

Result<a::VerifyReport> VerifiedLog(const OpenModules& open, const AccessOptions& o) {
  std::optional<a::AuditHead> expect;
  if (!o.expect.empty()) {
    PASSEND_ASSIGN_OR_RETURN(expect, a::ParseAuditHead(o.expect));
  }
  PASSEND_ASSIGN_OR_RETURN(auto modules, OpenKeyed(open, o));
  PASSEND_ASSIGN_OR_RETURN(a::VerifyReport r, modules->access().audit.Verify(expect));
  if (!r.ok())
    return FailedPrecondition("Het toegangslog is aangetast vanaf regel " +
                              std::to_string(*r.first_broken_seq) + ": " + r.problem);
  return r;
}

Status Verify(const OpenModules& open, const AccessOptions& o) {
  PASSEND_ASSIGN_OR_RETURN(a::VerifyReport r, VerifiedLog(open, o));
  std::printf(
      "Toegangslog in orde: %s (%s met sleutel), kop %lld:%s\n"
      "(bewaar de kop elders en geef hem later mee als --expect: zo valt ook het weglaten\n"
      "van de nieuwste regels op; docs/access.md).\n",
      domain::CountNl(r.entries, "regel", "regels").c_str(),
      domain::IntegerNl(r.keyed_entries).c_str(), static_cast<long long>(r.head_seq),
      r.head_hash.c_str());
  return Ok();
}

// Prints the head "SEQ:HASH" of a verified log, the one line an operator keeps elsewhere.
Status Head(const OpenModules& open, const AccessOptions& o) {
  PASSEND_ASSIGN_OR_RETURN(a::VerifyReport r, VerifiedLog(open, o));
  if (r.entries == 0) return NotFound("Het toegangslog is nog leeg.");
  std::printf("%lld:%s\n", static_cast<long long>(r.head_seq), r.head_hash.c_str());
  return Ok();
}

Status KeyGen(const OpenModules&, const AccessOptions& o) {
  PASSEND_RETURN_IF_ERROR(WriteNewAuditKey(o.out));
  std::fprintf(stderr,
               "Sleutel voor het toegangslog geschreven naar %s (alleen voor u leesbaar).\n"
               "Bewaar hem buiten de database en maak er een reservekopie van.\n",
               o.out.c_str());
  return Ok();
}

Status Export(const OpenModules& open, const AccessOptions& o) {
  if (o.format != "avg" && o.format != "fhir")
    return InvalidArgument("--format: avg of fhir.", "format");
  if (o.format == "fhir")
    return ExportDossierFhir(open, o.db_path, o.audit_key_file, o.op, o.client_id, o.out);
  PASSEND_RETURN_IF_ERROR(RequireReason(o.op, "alle gegevens van een cliënt uitvoert"));
  PASSEND_ASSIGN_OR_RETURN(auto modules, OpenKeyed(open, o));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*modules, o.op));
  PASSEND_ASSIGN_OR_RETURN(auto records, modules->intake().ExportClient(o.client_id));
  const nlohmann::json doc = interop::ToJson(records);
  auto logged = modules->access().audit.Record(
      a::EventFor(who, o.client_id, "client", "export", o.op.reason));
  if (!logged.ok()) return logged.error();
  const std::string text = doc.dump(2) + "\n";
  if (o.out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Ok();
  }
  std::ofstream f(o.out);
  if (!(f << text)) return Unavailable("Kan " + o.out + " niet schrijven.");
  std::fprintf(stderr, "Gegevens van %s geschreven naar %s\n", o.client_id.c_str(), o.out.c_str());
  return Ok();
}

Status Erase(const OpenModules& open, const AccessOptions& o) {
  PASSEND_ASSIGN_OR_RETURN(auto modules, OpenKeyed(open, o));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*modules, o.op));
  PASSEND_ASSIGN_OR_RETURN(intake::ErasureReport r,
                           modules->intake().EraseClient(who, o.client_id, o.op.reason));
  std::printf(
      "Cliënt %s gewist op %s. Accounts geblokkeerd: %d; vertegenwoordigers ontkoppeld: %d;\n"
      "toestemmingen ingetrokken: %d (bewaard als bewijs: %d); regels in het\n"
      "toegangslog bewaard (reden gewist): %s.\n%s",
      r.client_id.c_str(), a::FormatAmsterdam(a::SystemNow()).c_str(), r.accounts_blocked,
      r.representative_links, r.consents_withdrawn, r.consents_kept,
      domain::IntegerNl(r.audit_entries_kept).c_str(),
      r.old_versions_discarded
          ? ""
          : "Oude versies staan nog in de bestanden van de database, omdat die nog gelezen\n"
            "werd; ze verdwijnen bij het volgende checkpoint (of: passend serve stoppen).\n");
  return Ok();
}

}  // namespace

void RegisterAccessCommands(CLI::App& app, Invocation& inv) {
  auto o = std::make_shared<AccessOptions>();
  auto db_option = [o](CLI::App* cmd) {
    cmd->add_option("--db", o->db_path, kDbHelp)->capture_default_str();
  };
  auto run = [o, &inv](Status (*fn)(const OpenModules&, const AccessOptions&)) {
    return [o, &inv, fn] { inv.run = [o, &inv, fn] { return fn(inv.open, *o); }; };
  };

  CLI::App* user = app.add_subcommand("user", "Gebruikers en demo-accounts");
  user->require_subcommand(1);
  CLI::App* add =
      user->add_subcommand("add", "Maak een gebruiker (bijvoorbeeld de eerste beheerder)");
  db_option(add);
  add->add_option("--email", o->email, "E-mailadres (de inlognaam)")->required();
  add->add_option("--name", o->name, "Naam")->required();
  add->add_option("--role", o->role,
                  "Rol: client, representative, oco, wijkteam, ciz, "
                  "zorgkantoor, provider, researcher, admin")
      ->capture_default_str();
  add->add_option("--organisation", o->organisation,
                  "Id van de organisatie; bestaat die niet, dan wordt hij gemaakt");
  add->add_option("--organisation-name", o->organisation_name, "Naam van een nieuwe organisatie");
  add->add_option("--provider", o->provider, "Nieuwe aanbieder-organisatie: id van de aanbieder");
  add->add_option("--region", o->region, "Nieuw zorgkantoor: regiocode (5531)");
  add->add_option("--client", o->client_ids, "Cliënt-id (rol client of representative)");
  add->add_option("--password-file", o->password_file,
                  "Bestand met het wachtwoord op de eerste regel; zonder: vragen");
  add->callback(run(AddUser));

  CLI::App* demo = user->add_subcommand("demo", "Maak demo-accounts voor elke rol en toon ze");
  db_option(demo);
  demo->callback(run(Demo));

  CLI::App* audit = app.add_subcommand("audit", "Het toegangslog (NEN 7513)");
  audit->require_subcommand(1);
  CLI::App* verify =
      audit->add_subcommand("verify", "Controleer of het toegangslog ongeschonden is");
  auto key_option = [o](CLI::App* cmd) {
    cmd->add_option("--audit-key", o->audit_key_file,
                    "Sleutelbestand van het toegangslog (buiten de database; docs/access.md)");
  };
  db_option(verify);
  key_option(verify);
  verify->add_option("--expect", o->expect,
                     "Een eerder genoteerde kop VOLGNUMMER:HASH die er nog moet zijn");
  verify->callback(run(Verify));
  CLI::App* head = audit->add_subcommand(
      "head", "Toon de kop van het toegangslog (VOLGNUMMER:HASH) om elders te bewaren");
  db_option(head);
  key_option(head);
  head->callback(run(Head));
  CLI::App* keygen =
      audit->add_subcommand("keygen", "Maak een nieuw sleutelbestand voor het toegangslog");
  keygen->add_option("--out", o->out, "Het nieuwe bestand")->required();
  keygen->callback(run(KeyGen));

  CLI::App* client =
      app.add_subcommand("client", "Cliënten: zoeken, het dossier en zijn versies, AVG-rechten");
  client->require_subcommand(1);
  RegisterClientCommands(*client, inv);
  CLI::App* exp = client->add_subcommand("export", "Alle gegevens van één cliënt als JSON");
  db_option(exp);
  exp->add_option("--client", o->client_id, "Id van de cliënt")->required();
  exp->add_option("--out", o->out, "Bestand; zonder: standaarduitvoer");
  exp->add_option("--format", o->format,
                  "avg: alle gegevens (AVG-inzage); fhir: het dossier als FHIR R4 Bundle "
                  "(docs/fhir.md)")
      ->capture_default_str();
  AddOperatorOptions(exp, o->op);
  key_option(exp);
  exp->callback(run(Export));
  CLI::App* erase = client->add_subcommand("erase", "Wis de gegevens van één cliënt");
  db_option(erase);
  erase->add_option("--client", o->client_id, "Id van de cliënt")->required();
  erase->add_option("--reason", o->op.reason, "Reden (bijvoorbeeld het kenmerk van het verzoek)")
      ->required();
  erase->add_option("--as", o->op.as,
                    "Uw account (e-mailadres of id) voor het toegangslog; zonder: de "
                    "systeemgebruiker van deze computer");
  key_option(erase);
  erase->callback(run(Erase));
}

}  // namespace passend::cli
