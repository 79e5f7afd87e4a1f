// Internal: what the notice sinks share.
#ifndef HEROKUPP_SRC_WORKFLOW_NOTICE_DETAIL_HPP
#define HEROKUPP_SRC_WORKFLOW_NOTICE_DETAIL_HPP

#include <herokupp/error.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow::detail {

/// The host of a URL ("hooks.example.com", "[::1]"), without user or port.
std::string url_host(std::string_view url);

/// "localhost", 127.x.y.z in dotted decimal, or "[::1]" (as the Client's
/// plain-http rule reads them).
bool loopback_host(std::string_view host);

/// Runs `command` (no shell) with `input` on its standard input and its
/// output discarded; waits up to `timeout`, then kills it. Success is exit
/// status 0. HEROKU_API_KEY is removed from its environment.
result<void> run_with_input(std::vector<std::string> const& command, std::string const& input,
                            std::chrono::milliseconds timeout);

}  // namespace herokupp::workflow::detail

#endif  // HEROKUPP_SRC_WORKFLOW_NOTICE_DETAIL_HPP
