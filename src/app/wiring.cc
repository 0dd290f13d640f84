#include "app/wiring.h"

#include "refdata/refdata.h"

namespace passend::app {
namespace {

access::AccessOptions AccessOptionsOf(const cli::ModuleOptions& m) {
  access::AccessOptions a;
  a.secure_cookies = m.secure_cookies;
  a.audit_key = m.audit_key;
  return a;
}

class Wired : public cli::Modules {
 public:
  Wired(std::unique_ptr<store::Database> db, const domain::ReferenceData& ref, access::Clock clock,
        const cli::ModuleOptions& options)
      : db_(std::move(db)),
        ref_(ref),
        clock_(clock),
        catalog_(*db_, ref_,
                 catalog::CatalogOptions{
                     clock_, {options.outdated_places_days, options.outdated_details_days}}),
        intake_(*db_, ref_, clock_, options.audit_key),
        access_(access::AccessStores{db_->accounts(), db_->consents(), db_->audit()}, ref_, clock_,
                AccessOptionsOf(options)) {}

  store::Database& db() override { return *db_; }
  const domain::ReferenceData& ref() override { return ref_; }
  access::Clock clock() override { return clock_; }
  catalog::CatalogService& catalog() override { return catalog_; }
  intake::IntakeService& intake() override { return intake_; }
  access::AccessService& access() override { return access_; }

 private:
  std::unique_ptr<store::Database> db_;
  const domain::ReferenceData& ref_;
  access::Clock clock_;
  catalog::CatalogService catalog_;
  intake::IntakeService intake_;
  access::AccessService access_;
};

}  // namespace

static Result<std::unique_ptr<cli::Modules>> Wire(Result<std::unique_ptr<store::Database>> opened,
                                                  const cli::ModuleOptions& options) {
  if (!opened.ok()) return opened.error();
  return std::unique_ptr<cli::Modules>(
      std::make_unique<Wired>(std::move(*opened), refdata::BuiltIn(), access::SystemNow, options));
}

Result<std::unique_ptr<cli::Modules>> OpenModules(const std::string& db,
                                                  const cli::ModuleOptions& options) {
  return Wire(store::OpenDatabase(db), options);
}

Result<std::unique_ptr<cli::Modules>> OpenExistingModules(const std::string& db,
                                                          const cli::ModuleOptions& options) {
  return Wire(store::OpenExistingDatabase(db), options);
}

}  // namespace passend::app
