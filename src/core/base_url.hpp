// Internal: which base URLs a Client may send the API key to.
#ifndef HEROKUPP_SRC_CORE_BASE_URL_HPP
#define HEROKUPP_SRC_CORE_BASE_URL_HPP

#include <herokupp/error.hpp>

#include <optional>
#include <string_view>

namespace herokupp::detail {

/// True for a loopback host as a URL writes it: "localhost", an IPv4 address
/// in 127.0.0.0/8 in dotted decimal, or "[::1]" in any of its spellings.
/// Anything unusual (hex or shortened IPv4, "localhost.example") is not.
bool is_loopback_host(std::string_view host) noexcept;

/// Nothing when `url` may carry the API key: https to any host, or plain
/// http to a loopback host (or to any host when `allow_insecure_http`).
/// Otherwise an invalid_argument Error that names the host, never the URL
/// (which may hold credentials).
std::optional<Error> check_base_url(std::string_view url, bool allow_insecure_http);

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_BASE_URL_HPP
