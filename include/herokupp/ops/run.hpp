// Run and migrate: detached one-off dynos for allow-listed commands only.
#ifndef HEROKUPP_OPS_RUN_HPP
#define HEROKUPP_OPS_RUN_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/dyno.hpp>
#include <herokupp/ops/wait.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// Which commands run() accepts, how the dyno is started, and whether to wait.
///
/// @par Example
/// @code
/// herokupp::ops::OneOffOptions o;
/// o.migrate_command = "bin/rails db:migrate";
/// o.wait.enabled = true;
/// o.wait.timeout = std::chrono::minutes(30);
/// @endcode
struct OneOffOptions {
  /// First words allowed. The migrate command is always allowed as a whole.
  std::vector<std::string> allowed_commands = {"rake", "thor"};
  /// What migrate() runs.
  std::string migrate_command = "rake db:migrate";
  /// Let words start with "-". Off by default: options such as `rake -e`
  /// or `rake -f` would run arbitrary code.
  bool allow_options = false;
  std::optional<std::string> size;                  ///< dyno size; unset: the app's default
  std::optional<std::int64_t> time_to_live = 3600;  ///< seconds before the dyno is stopped
  WaitOptions wait;                                 ///< off by default
};

/// Checks a command against `options` without running it: the first word
/// must be allowed (or the whole command be the migrate command), and only
/// letters, digits, spaces and `_ - . : = / , @ + % [ ]` may appear, so no
/// shell syntax (`;`, `|`, `&`, `$`, quotes, redirections...) gets through.
///
/// @par Example
/// @code
/// herokupp::ops::OneOffOptions o;
/// assert(herokupp::ops::check_command("rake db:migrate", o));
/// assert(!herokupp::ops::check_command("rake; curl evil", o));
/// @endcode
HEROKUPP_API result<void> check_command(std::string_view command, OneOffOptions const& options);

/// A started one-off dyno.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::run(app, "thor jobs:flush");
/// if (r) std::cout << r->dyno.name << " logs: " << r->log_url << "\n";
/// @endcode
struct RunResult {
  Dyno dyno;                ///< as Dyno › Create answered
  std::string log_url;      ///< a log session streaming this dyno's output
  bool finished = false;    ///< true when waited for and the dyno has ended
  std::string final_state;  ///< when finished: the last state seen ("complete", "crashed"...)
};

/// Starts a detached one-off dyno running `command` (Dyno › Create) and
/// opens a log session for it. Refused with invalid_argument, before any
/// request, unless check_command accepts the command. With
/// `options.wait.enabled` it polls the dyno until it is gone or has stopped.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::run(heroku.app("shop"), "rake cache:clear");
/// @endcode
HEROKUPP_API result<RunResult> run(AppClient const& app, std::string_view command,
                                   OneOffOptions const& options = {});

/// Runs `options.migrate_command` (default "rake db:migrate") as run() does.
///
/// @par Example
/// @code
/// herokupp::ops::OneOffOptions o;
/// o.wait.enabled = true;
/// auto r = herokupp::ops::migrate(heroku.app("shop"), o);
/// @endcode
HEROKUPP_API result<RunResult> migrate(AppClient const& app, OneOffOptions const& options = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_RUN_HPP
