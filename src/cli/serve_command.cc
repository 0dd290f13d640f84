// passend serve: runs the HTTP API on the database until SIGINT or SIGTERM, then stops
// gracefully (in-flight requests finish).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "api/access_guard.h"
#include "api/access_routes.h"
#include "api/routes.h"
#include "api/server.h"
#include "api/static_site.h"
#include "cli/command.h"
#include "match/match_service.h"
#include "match/store_change_feed.h"
#include "monitor/monitor_service.h"
#include "refdata/refdata.h"

namespace passend::cli {
namespace {

struct ServeOptions {
  std::string db_path = "passend.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  int threads = 64;
  int work_slots = 0;
  std::string web_dir;  // empty: found next to the binary (api::StaticSite::Locate)
  bool secure_cookies = false;
  std::string audit_key_file;
  std::vector<std::string> trusted_proxies;
  int outdated_places_days = 30;    // free places and waits
  int outdated_details_days = 365;  // the rest of an offer
};

// Blocks SIGINT and SIGTERM in this thread and every thread started after it, and waits
// for them on a thread of its own, which calls `on_signal` once. Signal handlers may not
// call into the server; a waiting thread may.
class SignalWaiter {
 public:
  explicit SignalWaiter(std::function<void(int)> on_signal) {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
    thread_ = std::thread([this, on_signal = std::move(on_signal)] {
      timespec tick{0, 200 * 1000 * 1000};
      while (!done_) {
        int sig = sigtimedwait(&set_, nullptr, &tick);
        if (sig > 0) {
          on_signal(sig);
          return;
        }
      }
    });
  }
  ~SignalWaiter() {
    done_ = true;
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

// The match index's builds and refreshes as JSON log lines.
match::MatchServiceOptions MatchLogging() {
  match::MatchServiceOptions o;
  o.on_refresh = [first = true](const match::RefreshReport& r) mutable {
    nlohmann::json line = {{"ts", api::UtcTimestamp()},
                           {"level", "info"},
                           {"event", first ? "match_index_built" : "match_index_refreshed"},
                           {"offers", r.offers},
                           {"ms", static_cast<double>(static_cast<int64_t>(r.ms * 10)) / 10}};
    if (!first) {
      line["kind"] = match::ToString(r.kind);
      line["from_seq"] = r.from_seq;
      line["to_seq"] = r.to_seq;
      line["changes"] = r.changes;
      line["mismatch_maps_dropped"] = r.regions_dropped;
    }
    first = false;
    api::LogToStderr(line);
  };
  o.on_refresh_error = [](const Error& e) {
    api::LogToStderr({{"ts", api::UtcTimestamp()},
                      {"level", "error"},
                      {"event", "match_index_refresh_failed"},
                      {"error", e.ToString()}});
  };
  return o;
}

Status Serve(const OpenModules& open, const ServeOptions& opts) {
  if (opts.port < 0 || opts.port > 65535) {
    return InvalidArgument("--port moet tussen 0 en 65535 liggen.", "port");
  }
  if (opts.threads < 1 || opts.threads > 1024) {
    return InvalidArgument("--threads moet tussen 1 en 1024 liggen.", "threads");
  }
  if (opts.work_slots < 0 || opts.work_slots > 1024) {
    return InvalidArgument("--work-slots moet tussen 0 en 1024 liggen.", "work-slots");
  }
  if (opts.outdated_places_days < 1 || opts.outdated_places_days > 3650)
    return InvalidArgument("--outdated-places-days moet tussen 1 en 3650 liggen.",
                           "outdated-places-days");
  if (opts.outdated_details_days < 1 || opts.outdated_details_days > 3650)
    return InvalidArgument("--outdated-details-days moet tussen 1 en 3650 liggen.",
                           "outdated-details-days");
  ModuleOptions module_options;
  module_options.secure_cookies = opts.secure_cookies;
  module_options.outdated_places_days = opts.outdated_places_days;
  module_options.outdated_details_days = opts.outdated_details_days;
  if (!opts.audit_key_file.empty()) {
    PASSEND_ASSIGN_OR_RETURN(module_options.audit_key, ReadAuditKey(opts.audit_key_file));
  }
  PASSEND_ASSIGN_OR_RETURN(auto modules, open(opts.db_path, module_options));
  store::Database& db = modules->db();

  api::ServerOptions options;
  options.bind_address = opts.bind;
  options.port = opts.port;
  options.threads = opts.threads;
  options.work_slots = static_cast<size_t>(opts.work_slots);
  options.trusted_proxies = opts.trusted_proxies;
  // Every non-public route passes the access guard: session or API token, the permission
  // matrix, consent, and the NEN 7513 access log for personal data.
  access::AuditLog& audit = modules->access().audit;
  if (audit.keyed()) {
    // From here the chain ends keyed (an older unkeyed chain gets its first keyed entry).
    PASSEND_RETURN_IF_ERROR(audit.AdoptKey("systeem:passend-serve"));
  } else {
    // Refuses a keyed chain here rather than failing every personal-data request later.
    PASSEND_ASSIGN_OR_RETURN(auto last, db.audit().LastAudit());
    if (last && access::ComputeEntryHash(*last) != last->hash)
      return FailedPrecondition(
          "Het toegangslog is met een sleutel beveiligd: start met --audit-key BESTAND.");
    api::LogToStderr({{"ts", api::UtcTimestamp()},
                      {"level", "warning"},
                      {"event", "audit_log_unkeyed"},
                      {"detail",
                       "zonder --audit-key kan het toegangslog ongemerkt worden "
                       "herschreven (docs/access.md)"}});
  }
  api::AccessGuard guard(modules->access(), modules->intake(), modules->catalog());
  api::Router routes = api::AllRoutes({db, modules->catalog(), modules->intake(), modules->ref()});
  api::AddAccessRoutes(routes, modules->access(), modules->intake());
  api::AddRegistrationRoutes(routes, modules->access(), modules->intake(), modules->ref());
  // The matching index: built from the catalogue at start, then kept up to date from the
  // database's change feed (an import by another process, an erasure) by a watcher thread.
  auto feed = match::StoreChangeFeed(db);
  match::MatchServiceOptions match_options = MatchLogging();
  match_options.freshness = [&catalog = modules->catalog()] { return catalog.Cutoffs(); };
  PASSEND_ASSIGN_OR_RETURN(auto matching, match::MatchService::Open(db, modules->ref(), feed.get(),
                                                                    std::move(match_options)));
  api::AddMatchRoutes(routes, *matching);
  monitor::MonitorService monitor(db.map_history(), access::SystemNow);
  api::AddMonitorRoutes(routes, monitor);
  // The web app from the same origin: /, its routes and its files (api/static_site.h).
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  auto site = std::make_shared<api::StaticSite>(api::StaticSite::Locate(opts.web_dir, exe));
  api::LogToStderr({{"ts", api::UtcTimestamp()},
                    {"level", site->built() ? "info" : "warn"},
                    {"event", "web_dir"},
                    {"path", site->root().string()},
                    {"built", site->built()}});
  options.site = site;
  api::Server server(options, std::move(routes), &guard);
  PASSEND_RETURN_IF_ERROR(server.Bind());

  SignalWaiter signals([&server](int sig) {
    api::LogToStderr({{"ts", api::UtcTimestamp()},
                      {"level", "info"},
                      {"event", "shutdown_requested"},
                      {"signal", sig == SIGINT ? "SIGINT" : "SIGTERM"}});
    server.Stop();
  });
  // After the signal waiter, so the watcher thread starts with SIGINT/SIGTERM blocked.
  matching->StartWatching();
  return server.Run();
}

}  // namespace

void RegisterServeCommand(CLI::App& app, Invocation& inv) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Start de HTTP-API (stopt netjes op Ctrl-C/SIGTERM)");
  cmd->add_option("--db", opts->db_path, kDbHelp)->capture_default_str();
  cmd->add_option("--port", opts->port, "Poort (0: een vrije poort)")->capture_default_str();
  cmd->add_option("--bind", opts->bind,
                  "Adres om op te luisteren; 0.0.0.0 alleen achter een proxy of in een container")
      ->capture_default_str();
  cmd->add_option("--threads", opts->threads, "Aantal werkthreads")->capture_default_str();
  cmd->add_option("--work-slots", opts->work_slots,
                  "Verzoeken die tegelijk rekenen; de rest wacht op volgorde (0: één per kern)")
      ->capture_default_str();
  cmd->add_option("--web-dir", opts->web_dir,
                  "Map met de gebouwde webapp (standaard: naast het programma, web/dist)");
  cmd->add_option("--audit-key", opts->audit_key_file,
                  "Sleutelbestand van het toegangslog, buiten de database (passend audit keygen)");
  cmd->add_flag("--secure-cookies", opts->secure_cookies,
                "Zet de vlag Secure op het sessiekoekje (achter HTTPS; docs/operations.md)");
  cmd->add_option("--outdated-places-days", opts->outdated_places_days,
                  "Na zoveel dagen zonder nieuwe vrije plaatsen of wachttijd is een aanbod "
                  "mogelijk verouderd")
      ->capture_default_str();
  cmd->add_option("--outdated-details-days", opts->outdated_details_days,
                  "Na zoveel dagen zonder wijziging van de rest is een aanbod mogelijk verouderd")
      ->capture_default_str();
  cmd->add_option("--trusted-proxy", opts->trusted_proxies,
                  "Adres van een eigen reverse proxy: alleen van dit adres geldt X-Forwarded-For "
                  "(mag vaker)");
  cmd->callback([opts, &inv] { inv.run = [&inv, opts] { return Serve(inv.open, *opts); }; });
}

}  // namespace passend::cli
