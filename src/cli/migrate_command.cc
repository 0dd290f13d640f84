// passend migrate-db: moves a whole installation to another database (an SQLite file to
// PostgreSQL, or back), checked per table by row count and checksum on both sides, and
// refuses a target that holds data (store/copy_database.h).
#include <cstdio>

#include "cli/command.h"
#include "domain/dutch_number.h"
#include "store/copy_database.h"

namespace passend::cli {
namespace {

struct MigrateArgs {
  std::string from;
  std::string to;
};

Status RunMigrate(const MigrateArgs& a) {
  if (a.from == a.to) return InvalidArgument("Bron en doel zijn dezelfde database", "to");
  PASSEND_ASSIGN_OR_RETURN(store::DatabaseWithTables from,
                           store::OpenExistingDatabaseWithTables(a.from));
  PASSEND_ASSIGN_OR_RETURN(store::DatabaseWithTables to, store::OpenDatabaseWithTables(a.to));
  PASSEND_ASSIGN_OR_RETURN(std::vector<store::TableCopy> copied,
                           store::CopyDatabase(from, to, [](std::string_view table, int64_t rows) {
                             std::fprintf(stderr, "migrate-db: %.*s: %s\n",
                                          static_cast<int>(table.size()), table.data(),
                                          domain::CountNl(rows, "rij", "rijen").c_str());
                           }));
  int64_t rows = 0;
  std::printf("%-24s %10s  %-32s\n", "tabel", "rijen", "controlegetal (bron = doel)");
  for (const auto& t : copied) {
    std::printf("%-24s %10s  %s\n", t.source.table.c_str(),
                domain::IntegerNl(t.source.rows).c_str(), t.source.checksum.c_str());
    rows += t.source.rows;
  }
  std::fprintf(stderr, "migrate-db: %s, %s van %s naar %s; aantallen en controlegetallen gelijk\n",
               domain::CountNl(static_cast<int64_t>(copied.size()), "tabel", "tabellen").c_str(),
               domain::CountNl(rows, "rij", "rijen").c_str(),
               store::DatabaseDisplayName(a.from).c_str(),
               store::DatabaseDisplayName(a.to).c_str());
  return Ok();
}

}  // namespace

void RegisterMigrateCommand(CLI::App& app, Invocation& inv) {
  auto* cmd = app.add_subcommand(
      "migrate-db", "Verhuis een hele installatie naar een andere (lege) database, gecontroleerd");
  auto a = std::make_shared<MigrateArgs>();
  cmd->add_option("--from", a->from, "Bron: SQLite-bestand of postgresql://-URI")->required();
  cmd->add_option("--to", a->to, "Doel, leeg: postgresql://-URI of SQLite-bestand")->required();
  cmd->callback([&inv, a] { inv.run = [a] { return RunMigrate(*a); }; });
}

}  // namespace passend::cli
