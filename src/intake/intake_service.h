#pragma once
// IntakeService: the intake module's use cases over clients, the one header api/ and cli/
// use for them.
//  - reads: one client, where a client lives (for the access check), a page of clients;
//  - the AVG right of access and portability (art. 15, 20): everything Passend holds about
//    one client, as records (interop/avg_json.h renders them as one JSON document);
//  - the AVG right to erasure (art. 17), in one transaction (what is erased and what is
//    kept: see EraseClient below).
//  - the dossier (vraagverheldering): creating and updating a client, where every change
//    keeps a new version with author, time and reason and nothing is overwritten; the
//    history and a readable diff between two versions (dossier_diff.h).
// Rules on a client's values stay in domain/validation.h (pure value rules); what a use
// case decides lives here.
// Authorisation is not this module's task: api/ admits a request through access/ before
// it calls a use case; the CLI acts as the operator. Safe for concurrent use as the stores.
#include <cstdint>
#include <string>
#include <vector>

#include "access/account.h"
#include "access/audit.h"
#include "access/principal.h"
#include "access/timestamp.h"
#include "domain/client.h"
#include "domain/error.h"
#include "domain/reference.h"
#include "intake/client_store.h"
#include "intake/dossier_diff.h"
#include "store/database.h"
#include "store/page.h"

namespace passend::intake {

inline constexpr int kClientExportVersion = 1;
inline constexpr std::string_view kErasedName = domain::kErasedClientName;

// Everything Passend holds about one client: the record (wishes, needs, places), the
// accounts bound to the client, every consent form and the whole access log about them
// (oldest first).
struct ClientExport {
  access::Time generated_at;
  domain::Client client;
  std::vector<access::User> accounts;  // password hashes are not rendered
  std::vector<access::ConsentForm> consents;
  std::vector<access::AuditEntry> access_log;
};

struct ErasureReport {
  std::string client_id;
  int accounts_blocked = 0;        // the client's own accounts
  int representative_links = 0;    // representatives no longer linked
  int consents_withdrawn = 0;      // still valid at erasure
  int consents_kept = 0;           // all forms, kept as evidence
  int64_t audit_entries_kept = 0;  // entries about the client, reasons redacted
  // The old versions of the erased rows are gone from the database's files too
  // (store::Database::DiscardOldVersions); false when readers held them back: they go at
  // the next checkpoint, and a second erasure attempt is refused, so say so.
  bool old_versions_discarded = false;
};

// The differences between two versions of one client's dossier.
struct DossierDiff {
  ClientVersionInfo from;
  ClientVersionInfo to;
  std::vector<FieldChange> changes;
};

// One report (verslag) of the dossier as it is now, for every organisation the same: the
// record, the version it shows, and who took part (each author once, in the order they
// first changed the dossier).
struct DossierReport {
  access::Time made_at;
  ClientVersion current;
  std::vector<ClientVersionInfo> participants;  // the first version each author made
};

// The registration form (aanmeldformulier) for one chosen offer: the same form for every
// provider, made only when the client gave the offer's provider valid consent for
// registration or care delivery, so it holds nothing that provider may not see.
struct RegistrationForm {
  access::Time made_at;
  domain::Offer offer;
  std::string provider_name;
  std::string consent_id;  // the form of consent that lets this provider see it
  ClientVersion current;
};

// The author and reason of a version made by a whole-file import, before the client had a
// dossier of its own (see CurrentVersion).
inline constexpr std::string_view kSystemAuthor = "system";

class IntakeService {
 public:
  // `db` holds the clients and the access layer's stores (accounts, consents, the access
  // log) the AVG use cases read and change, and runs the transactions. `ref`: the
  // vocabulary and municipalities a dossier is checked against (outlives the service).
  // `audit_key`: the access log's HMAC key (access/audit.h), as the access service's.
  IntakeService(store::Database& db, const domain::ReferenceData& ref, access::Clock clock,
                std::string audit_key = {});

