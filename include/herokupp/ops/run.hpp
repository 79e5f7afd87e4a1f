// Run and migrate: detached one-off dynos for allow-listed commands only.
#ifndef HEROKUPP_OPS_RUN_HPP
#define HEROKUPP_OPS_RUN_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/dyno.hpp>
#include <herokupp/ops/wait.hpp>

#include <cstdint>
#include <functional>
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
/// o.allowed_commands = {"rake db:migrate", "rake db:seed <VAR=value>", "thor jobs:flush"};
/// o.wait.enabled = true;
/// o.wait.timeout = std::chrono::minutes(30);
/// @endcode
struct OneOffOptions {
  /// Whole commands allowed (see check_command for the entry grammar). A
  /// Policy's "commands" replace these in a Session. The migrate command is
  /// always allowed as a whole.
  std::vector<std::string> allowed_commands = {"rake db:migrate", "rake assets:precompile"};
  /// What migrate() runs.
  std::string migrate_command = "rake db:migrate";
  /// Deprecated: lets every entry take options, as if each ended in
  /// `<options>`. Options such as `--require=...` or `-e` run any code:
  /// name the entries that need options instead.
  bool allow_options = false;
  std::optional<std::string> size;                  ///< dyno size; unset: the app's default
  std::optional<std::int64_t> time_to_live = 3600;  ///< seconds before the dyno is stopped
  /// Off by default. When enabled, run() waits for the dyno to end, then
  /// reads its exit status from its log session.
  WaitOptions wait;
  /// When waiting: told each line of the dyno's output, masked (see ValueMasker).
  std::function<void(std::string const& line)> on_output;
};

/// Checks one allow-list entry: command words, then any of the markers
/// `<options>` (words starting with "-"), `<VAR=value>` (NAME=value words)
/// and `<words>` (any other extra words), each allowing that kind of word
/// after the command. Refused with invalid_argument otherwise.
///
/// @par Example
/// @code
/// assert(herokupp::ops::check_allowed_entry("rake db:seed <VAR=value>"));
/// assert(!herokupp::ops::check_allowed_entry("rake db:seed <everything>"));
/// @endcode
HEROKUPP_API result<void> check_allowed_entry(std::string_view entry);

/// Checks a command against `options` without running it. Only letters,
/// digits, spaces between words and `_ - . : = / , @ + % [ ]` may
/// appear, so no shell syntax (`;`, `|`, `&`, `$`, quotes, tabs,
/// redirections...) gets through. Then the command must be an allowed
/// entry's words exactly, followed only by the kinds of words the entry
/// allows: by default none, so `rake db:migrate DATABASE_URL=...`,
/// `rake db:migrate db:drop`, `rake db:migrate --trace` and
/// `VAR=x rake db:migrate` are all refused.
///
/// @par Example
/// @code
/// herokupp::ops::OneOffOptions o;
/// assert(herokupp::ops::check_command("rake db:migrate", o));
/// assert(!herokupp::ops::check_command("rake db:drop", o));
/// assert(!herokupp::ops::check_command("rake; curl evil", o));
/// @endcode
HEROKUPP_API result<void> check_command(std::string_view command, OneOffOptions const& options);

/// A started one-off dyno, and when waited for, how it ended.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::run(app, "rake assets:precompile", herokupp::ops::OneOffOptions{});
/// if (r) for (auto const& line : r->output) std::cout << line << "\n";
/// @endcode
struct RunResult {
  Dyno dyno;                ///< as Dyno › Create answered
  std::string log_url;      ///< a log session streaming this dyno's output
  bool finished = false;    ///< true when waited for and the dyno has ended
  std::string final_state;  ///< when finished: the last state seen ("complete", "crashed"...)
  /// When finished: the status in the log's `Process exited with status N`.
  std::optional<int> exit_status;
  /// When finished: the dyno's output, config values masked.
  std::vector<std::string> output;
};

/// The stable Error::id of a one-off that ran and exited non-zero.
inline constexpr std::string_view one_off_failed_id = "one_off_failed";

/// Starts a detached one-off dyno running `command` (Dyno › Create) and
/// opens a log session for it. Refused with invalid_argument, before any
/// request, unless check_command accepts the command.
///
/// With `options.wait.enabled` it polls the dyno until it has ended, then
/// reads the dyno's log session until `Process exited with status N`
/// appears, as Heroku reports a one-off's exit. The output is masked with
/// the app's config values. A status other than 0 is an Error (id
/// one_off_failed) naming the status and the last output line; an exit
/// that never appears in the log is a timeout: success is never assumed.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::run(heroku.app("shop"), "rake assets:precompile");
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
