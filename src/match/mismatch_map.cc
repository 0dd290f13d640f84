#include "match/mismatch_map.h"

#include <set>
#include <thread>
#include <vector>

#include "match/mismatch.h"
#include "match/query.h"
#include "match/topk.h"

namespace passend::match {
namespace {

void MergeArea(MismatchArea& into, const MismatchArea& from) {
  if (into.code.empty()) into.code = from.code, into.name = from.name;
  into.clients += from.clients;
  into.clients_with_mismatch += from.clients_with_mismatch;
  for (const auto& [k, v] : from.per_wish) into.per_wish[k] += v;
}

}  // namespace

void MismatchMap::Merge(const MismatchMap& o) {
  clients += o.clients;
  clients_with_mismatch += o.clients_with_mismatch;
  clients_without_offer += o.clients_without_offer;
  clients_invalid += o.clients_invalid;
  if (first_error.empty()) first_error = o.first_error;
  for (const auto& [k, v] : o.per_wish) per_wish[k] += v;
  for (const auto& [k, v] : o.labels) labels.emplace(k, v);
  for (const auto& [k, a] : o.municipalities) MergeArea(municipalities[k], a);
  for (const auto& [k, a] : o.regions) MergeArea(regions[k], a);
  for (const auto& [k, v] : o.free_texts) free_texts[k] += v;
}

void MismatchMapBuilder::AddOne(const domain::Client& c, MismatchMap& into) const {
  auto q = MakeQuery(index_, c);
  if (!q.ok()) {
    ++into.clients_invalid;
    if (into.first_error.empty()) into.first_error = c.id + ": " + q.error().ToString();
    return;
  }
  const auto top = TopOffers(*q, 1);
  const ClientMismatch m =
      FindMismatch(*q, top.empty() ? std::nullopt : std::optional(top[0].offer), false);
  const domain::Municipality* muni = index_.ref().FindMunicipality(c.municipality_code);
  MismatchArea& ma = into.municipalities[muni->code];
  MismatchArea& ra = into.regions[muni->zorgkantoor_code];
  if (ma.code.empty()) ma.code = muni->code, ma.name = muni->name;
  if (ra.code.empty()) ra.code = muni->zorgkantoor_code, ra.name = muni->zorgkantoor_name;
  ++into.clients, ++ma.clients, ++ra.clients;
  if (top.empty()) ++into.clients_without_offer;
  std::set<std::string> keys;
  for (const MismatchItem& item : m.items) {
    if (keys.insert(item.key).second) into.labels.emplace(item.key, item.label);
  }
  for (const std::string& k : keys) ++into.per_wish[k], ++ma.per_wish[k], ++ra.per_wish[k];
  std::set<std::string> texts;
  for (uint32_t w : m.free_text_wishes) texts.insert(c.wishes[w].text);
  for (const std::string& t : texts) ++into.free_texts[t];
  if (!keys.empty() || !texts.empty())
    ++into.clients_with_mismatch, ++ma.clients_with_mismatch, ++ra.clients_with_mismatch;
}

void MismatchMapBuilder::Add(std::span<const domain::Client> clients) {
  const size_t n = clients.size();
  const size_t parts = std::min<size_t>(static_cast<size_t>(threads_), std::max<size_t>(1, n));
  std::vector<MismatchMap> partial(parts);
  auto work = [&](size_t p) {
    for (size_t i = n * p / parts; i < n * (p + 1) / parts; ++i) AddOne(clients[i], partial[p]);
  };
  std::vector<std::thread> workers;
  for (size_t p = 1; p < parts; ++p) workers.emplace_back(work, p);
  work(0);
  for (auto& t : workers) t.join();
  for (const auto& m : partial) map_.Merge(m);
}

}  // namespace passend::match
