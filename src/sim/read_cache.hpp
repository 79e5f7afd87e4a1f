// Internal: the simulator's cache of GET answers, and ETag revalidation.
#ifndef HEROKUPP_SRC_SIM_READ_CACHE_HPP
#define HEROKUPP_SRC_SIM_READ_CACHE_HPP

#include <herokupp/sim/message.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace herokupp::sim::detail {

/// A GET answer depends only on the state (versioned by a generation
/// number), the account, the path, the query and the Range; repeated reads of an
/// unchanged state are served from here. Bounded: a few MiB of recent
/// answers, forgotten wholesale when full.
class ReadCache {
 public:
  /// The key of one read: account, path, query (filters such as
  /// `eq[status]` change the answer) and Range.
  static std::string key(std::string const& account_id, std::string_view path,
                         std::string_view query, std::optional<std::string_view> range);

  /// The answer stored under `key` for this `generation`, if any.
  std::optional<Response> find(std::string const& key, std::uint64_t generation) const;
  void store(std::string const& key, std::uint64_t generation, Response const& res);

 private:
  struct Entry {
    std::uint64_t generation;
    int status;
    Headers headers;
    std::string body;
  };
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

/// A strong ETag for a body (a quoted FNV-1a hash).
std::string etag_of(std::string const& body);

/// Turns `res` into a bodiless 304 when the request's If-None-Match names its ETag.
void revalidate(Request const& request, Response& res);

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_READ_CACHE_HPP
