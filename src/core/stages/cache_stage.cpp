#include "core/stages/stages.hpp"

namespace herokupp::detail {

result<HttpResponse> CacheStage::send(Exchange& x, Next next) {
  ETagCache* cache = x.context->cache ? x.context->cache.get() : cache_.get();
  // A caller's own If-None-Match wants the 304 itself.
  if (cache == nullptr || x.request.method != Method::get ||
      x.request.headers.contains("If-None-Match")) {
    return next(x);
  }
  std::string key = account_;
  key += '\n';
  key += x.request.url;
  if (auto range = x.request.headers.get("Range")) {
    key += '\n';
    key += *range;
  }
  auto entry = cache->find(key);
  if (entry) x.request.headers.set("If-None-Match", entry->etag);
  auto answer = next(x);
  if (!answer) return answer;
  HttpResponse& response = answer.value();
  if (response.status == 304 && entry) {
    // The stored headers, updated by the fresh ones (RFC 9111 4.3.4): the
    // rate-limit reading and the request id are today's.
    HttpResponse served;
    served.status = entry->status;
    served.headers = entry->headers;
    for (auto const& [name, value] : response.headers)
      served.headers.set(name, value);
    served.body = entry->body;
    cache->revalidated(*entry);
    return served;
  }
  if (response.status == 200 || response.status == 206) {
    if (auto etag = response.headers.get("ETag"); etag && !etag->empty()) {
      cache->store(key, ETagCache::Entry{std::string(*etag), response.status, response.headers,
                                         response.body});
    }
  }
  return answer;
}

}  // namespace herokupp::detail
