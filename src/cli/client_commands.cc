// passend client list / show / history: finding a client and reading the dossier with its
// versions, as the operator (every client shown is written to the access log, as in the API,
// with who ran it and why: cli/operator.h).
//   passend client list --db PATH --reason TEXT [--as USER] [--name DEEL] [--birth-year JAAR]
//                       [--municipality GM0935] [--limit N]
//   passend client show --db PATH --client ID --reason TEXT [--as USER] [--version N] [--json]
//   passend client history --db PATH --client ID --reason TEXT [--as USER]
//   passend client export --format fhir --db PATH --client ID --reason TEXT [--as USER]
//                         [--out FILE] (the command is access_commands.cc's, whose default
//                         format is the AVG export)
//   passend client import --format fhir --db PATH --reason TEXT [--as USER] FILE
// export and import: the dossier as a FHIR R4 Bundle (interop/fhir_dossier.h,
// docs/fhir.md); an import is a new version through the intake service, all or nothing.
// Times are shown in Dutch time (Europe/Amsterdam).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "access/local_time.h"
#include "cli/command.h"
#include "cli/operator.h"
#include "domain/dutch_number.h"
#include "interop/fhir_dossier.h"
#include "interop/native_json.h"
#include "refdata/refdata.h"

namespace passend::cli {
namespace {

namespace a = passend::access;
namespace d = passend::domain;

struct ClientOptions {
  std::string db_path = "passend.db";
  std::string audit_key_file;
  std::string client_id;
  std::string name;
  int birth_year = 0;
  std::vector<std::string> municipalities;
  int limit = 50;
  int version = 0;
  bool json = false;
  std::string format = "fhir";
  std::string file;
  OperatorOptions op;
};

Status LogRead(Modules& m, const a::Principal& who, const ClientOptions& o,
               const std::string& client_id, const char* action) {
  auto logged =
      m.access().audit.Record(a::EventFor(who, client_id, "dossier", action, o.op.reason));
  if (!logged.ok()) return logged.error();
  return Ok();
}

std::string When(const std::string& utc) {
  if (utc.empty()) return "(ingelezen)";
  auto t = a::ParseUtc(utc);
  return t ? a::FormatAmsterdam(*t) : utc;
}

std::string Municipality(const d::ReferenceData& ref, const std::string& code) {
  const d::Municipality* m = ref.FindMunicipality(code);
  return m ? m->name + " (" + code + ")" : code;
}

std::string Feature(const d::ReferenceData& ref, const std::string& id) {
  const d::Feature* f = ref.FindFeature(id);
  return f ? f->label_nl : id;
}

void PrintVersionHead(const intake::ClientVersionInfo& v) {
  std::printf("Versie %d, %s, door %s (%s): %s\n", v.version, When(v.recorded_at).c_str(),
              v.author_name.c_str(), v.author_role.c_str(), v.reason.c_str());
}

void PrintDossier(const d::ReferenceData& ref, const d::Client& c) {
  std::printf("Cliënt %s: %s", c.id.c_str(), c.name.c_str());
  if (c.birth_year != 0) std::printf(" (geboren in %d)", c.birth_year);
  std::printf(", %s\n", Municipality(ref, c.municipality_code).c_str());
  std::printf("Sector %s, zorgprofiel %s, zorgstatus: %s\n",
              std::string(d::ToString(c.sector)).c_str(),
              c.profile.empty() ? "onbekend" : d::ProfileInWords(ref, c.profile).c_str(),
              std::string(d::LabelNl(c.care_status)).c_str());
  if (c.representative)
    std::printf("Vertegenwoordiger: %s (%s)\n", c.representative->name.c_str(),
                c.representative->relation.c_str());
  std::string forms;
  for (auto f : c.preferred_forms)
    forms += (forms.empty() ? "" : ", ") + std::string(d::LabelNl(f));
  std::printf("Leveringsvormen: %s\n", forms.empty() ? "geen voorkeur" : forms.c_str());
  std::printf("Wensen:%s\n", c.wishes.empty() ? " geen" : "");
  for (const auto& w : c.wishes) {
    std::printf("  %-10s %s", std::string(d::LabelNl(w.importance)).c_str(),
                w.feature_id.empty() ? "(eigen woorden)" : Feature(ref, w.feature_id).c_str());
    if (!w.text.empty()) std::printf(": \"%s\"", w.text.c_str());
    std::printf("\n");
  }
  std::printf("Behoeften (vastgelegd door een professional):%s\n", c.needs.empty() ? " geen" : "");
  for (const auto& n : c.needs) {
    std::printf("  %s", Feature(ref, n.feature_id).c_str());
    if (!n.note.empty()) std::printf(": %s", n.note.c_str());
    std::printf("\n");
  }
  std::printf("Plekken die ertoe doen:%s\n", c.places.empty() ? " geen" : "");
  for (const auto& p : c.places)
    std::printf("  %-10s %s \"%s\", hooguit %s\n", std::string(d::LabelNl(p.importance)).c_str(),
                std::string(d::LabelNl(p.kind)).c_str(), p.label.c_str(),
                d::KmNl(p.max_km).c_str());
}

Status List(const OpenModules& open, const ClientOptions& o) {
  if (o.limit < 1 || o.limit > 500)
    return InvalidArgument("--limit: een getal van 1 tot en met 500.", "limit");
  if (o.birth_year != 0 && (o.birth_year < 1900 || o.birth_year > 2030))
    return InvalidArgument("--birth-year: een jaar van 1900 tot en met 2030.", "birth-year");
  PASSEND_RETURN_IF_ERROR(RequireReason(o.op, "cliënten zoekt"));
  PASSEND_ASSIGN_OR_RETURN(auto m, OpenKeyed(open, o.db_path, o.audit_key_file));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*m, o.op));
  intake::ClientFilter filter;
  filter.name_contains = o.name;
  filter.birth_year = o.birth_year;
  for (const auto& code : o.municipalities) {
    if (m->ref().FindMunicipality(code) == nullptr)
      return InvalidArgument("Onbekende gemeentecode '" + code + "'.", "municipality");
    filter.municipality_codes.push_back(code);
  }
  PASSEND_ASSIGN_OR_RETURN(auto page, m->intake().ListClients(filter, {"", o.limit}));
  PASSEND_ASSIGN_OR_RETURN(int64_t total, m->intake().CountClients(filter));
  for (const auto& c : page.items) {
    PASSEND_RETURN_IF_ERROR(LogRead(*m, who, o, c.id, "list"));
    std::printf("%-24s %-32s %-6s %s\n", c.id.c_str(), c.name.c_str(),
                c.birth_year ? std::to_string(c.birth_year).c_str() : "-",
                Municipality(m->ref(), c.municipality_code).c_str());
  }
  std::fprintf(stderr, "%s gevonden%s\n", d::CountNl(total, "cliënt", "cliënten").c_str(),
               total > static_cast<int64_t>(page.items.size())
                   ? (", " + d::IntegerNl(static_cast<int64_t>(page.items.size())) +
                      " getoond (zoek preciezer of gebruik --limit)")
                         .c_str()
                   : "");
  return Ok();
}

