// Internal: what every copy of a Client shares.
#ifndef HEROKUPP_SRC_CORE_CLIENT_STATE_HPP
#define HEROKUPP_SRC_CORE_CLIENT_STATE_HPP

#include <herokupp/client.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace herokupp::detail {

/// A random (version 4) UUID, as sent in Request-Id.
std::string new_request_id();

struct ClientState {
  explicit ClientState(ClientOptions opts);

  ClientOptions options;  // transport, throttle and reading filled in
  std::string user_agent;
  std::string authorization;   // never logged, never in an Error
  std::string account_digest;  // keys the ETag cache; not the key itself
  bool api_key_invalid = false;
  std::optional<Error> base_url_refused;       // returned by every request, before any I/O
  std::vector<std::shared_ptr<Stage>> stages;  // outermost first; see compose()
};

/// The request path, outermost stage first: the one place its order is set.
std::vector<std::shared_ptr<Stage>> compose(ClientState const& state);

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_CLIENT_STATE_HPP
