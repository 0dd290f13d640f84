#pragma once
// catalog::CatalogStore on PostgreSQL (tables providers, locations, offers, offer_*).
// Thread-safety as PostgresDatabase.
#include "catalog/catalog_store.h"

namespace passend::store::postgres {

class PostgresDatabase;

class PostgresCatalogStore : public catalog::CatalogStore {
 public:
  explicit PostgresCatalogStore(PostgresDatabase& db) : db_(db) {}

  Result<domain::Provider> GetProvider(const std::string& id) override;
  Result<Page<domain::Provider>> ListProviders(const catalog::ProviderFilter& filter,
                                               const PageRequest& page) override;
  Result<domain::Location> GetLocation(const std::string& id) override;
  Result<Page<domain::Location>> ListLocations(const catalog::LocationFilter& filter,
                                               const PageRequest& page) override;
  Result<domain::Offer> GetOffer(const std::string& id) override;
  Result<Page<domain::Offer>> ListOffers(const catalog::OfferFilter& filter,
                                         const PageRequest& page) override;
  Status PutProvider(const domain::Provider& p) override;
  Status PutLocation(const domain::Location& l) override;
  Status PutOffer(const domain::Offer& o) override;
  Status AddOfferChanges(const std::vector<catalog::OfferChange>& changes) override;
  Result<std::vector<catalog::OfferChange>> OfferChanges(const std::string& offer_id) override;
  Status AddProviderChanges(const std::vector<catalog::ProviderChange>& changes) override;
  Result<std::vector<catalog::ProviderChange>> ProviderChanges(
      const std::string& provider_id) override;
  Result<std::vector<domain::Provider>> AllProviders() override;
  Result<std::vector<domain::Location>> AllLocations() override;
  Result<std::vector<domain::Offer>> AllOffers() override;

 private:
  PostgresDatabase& db_;
};

}  // namespace passend::store::postgres
