// Internal: how generated endpoints and sub-clients reach the Client's pipeline.
#ifndef HEROKUPP_SRC_CORE_CLIENT_ACCESS_HPP
#define HEROKUPP_SRC_CORE_CLIENT_ACCESS_HPP

#include <herokupp/client.hpp>

#include <string>

namespace herokupp::detail {

/// The parts of a request that differ per call; the Client adds the rest.
struct ApiRequest {
  Method method = Method::get;
  std::string path;                    ///< already percent-encoded, starts with "/"
  std::string const* body = nullptr;   ///< JSON text, or null for no body
  std::string const* range = nullptr;  ///< the Range header value, or null
  Headers extra_headers;               ///< e.g. If-None-Match
};

struct ClientAccess {
  /// Sends with auth, retries, throttling and logging. 2xx and 304 are
  /// returned; every other status becomes an Error.
  static result<HttpResponse> send(Client const& client, ApiRequest const& request);
};

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_CLIENT_ACCESS_HPP