Status Show(const OpenModules& open, const ClientOptions& o) {
  PASSEND_RETURN_IF_ERROR(RequireReason(o.op, "het dossier inziet"));
  PASSEND_ASSIGN_OR_RETURN(auto m, OpenKeyed(open, o.db_path, o.audit_key_file));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*m, o.op));
  int version = o.version;
  if (version == 0) {
    PASSEND_ASSIGN_OR_RETURN(version, m->intake().CurrentVersion(o.client_id));
  }
  PASSEND_ASSIGN_OR_RETURN(intake::ClientVersion v, m->intake().GetVersion(o.client_id, version));
  PASSEND_RETURN_IF_ERROR(LogRead(*m, who, o, o.client_id, "read"));
  if (o.json) {
    std::printf("%s\n", interop::ToJson(v.record).dump(2).c_str());
    return Ok();
  }
  PrintDossier(m->ref(), v.record);
  PrintVersionHead(v.info);
  return Ok();
}

Status History(const OpenModules& open, const ClientOptions& o) {
  PASSEND_RETURN_IF_ERROR(RequireReason(o.op, "de versies van het dossier inziet"));
  PASSEND_ASSIGN_OR_RETURN(auto m, OpenKeyed(open, o.db_path, o.audit_key_file));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*m, o.op));
  PASSEND_ASSIGN_OR_RETURN(auto versions, m->intake().History(o.client_id));
  PASSEND_RETURN_IF_ERROR(LogRead(*m, who, o, o.client_id, "read"));
  for (const auto& v : versions) {
    PrintVersionHead(v);
    if (v.version == 1) continue;
    PASSEND_ASSIGN_OR_RETURN(intake::DossierDiff diff,
                             m->intake().Diff(o.client_id, v.version - 1, v.version));
    for (const auto& c : diff.changes) {
      const char* before = c.before.empty() ? "(niets)" : c.before.c_str();
      const char* after = c.after.empty() ? "(niets)" : c.after.c_str();
      std::printf("  %s: %s -> %s\n", c.label_nl.c_str(), before, after);
    }
  }
  return Ok();
}

