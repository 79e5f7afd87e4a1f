// Internal: what every copy of a Client shares.
#ifndef HEROKUPP_SRC_CORE_CLIENT_STATE_HPP
#define HEROKUPP_SRC_CORE_CLIENT_STATE_HPP

#include <herokupp/client.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace herokupp::detail {

/// A random (version 4) UUID, as sent in Request-Id.
std::string new_request_id();

struct ClientState {
  explicit ClientState(ClientOptions opts);

  /// The wait before retry number `attempt` (1 for the first retry), jittered.
  std::chrono::milliseconds backoff(int attempt) const;
  void log(LogRecord const& record) const;

  ClientOptions options;
  std::shared_ptr<Transport> transport;
  std::shared_ptr<Throttle> throttle;
  std::string user_agent;
  std::string authorization;  // never logged, never in an Error
  bool api_key_invalid = false;
  std::optional<Error> base_url_refused;  // returned by every request, before any I/O
  std::atomic<long> rate_limit_remaining{-1};
};

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_CLIENT_STATE_HPP
