#include <herokupp/etag_cache.hpp>

namespace herokupp {

ETagCache::ETagCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::size_t ETagCache::cost(std::string const& key, Entry const& e) {
  std::size_t n = key.size() + e.etag.size() + e.body.size() + 64;
  for (auto const& [name, value] : e.headers)
    n += name.size() + value.size() + 16;
  return n;
}

std::shared_ptr<ETagCache::Entry const> ETagCache::find(std::string const& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void ETagCache::store(std::string const& key, Entry entry) {
  std::size_t const size = cost(key, entry);
  auto shared = std::make_shared<Entry const>(std::move(entry));
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    stats_.bytes -= cost(it->first, *it->second->second);
    lru_.erase(it->second);
    index_.erase(it);
  }
  if (size > max_bytes_) return;
  lru_.emplace_front(key, std::move(shared));
  index_.emplace(key, lru_.begin());
  stats_.bytes += size;
  ++stats_.stored;
  while (stats_.bytes > max_bytes_ && !lru_.empty()) {
    auto& last = lru_.back();
    stats_.bytes -= cost(last.first, *last.second);
    index_.erase(last.first);
    lru_.pop_back();
    ++stats_.evicted;
  }
}

void ETagCache::revalidated(Entry const& entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.revalidated;
  stats_.bytes_saved += entry.body.size();
}

void ETagCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  lru_.clear();
  index_.clear();
  stats_.bytes = 0;
}

ETagCache::Stats ETagCache::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats s = stats_;
  s.entries = index_.size();
  return s;
}

}  // namespace herokupp