// The Bundle is read and checked whole before anything is written; the dossier named by
// the Patient's Passend identifier gets a new version (in the order of its wishes where
// they are the same), a Bundle without one a new client.
Status Import(const OpenModules& open, const ClientOptions& o) {
  if (o.format != "fhir") return InvalidArgument("--format: fhir.", "format");
  PASSEND_RETURN_IF_ERROR(RequireReason(o.op, "een dossier inleest"));
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return NotFound("Bestand '" + o.file + "' kan niet worden gelezen", "file");
  std::stringstream text;
  text << in.rdbuf();
  PASSEND_ASSIGN_OR_RETURN(nlohmann::json bundle, interop::ParseJsonText(text.str()));
  PASSEND_ASSIGN_OR_RETURN(auto m, OpenKeyed(open, o.db_path, o.audit_key_file));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*m, o.op));
  PASSEND_ASSIGN_OR_RETURN(
      d::Client c, interop::fhir::DossierFromBundle(bundle, refdata::BuiltInLeidraad(), m->ref()));
  // The version's reason is the operator's, with the file it came from.
  const std::string reason =
      o.op.reason + " (FHIR: " + std::filesystem::path(o.file).filename().string() + ")";
  if (c.id.empty()) {
    PASSEND_ASSIGN_OR_RETURN(intake::ClientVersion made,
                             m->intake().CreateClient(who, std::move(c), reason));
    std::printf("Nieuwe cliënt %s, versie %d\n", made.record.id.c_str(), made.info.version);
    return Ok();
  }
  PASSEND_ASSIGN_OR_RETURN(d::Client current, m->intake().GetClient(c.id));
  PASSEND_ASSIGN_OR_RETURN(int version, m->intake().CurrentVersion(c.id));
  interop::fhir::KeepOrder(current, c);
  PASSEND_ASSIGN_OR_RETURN(intake::ClientVersion saved,
                           m->intake().UpdateClient(who, c, version, reason));
  PASSEND_RETURN_IF_ERROR(LogRead(*m, who, o, c.id, "update"));
  if (saved.info.version == version) {
    std::printf("Geen wijziging: %s blijft op versie %d\n", c.id.c_str(), version);
  } else {
    std::printf("%s: versie %d\n", c.id.c_str(), saved.info.version);
  }
  return Ok();
}

}  // namespace

Status ExportDossierFhir(const OpenModules& open, const std::string& db_path,
                         const std::string& audit_key_file, const OperatorOptions& op,
                         const std::string& client_id, const std::string& out) {
  PASSEND_RETURN_IF_ERROR(RequireReason(op, "het dossier uitvoert"));
  PASSEND_ASSIGN_OR_RETURN(auto m, OpenKeyed(open, db_path, audit_key_file));
  PASSEND_ASSIGN_OR_RETURN(a::Principal who, Operator(*m, op));
  PASSEND_ASSIGN_OR_RETURN(int version, m->intake().CurrentVersion(client_id));
  PASSEND_ASSIGN_OR_RETURN(intake::ClientVersion v, m->intake().GetVersion(client_id, version));
  if (d::IsErased(v.record))
    return FailedPrecondition("Deze cliënt is gewist: er is geen dossier om te exporteren.");
  auto logged =
      m->access().audit.Record(a::EventFor(who, client_id, "dossier", "export", op.reason));
  if (!logged.ok()) return logged.error();
  const std::string text =
      interop::fhir::DossierBundle(v, refdata::BuiltInLeidraad(), m->ref()).dump(2) + "\n";
  if (out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Ok();
  }
  std::ofstream file(out, std::ios::binary);
  file << text;
  file.close();
  if (!file) return Unavailable("Kan " + out + " niet schrijven.");
  return Ok();
}

void RegisterClientCommands(CLI::App& client, Invocation& inv) {
  auto o = std::make_shared<ClientOptions>();
  auto common = [o](CLI::App* cmd) {
    cmd->add_option("--db", o->db_path, kDbHelp)->capture_default_str();
    cmd->add_option("--audit-key", o->audit_key_file,
                    "Sleutelbestand van het toegangslog (buiten de database; docs/access.md)");
    AddOperatorOptions(cmd, o->op);
  };
  auto run = [o, &inv](Status (*fn)(const OpenModules&, const ClientOptions&)) {
    return [o, &inv, fn] { inv.run = [o, &inv, fn] { return fn(inv.open_existing, *o); }; };
  };

  CLI::App* list = client.add_subcommand("list", "Zoek cliënten op naam, geboortejaar, gemeente");
  common(list);
  list->add_option("--name", o->name, "Een deel van de naam (hoofdletters tellen niet)");
  list->add_option("--birth-year", o->birth_year, "Geboortejaar");
  list->add_option("--municipality", o->municipalities, "CBS-gemeentecode (GM0935); herhaalbaar");
  list->add_option("--limit", o->limit, "Hoeveel cliënten hooguit (1 tot en met 500)")
      ->capture_default_str();
  list->callback(run(List));

  CLI::App* show = client.add_subcommand("show", "Het dossier van één cliënt");
  common(show);
  show->add_option("--client", o->client_id, "Id van de cliënt")->required();
  show->add_option("--version", o->version, "Een eerdere versie; zonder: de huidige");
  show->add_flag("--json", o->json, "Als JSON (het eigen formaat, docs/native-format.md)");
  show->callback(run(Show));

  CLI::App* history =
      client.add_subcommand("history", "Alle versies van het dossier: wie, wanneer, waarom, wat");
  common(history);
  history->add_option("--client", o->client_id, "Id van de cliënt")->required();
  history->callback(run(History));

  CLI::App* imp = client.add_subcommand(
      "import", "Een dossier uit een FHIR R4 Bundle: een nieuwe versie, of een nieuwe cliënt");
  common(imp);
  imp->add_option("file", o->file, "Het bestand (FHIR R4 Bundle, JSON)")->required();
  imp->add_option("--format", o->format, "Het formaat: fhir (FHIR R4, JSON)")
      ->capture_default_str();
  imp->callback(run(Import));
}

}  // namespace passend::cli
