#pragma once
// FakeAccessStore: the three access stores in memory, for this module's unit tests.
// Same contract as the real backends (access_store.h). Thread-safe (one mutex).
#include <algorithm>
#include <map>
#include <mutex>

#include "access/access_store.h"

namespace passend::access {

class FakeAccessStore : public AccountStore, public ConsentStore, public AuditStore {
 public:
  Status PutOrganisation(const Organisation& o) override {
    std::lock_guard l(mu_);
    orgs_[o.id] = o;
    return Ok();
  }
  Result<Organisation> GetOrganisation(const std::string& id) override {
    std::lock_guard l(mu_);
    return Find(orgs_, id);
  }
  Result<std::vector<Organisation>> ListOrganisations() override {
    std::lock_guard l(mu_);
    std::vector<Organisation> out;
    for (const auto& [id, o] : orgs_) out.push_back(o);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
  }
  Status PutUser(const User& u) override {
    std::lock_guard l(mu_);
    for (const auto& [id, other] : users_)
      if (id != u.id && other.email == u.email) return AlreadyExists("e-mail bestaat", "email");
    users_[u.id] = u;
    return Ok();
  }
  Result<User> GetUser(const std::string& id) override {
    std::lock_guard l(mu_);
    return Find(users_, id);
  }
  Result<User> FindUserByEmail(const std::string& email) override {
    std::lock_guard l(mu_);
    for (const auto& [id, u] : users_)
      if (u.email == email) return u;
    return NotFound("geen gebruiker");
  }
  Result<store::Page<User>> ListUsers(const store::PageRequest& page) override {
    std::lock_guard l(mu_);
    store::Page<User> out;
    for (auto it = users_.upper_bound(page.after); it != users_.end(); ++it) {
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next_after = out.items.back().id;
        break;
      }
      out.items.push_back(it->second);
    }
    return out;
  }
  Result<std::vector<User>> UsersForClient(const std::string& client_id) override {
    std::lock_guard l(mu_);
    std::vector<User> out;
    for (const auto& [id, u] : users_)
      if (std::count(u.client_ids.begin(), u.client_ids.end(), client_id)) out.push_back(u);
    return out;
  }
  Status PutSession(const Session& s) override {
    std::lock_guard l(mu_);
    sessions_[s.id] = s;
    return Ok();
  }
  Result<Session> FindSession(const std::string& secret_hash) override {
    std::lock_guard l(mu_);
    for (const auto& [id, s] : sessions_)
      if (s.secret_hash == secret_hash) return s;
    return NotFound("geen sessie");
  }
  Status DeleteSession(const std::string& id) override {
    std::lock_guard l(mu_);
    sessions_.erase(id);
    return Ok();
  }
  Status PutApiToken(const ApiToken& t) override {
    std::lock_guard l(mu_);
    tokens_[t.id] = t;
    return Ok();
  }
  Result<ApiToken> FindApiToken(const std::string& secret_hash) override {
    std::lock_guard l(mu_);
    for (const auto& [id, t] : tokens_)
      if (t.secret_hash == secret_hash) return t;
    return NotFound("geen sleutel");
  }
  Result<std::vector<ApiToken>> ListApiTokens() override {
    std::lock_guard l(mu_);
    std::vector<ApiToken> out;
    for (const auto& [id, t] : tokens_) out.push_back(t);
    return out;
  }
  Status RecordLoginAttempt(const std::string& key, Time at, bool success) override {
    std::lock_guard l(mu_);
    attempts_.push_back({key, at, success});
    return Ok();
  }
  Result<int> CountRecentFailures(const std::string& key, Time since) override {
    std::lock_guard l(mu_);
    int n = 0;
    for (const auto& a : attempts_) {
      if (a.key != key || a.at < since) continue;
      n = a.success ? 0 : n + 1;
    }
    return n;
  }
  Status PutConsent(const ConsentForm& c) override {
    std::lock_guard l(mu_);
    consents_[c.id] = c;
    return Ok();
  }
  Result<ConsentForm> GetConsent(const std::string& id) override {
    std::lock_guard l(mu_);
    return Find(consents_, id);
  }
  Result<std::vector<ConsentForm>> ConsentsForClient(const std::string& client_id) override {
    std::lock_guard l(mu_);
    std::vector<ConsentForm> out;
    for (const auto& [id, c] : consents_)
      if (c.client_id == client_id) out.push_back(c);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.granted_at < b.granted_at; });
    return out;
  }
  Result<std::vector<ConsentForm>> ConsentsForOrganisation(const std::string& org) override {
    std::lock_guard l(mu_);
    std::vector<ConsentForm> out;
    for (const auto& [id, c] : consents_)
      if (c.Names(org)) out.push_back(c);
    return out;
  }
  Result<AuditEntry> AppendAudit(const ChainedEntry& make) override {
    std::lock_guard l(mu_);
    AuditEntry e = make(audit_.empty() ? std::nullopt : std::optional<AuditEntry>(audit_.back()));
    if (!audit_.empty() && audit_.back().seq >= e.seq) return AlreadyExists("seq bezet");
    audit_.push_back(e);
    return e;
  }
  Result<std::optional<AuditEntry>> LastAudit() override {
    std::lock_guard l(mu_);
    if (audit_.empty()) return std::optional<AuditEntry>();
    return std::optional<AuditEntry>(audit_.back());
  }
  Result<std::vector<AuditEntry>> AuditForClient(const std::string& client_id, int64_t before_seq,
                                                 int limit) override {
    std::lock_guard l(mu_);
    std::vector<AuditEntry> out;
    for (auto it = audit_.rbegin(); it != audit_.rend() && static_cast<int>(out.size()) < limit;
         ++it)
      if (it->client_id == client_id && (before_seq == 0 || it->seq < before_seq))
        out.push_back(*it);
    return out;
  }
  Status ForEachAudit(const std::function<Status(const AuditEntry&)>& fn) override {
    std::vector<AuditEntry> copy;
    {
      std::lock_guard l(mu_);
      copy = audit_;
    }
    for (const auto& e : copy) PASSEND_RETURN_IF_ERROR(fn(e));
    return Ok();
  }
  Status RedactReasons(const std::string& client_id) override {
    std::lock_guard l(mu_);
    for (auto& e : audit_)
      if (e.client_id == client_id) {
        e.reason.clear();
        e.redacted = true;
      }
    return Ok();
  }

  // For tests that tamper with the log.
  std::vector<AuditEntry>& audit_rows() { return audit_; }

 private:
  template <typename M>
  static Result<typename M::mapped_type> Find(const M& m, const std::string& id) {
    auto it = m.find(id);
    if (it == m.end()) return NotFound(id + " bestaat niet");
    return it->second;
  }
  struct Attempt {
    std::string key;
    Time at;
    bool success;
  };
  std::mutex mu_;
  std::map<std::string, Organisation> orgs_;
  std::map<std::string, User> users_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, ApiToken> tokens_;
  std::vector<Attempt> attempts_;
  std::map<std::string, ConsentForm> consents_;
  std::vector<AuditEntry> audit_;
};

}  // namespace passend::access
