#pragma once
// RegionMapCache: the mismatch maps per care-office region that the match service keeps.
// An entry stays current while the index snapshot it was computed on is the current one
// and none of the clients it counted, nor a client who now lives in the region, has
// changed since. A computation takes a ticket before it reads the clients; its map is
// kept only when nothing about the region was dropped meanwhile, so a map that may have
// missed a change is never cached. Thread-safe.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "match/match_service.h"

namespace passend::match {

class RegionMapCache {
 public:
  struct Ticket {
    uint64_t all = 0, region = 0, clients = 0;
  };

  // The map of `region` computed on snapshot `generation`, or null.
  std::shared_ptr<const RegionMismatch> Find(const std::string& region, uint64_t generation);
  Ticket Take(const std::string& region);
  // Keeps `map` (computed on `generation` over the clients with these ids) unless the
  // region was dropped after `ticket` was taken.
  void Put(const std::string& region, Ticket ticket, uint64_t generation,
           std::shared_ptr<const RegionMismatch> map, const std::vector<std::string>& client_ids);

  // Drops the maps that counted one of `client_ids`, and the maps of `regions`. Returns
  // how many cached maps were dropped.
  size_t DropClients(const std::vector<std::string>& client_ids,
                     const std::set<std::string>& regions);
  // Drops every map (the catalogue changed). Returns how many there were.
  size_t DropAll();

 private:
  struct Entry {
    uint64_t generation = 0;
    std::shared_ptr<const RegionMismatch> map;
    std::vector<uint64_t> clients;  // hashes of the ids counted, sorted
  };
  static uint64_t Hash(const std::string& id);

  std::mutex mu_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, uint64_t> region_drops_;
  uint64_t all_drops_ = 0;
  // The clients dropped lately, numbered: a computation that read one of them after its
  // ticket was taken may have missed the change (an erased client has no region left).
  std::deque<std::pair<uint64_t, uint64_t>> client_drops_;  // (number, id hash)
  uint64_t client_drop_count_ = 0;
};

}  // namespace passend::match
