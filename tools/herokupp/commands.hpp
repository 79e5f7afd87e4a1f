// The herokupp command line as a library function, so tests can run it
// in-process against the simulator.
#ifndef HEROKUPP_TOOLS_HEROKUPP_COMMANDS_HPP
#define HEROKUPP_TOOLS_HEROKUPP_COMMANDS_HPP

#include <herokupp/transport.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace herokupp::cli {

/// Exit codes of the herokupp tool.
enum ExitCode : int {
  exit_ok = 0,
  exit_api_error = 1,     ///< the API or the network failed
  exit_usage = 2,         ///< the command line (or an argument) is wrong
  exit_denied = 3,        ///< the policy or a protection refused the action
  exit_confirmation = 4,  ///< the action needs its confirmation code
  exit_findings = 5,      ///< hygiene found something at or above --fail-on
};

/// What the tool takes from the world outside its arguments.
struct Environment {
  /// Reads an environment variable (HEROKU_API_KEY, HEROKU_API_URL,
  /// HEROKUPP_STATE_DIR...). Unset: std::getenv.
  std::function<std::optional<std::string>(std::string const&)> getenv;
  /// The transport to the API. Null: the Client's default (libcurl).
  std::shared_ptr<Transport> transport;
  /// Whether the output is a terminal: progress while waiting, colour.
  bool interactive = false;
  /// Whether SIGINT and SIGTERM close open maintenance windows before the
  /// process ends (the herokupp program sets it; in-process tests do not).
  bool handle_signals = false;
  /// How waits pause. Unset: the Client's default (a real sleep).
  std::function<void(std::chrono::milliseconds)> sleep;
};

/// Runs one herokupp command line; returns its exit code (ExitCode).
int run_cli(int argc, char const* const* argv, std::ostream& out, std::ostream& err,
            Environment env = {});

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_COMMANDS_HPP