  // --- the dossier ---
  // Creates a client from `c` (its id must be empty: a new opaque id is given) as version
  // 1, with `by` as author. When `by` is a client supporter or neighbourhood-team member,
  // the client's consent for client support by `by`'s organisation, given in the intake
  // conversation, is recorded with it (granted_by: `by`), so the organisation that wrote
  // the dossier can read it; the client can withdraw it like any other. When `by` is a
  // client or representative, the new client is linked to `by`'s account (its own client;
  // no consent form: nobody else sees it until the client gives consent); a client
  // account already bound to a client gets kConflict (field "account"). The creation is
  // written to the access log (resource "client", action "create"). One transaction.
  // Errors: kInvalidArgument with the field at fault (domain/validation.h; an id given:
  // "id"; an unknown current care provider: "care_provider_id"; a reason over 500
  // characters: "reason"); kPermissionDenied (field "needs") when `by` may not record
  // needs (needs come from the indication or a professional's assessment).
  Result<ClientVersion> CreateClient(const access::Principal& by, domain::Client c,
                                     const std::string& reason);
  // Self-service without an account: saves what a person told the anonymous search as
  // their dossier, with their new account, all in one transaction: `account` (role client
  // or representative; made by access's UserDirectory::Prepare: checked, its password
  // hashed, not written, no clients yet) is written and linked to the client `c` (id
  // empty), version 1 by that account, and the creation is logged. Errors: as
  // CreateClient for the client (needs are a professional's: kPermissionDenied, field
  // "needs"); kAlreadyExists (field "email") when the address has an account;
  // kInvalidArgument (field "role") for another role. On any error nothing is written.
  Result<ClientVersion> Register(access::User account, domain::Client c);
  // Replaces the dossier of `c.id` with `c`, as a new version on top of
  // `expected_version`. A client read in before it had a dossier is at version 1 (the
  // record as imported; kept as version 1, author "system", on the first change). When a
  // whole-file import replaced the record after the last version, what it wrote is kept
  // as a version of its own (author "system") before the change.
  // Nothing changed: the current version is returned and no version is added.
  // Errors: as CreateClient; kNotFound for an unknown client; kFailedPrecondition for an
  // erased one; kConflict (field "version") when the dossier moved past
  // `expected_version`; kInvalidArgument (field "reason") without a reason of 1 to 500
  // characters.
  Result<ClientVersion> UpdateClient(const access::Principal& by, const domain::Client& c,
                                     int expected_version, const std::string& reason);
  // The version the dossier is at now (kNotFound for an unknown client).
  Result<int> CurrentVersion(const std::string& client_id);
  // Every version's head, oldest first (one, by "system", for a client not changed since
  // it was read in).
  Result<std::vector<ClientVersionInfo>> History(const std::string& client_id);
  // One version's whole record. kNotFound (field "version") when there is no such version.
  Result<ClientVersion> GetVersion(const std::string& client_id, int version);
  // What changed from version `from` to version `to` (either order).
  Result<DossierDiff> Diff(const std::string& client_id, int from, int to);
  // The report of the current dossier. kNotFound for an unknown client;
  // kFailedPrecondition for an erased one.
  Result<DossierReport> Report(const std::string& client_id);
  // The registration form for `offer_id`. kNotFound (field "offer") for an unknown offer;
  // kFailedPrecondition (field "offer") when the client has not given that offer's provider
  // valid consent for registration or care delivery; as Report otherwise.
  Result<RegistrationForm> MakeRegistrationForm(const std::string& client_id,
                                                const std::string& offer_id);

  Result<domain::Client> GetClient(const std::string& id);
  // The client's municipality code, without loading the dossier (the access check).
  Result<std::string> MunicipalityOf(const std::string& id);
  Result<store::Page<domain::Client>> ListClients(const ClientFilter& filter,
                                                  const store::PageRequest& page);
  Result<int64_t> CountClients(const ClientFilter& filter);

  // kNotFound when the client does not exist.
  Result<ClientExport> ExportClient(const std::string& client_id);

  // Erased:
  //  - the client record: name, birth year, address, municipality, care profile and
  //    indication, care status and care provider, wishes, needs, places and representative
  //    are removed; only the opaque id stays, on a record named "[gewist]", so references elsewhere
  //    (journeys, matches, the access log) do not dangle and nobody can re-register the id;
  //  - the client's own login account: name and e-mail replaced, password removed, blocked,
  //    its sessions ended and the login attempts kept under its e-mail address forgotten;
  //  - the old versions of all of this in the database's files (freed pages, the WAL):
  //    after the commit, store::Database::DiscardOldVersions;
  //  - the free text of the access log's reasons about this client (a stated emergency
  //    reason may describe the client); the digest of each reason stays in the hash chain,
  //    so `passend audit verify` still passes, and the entries show "gewist".
  // Kept, because the law requires it or because it holds no personal text:
  //  - every access log entry (NEN 7513 requires the log of access to health data to be
  //    kept), with the client id kept and the entry marked redacted;
  //  - consent forms: the evidence of the lawful basis of each access in the log; forms
  //    still valid are withdrawn by the erasure;
  //  - representatives' own accounts (their data, not the client's): only their link to
  //    this client is removed.
  //  - the moments of the regional mismatch map (monitor/map_history_store.h): counts of
  //    5 clients or more only, nothing that points at one person.
  // The erasure itself is appended to the log (resource "client", action "erase", by
  // `by`). Errors: kInvalidArgument (field "reason") without a reason of 5 to 500
  // characters; kNotFound for an unknown client; kFailedPrecondition when erased before.
  Result<ErasureReport> EraseClient(const access::Principal& by, const std::string& client_id,
                                    const std::string& reason);

 private:
  // The checks both CreateClient and UpdateClient make beyond the value rules.
  Status CheckDossier(const access::Principal& by, const domain::Client& c,
                      const domain::Client* before);
  // Writes a new client's record, version 1, the link or consent that lets its author
  // read it, and the access-log entry; inside the caller's transaction.
  Status WriteNewDossier(const access::Principal& by, const ClientVersion& made);
  ClientVersionInfo VersionBy(const access::Principal& by, const std::string& client_id,
                              int version, const std::string& reason);

  store::Database& db_;
  const domain::ReferenceData& ref_;
  access::Clock clock_;
  access::AuditLog log_;
};

}  // namespace passend::intake
