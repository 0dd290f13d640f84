#include "match/region_map_cache.h"

#include <algorithm>
#include <functional>

namespace passend::match {
namespace {
constexpr size_t kClientDropsKept = 1 << 16;
}  // namespace

uint64_t RegionMapCache::Hash(const std::string& id) { return std::hash<std::string>{}(id); }

std::shared_ptr<const RegionMismatch> RegionMapCache::Find(const std::string& region,
                                                           uint64_t generation) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(region);
  if (it == entries_.end() || it->second.generation != generation) return nullptr;
  return it->second.map;
}

RegionMapCache::Ticket RegionMapCache::Take(const std::string& region) {
  std::lock_guard lock(mu_);
  return {all_drops_, region_drops_[region], client_drop_count_};
}

void RegionMapCache::Put(const std::string& region, Ticket ticket, uint64_t generation,
                         std::shared_ptr<const RegionMismatch> map,
                         const std::vector<std::string>& client_ids) {
  Entry e;
  e.generation = generation;
  e.map = std::move(map);
  e.clients.reserve(client_ids.size());
  for (const std::string& id : client_ids) e.clients.push_back(Hash(id));
  std::sort(e.clients.begin(), e.clients.end());
  std::lock_guard lock(mu_);
  if (ticket.all != all_drops_ || ticket.region != region_drops_[region]) return;
  if (ticket.clients != client_drop_count_) {
    // Older drops than the log holds: the map cannot be shown to be current.
    if (client_drops_.empty() || client_drops_.front().first > ticket.clients + 1) return;
    for (const auto& [n, h] : client_drops_)
      if (n > ticket.clients && std::binary_search(e.clients.begin(), e.clients.end(), h)) return;
  }
  entries_[region] = std::move(e);
}

size_t RegionMapCache::DropClients(const std::vector<std::string>& client_ids,
                                   const std::set<std::string>& regions) {
  std::vector<uint64_t> hashes;
  for (const std::string& id : client_ids) hashes.push_back(Hash(id));
  std::lock_guard lock(mu_);
  // A computation running now may have read a client before the change: it must not
  // keep its map, whether or not one is cached yet.
  for (const std::string& r : regions) ++region_drops_[r];
  for (uint64_t h : hashes) client_drops_.emplace_back(++client_drop_count_, h);
  while (client_drops_.size() > kClientDropsKept) client_drops_.pop_front();
  size_t dropped = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    const auto& counted = it->second.clients;
    const bool stale =
        regions.contains(it->first) || std::any_of(hashes.begin(), hashes.end(), [&](uint64_t h) {
          return std::binary_search(counted.begin(), counted.end(), h);
        });
    if (stale) {
      ++region_drops_[it->first];
      it = entries_.erase(it);
      ++dropped;
    } else {
      ++it;
    }
  }
  return dropped;
}

size_t RegionMapCache::DropAll() {
  std::lock_guard lock(mu_);
  ++all_drops_;
  const size_t n = entries_.size();
  entries_.clear();
  return n;
}

}  // namespace passend::match
