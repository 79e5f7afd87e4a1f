#include "read_cache.hpp"

#include "http_text.hpp"

namespace herokupp::sim::detail {

std::string ReadCache::key(std::string const& account_id, std::string_view path,
                           std::string_view query, std::optional<std::string_view> range) {
  std::string out = account_id;
  out += '\n';
  out += path;
  if (!query.empty()) {
    out += '?';
    out += query;
  }
  if (range) {
    out += '\n';
    out += *range;
  }
  return out;
}

std::optional<Response> ReadCache::find(std::string const& key, std::uint64_t generation) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) return std::nullopt;
  Response res;
  res.status = it->second.status;
  res.headers = it->second.headers;
  res.body = it->second.body;
  return res;
}

void ReadCache::store(std::string const& key, std::uint64_t generation, Response const& res) {
  if (bytes_ > (8U << 20) || entries_.size() >= 4096) {
    entries_.clear();
    bytes_ = 0;
  }
  bytes_ += key.size() + res.body.size();
  entries_[key] = Entry{generation, res.status, res.headers, res.body};
}

std::string etag_of(std::string const& body) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : body) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  std::string out = "\"";
  append_hex(out, h, 16);
  out += "\"";
  return out;
}

void revalidate(Request const& request, Response& res) {
  auto inm = request.headers.get("If-None-Match");
  auto etag = res.headers.get("ETag");
  if (inm && etag && (*inm == *etag || *inm == "*")) {
    res.status = 304;
    res.body.clear();
    res.headers.erase("Content-Type");
  }
}

}  // namespace herokupp::sim::detail
