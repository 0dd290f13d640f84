#pragma once
// A small in-memory store::Database for the API tests: ordered maps, keyset paging, the
// filters of catalog_store.h and client_store.h. Test-only; guarded by one mutex, so safe
// for the concurrent-request tests. (store/memory, when it exists, replaces this.)
#include <atomic>
#include <map>
#include <mutex>

#include "access/fake_access_store.h"
#include "store/database.h"

namespace passend::api::testing {

template <typename T, typename Keep>
store::Page<T> PageOf(const std::map<std::string, T>& all, const store::PageRequest& page,
                      Keep keep) {
  store::Page<T> out;
  for (auto it = all.upper_bound(page.after); it != all.end(); ++it) {
    if (!keep(it->second)) continue;
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next_after = out.items.back().id;
      break;
    }
    out.items.push_back(it->second);
  }
  return out;
}

template <typename T>
bool Has(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

class MemoryDatabase : public store::Database, catalog::CatalogStore, intake::ClientStore {
 public:
  std::atomic<bool> broken{false};  // SchemaVersion fails while set

  catalog::CatalogStore& catalog() override { return *this; }
  intake::ClientStore& clients() override { return *this; }
  access::AccountStore& accounts() override { return access_; }
  access::ConsentStore& consents() override { return access_; }
  access::AuditStore& audit() override { return access_; }
  Status InTransaction(const std::function<Status()>& fn) override { return fn(); }
  Result<int> SchemaVersion() override {
    if (broken) return Unavailable("database weg");
    return 1;
  }

  Result<domain::Provider> GetProvider(const std::string& id) override {
    return Get(providers_, id, "Aanbieder");
  }
  Result<store::Page<domain::Provider>> ListProviders(const catalog::ProviderFilter&,
                                                      const store::PageRequest& page) override {
    std::lock_guard lock(mu_);
    return PageOf(providers_, page, [](const auto&) { return true; });
  }
  Result<domain::Location> GetLocation(const std::string& id) override {
    return Get(locations_, id, "Locatie");
  }
  Result<store::Page<domain::Location>> ListLocations(const catalog::LocationFilter& f,
                                                      const store::PageRequest& page) override {
    std::lock_guard lock(mu_);
    return PageOf(locations_, page, [&](const domain::Location& l) {
      return (!f.provider_id || l.provider_id == *f.provider_id) &&
             (f.municipality_codes.empty() || Has(f.municipality_codes, l.municipality_code));
    });
  }
  Result<domain::Offer> GetOffer(const std::string& id) override {
    return Get(offers_, id, "Aanbod");
  }
  Result<store::Page<domain::Offer>> ListOffers(const catalog::OfferFilter& f,
                                                const store::PageRequest& page) override {
    std::lock_guard lock(mu_);
    return PageOf(offers_, page, [&](const domain::Offer& o) {
      auto loc = locations_.find(o.location_id);
      std::string municipality = loc == locations_.end() ? "" : loc->second.municipality_code;
      return (!f.provider_id || o.provider_id == *f.provider_id) &&
             (!f.kind || o.kind == *f.kind) &&
             (!f.profile || o.profiles.empty() || Has(o.profiles, *f.profile)) &&
             (!f.contracted_region || Has(o.contracted_regions, *f.contracted_region)) &&
             (f.municipality_codes.empty() || Has(f.municipality_codes, municipality));
    });
  }
  Status PutProvider(const domain::Provider& p) override { return Put(providers_, p); }
  Status PutLocation(const domain::Location& l) override { return Put(locations_, l); }
  Status PutOffer(const domain::Offer& o) override { return Put(offers_, o); }
  Result<std::vector<domain::Provider>> AllProviders() override { return All(providers_); }
  Result<std::vector<domain::Location>> AllLocations() override { return All(locations_); }
  Result<std::vector<domain::Offer>> AllOffers() override { return All(offers_); }

  Result<domain::Client> GetClient(const std::string& id) override {
    return Get(clients_, id, "Cliënt");
  }
  Result<std::string> MunicipalityOf(const std::string& id) override {
    PASSEND_ASSIGN_OR_RETURN(domain::Client c, GetClient(id));
    return c.municipality_code;
  }
  Result<store::Page<domain::Client>> ListClients(const intake::ClientFilter& f,
                                                  const store::PageRequest& page) override {
    std::lock_guard lock(mu_);
    return PageOf(clients_, page, [&](const domain::Client& c) {
      return f.municipality_codes.empty() || Has(f.municipality_codes, c.municipality_code);
    });
  }
  Status PutClient(const domain::Client& c) override { return Put(clients_, c); }
  Status ForEachClient(const intake::ClientFilter&,
                       const std::function<Status(const domain::Client&)>& fn) override {
    for (const auto& c : *All(clients_)) PASSEND_RETURN_IF_ERROR(fn(c));
    return Ok();
  }
  Result<int64_t> CountClients(const intake::ClientFilter&) override {
    std::lock_guard lock(mu_);
    return static_cast<int64_t>(clients_.size());
  }

 private:
  template <typename T>
  Result<T> Get(const std::map<std::string, T>& m, const std::string& id, const char* what) {
    std::lock_guard lock(mu_);
    auto it = m.find(id);
    if (it == m.end()) return NotFound(std::string(what) + " " + id + " bestaat niet.", "id");
    return it->second;
  }
  template <typename T>
  Status Put(std::map<std::string, T>& m, const T& x) {
    std::lock_guard lock(mu_);
    m[x.id] = x;
    return Ok();
  }
  template <typename T>
  Result<std::vector<T>> All(const std::map<std::string, T>& m) {
    std::lock_guard lock(mu_);
    std::vector<T> out;
    for (const auto& [id, x] : m) out.push_back(x);
    return out;
  }

  std::mutex mu_;
  access::FakeAccessStore access_;
  std::map<std::string, domain::Provider> providers_;
  std::map<std::string, domain::Location> locations_;
  std::map<std::string, domain::Offer> offers_;
  std::map<std::string, domain::Client> clients_;
};

}  // namespace passend::api::testing
