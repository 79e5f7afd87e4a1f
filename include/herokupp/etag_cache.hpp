// ETagCache: conditional GETs, so unchanged answers cost no body.
#ifndef HEROKUPP_ETAG_CACHE_HPP
#define HEROKUPP_ETAG_CACHE_HPP

#include <herokupp/export.hpp>
#include <herokupp/transport.hpp>

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace herokupp {

/// Answers to GETs that carried an ETag, kept so that the next GET of the
/// same URL (and Range) by the same account sends `If-None-Match`, and a
/// 304 is served from here with the fresh headers. Bounded: the least
/// recently used answers go first once `max_bytes` is exceeded. Thread-safe;
/// copies of a Client share the one in their options. Entries are keyed by
/// a digest of the credentials, so one account's answer is never served to
/// another key.
///
/// @par Example
/// @code
/// herokupp::ClientOptions opts = herokupp::ClientOptions::from_env();
/// opts.cache = std::make_shared<herokupp::ETagCache>(4 << 20);   // 4 MiB
/// herokupp::Client heroku{opts};
/// heroku.app("shop").info();   // 200, cached
/// heroku.app("shop").info();   // 304 from the API, body from the cache
/// std::cout << opts.cache->stats().bytes_saved << " bytes not downloaded\n";
/// @endcode
class HEROKUPP_API ETagCache {
 public:
  /// One kept answer: its ETag, status, headers and body.
  struct Entry {
    /// The ETag the answer carried, sent back as If-None-Match.
    std::string etag;
    /// The answer's status.
    int status = 200;
    /// The answer's headers.
    Headers headers;
    /// The answer's body.
    std::string body;
  };
  /// What the cache has done so far, and holds now.
  struct Stats {
    std::size_t revalidated = 0;  ///< 304s served from the cache
    std::size_t stored = 0;       ///< answers kept
    std::size_t evicted = 0;      ///< answers dropped to stay under max_bytes
    std::size_t bytes_saved = 0;  ///< body bytes the 304s did not carry
    std::size_t bytes = 0;        ///< held now
    std::size_t entries = 0;      ///< held now
  };

  /// An empty cache holding at most `max_bytes` of answers (8 MiB by default).
  explicit ETagCache(std::size_t max_bytes = 8u << 20);

  /// The entry for `key`, marked as recently used; null if none.
  std::shared_ptr<Entry const> find(std::string const& key);
  /// Keeps `entry` under `key` (an entry larger than max_bytes is not kept).
  void store(std::string const& key, Entry entry);
  /// Counts a 304 served from `entry`.
  void revalidated(Entry const& entry);
  /// Drops every answer (the counters stay).
  void clear();
  /// The counters and the current size.
  Stats stats() const;
  /// The most bytes of answers held.
  std::size_t max_bytes() const noexcept { return max_bytes_; }

 private:
  using Item = std::pair<std::string, std::shared_ptr<Entry const>>;
  static std::size_t cost(std::string const& key, Entry const& e);

  mutable std::mutex mutex_;
  std::size_t max_bytes_;
  std::list<Item> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Item>::iterator> index_;
  Stats stats_;
};

}  // namespace herokupp

#endif  // HEROKUPP_ETAG_CACHE_HPP
