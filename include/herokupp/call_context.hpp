// CallContext: options for the calls made through one handle, not the Client.
#ifndef HEROKUPP_CALL_CONTEXT_HPP
#define HEROKUPP_CALL_CONTEXT_HPP

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace herokupp {

class ETagCache;

/// What differs for a group of calls: a deadline, whether they may be sent
/// twice, tags that travel into every LogRecord, and a sink told every
/// request id. `Client::with(context)` returns a handle (sharing the
/// transport, throttle, cache and rate-limit reading) whose calls carry it,
/// and so do the sub-clients made from that handle.
///
/// @par Example
/// @code
/// std::vector<std::string> ids;
/// herokupp::CallContext ctx;
/// ctx.deadline = std::chrono::seconds(5);
/// ctx.tags = {{"action", "rollback"}, {"actor", "alice"}};
/// ctx.on_request_id = [&ids](std::string const& id) { ids.push_back(id); };
/// auto info = heroku.with(ctx).app("shop").info();   // ids now holds its Request-Id
/// @endcode
struct CallContext {
  /// Replaces RetryPolicy::deadline: no attempt starts after it has passed.
  std::optional<std::chrono::milliseconds> deadline;
  /// Replaces the method's own idempotency: true lets a POST carrying an
  /// idempotency key be retried, false keeps a GET from being retried.
  std::optional<bool> idempotent;
  /// Copied into every LogRecord of these calls (never sent to the API).
  std::vector<std::pair<std::string, std::string>> tags;
  /// Told the Request-Id of every attempt (the one the API answered with,
  /// else the one sent), from the calling thread.
  std::function<void(std::string const&)> on_request_id;
  /// Conditional GETs through this cache instead of the Client's.
  std::shared_ptr<ETagCache> cache;
};

}  // namespace herokupp

#endif  // HEROKUPP_CALL_CONTEXT_HPP
