// What every command of the tool shares: the parsed global options, the
// Client, the policy and audit sink, and the helpers that print results,
// keep plans between invocations and build ops Sessions.
#ifndef HEROKUPP_TOOLS_HEROKUPP_CONTEXT_HPP
#define HEROKUPP_TOOLS_HEROKUPP_CONTEXT_HPP

#include "commands.hpp"
#include "redact.hpp"

#include <herokupp/client.hpp>
#include <herokupp/models/release.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/ops/policy.hpp>
#include <herokupp/ops/session.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace herokupp::cli {

using json = nlohmann::json;

/// The global options of the command line.
struct Options {
  std::string actor;
  std::string policy_file;
  std::string audit_file;
  std::string environments_file;
  std::string state_dir;
  bool json_output = false;
};

/// The wait shown on a terminal (progress.cpp).
struct Ticker {
  std::string label;                    ///< the wait's progress line
  std::chrono::milliseconds waited{0};  ///< slept in this wait so far
  bool shown = false;                   ///< the ticker line is on screen
};

/// One invocation of the tool.
struct Context {
  Options const& opts;
  Environment const& env;
  std::ostream& out;
  std::ostream& err;
  Client client;
  std::optional<ops::Policy> policy;
  std::shared_ptr<ops::AuditSink> audit;
  /// Masks typed values in errors and audit records.
  Redactor redact = {};
  /// The app the command acts on, named in errors that lack it.
  std::string app = {};
  std::shared_ptr<Ticker> ticker = std::make_shared<Ticker>();
};

// --- output (output.cpp) -------------------------------------------------------
int exit_code_for(Error const& e);
/// Prints the error (explained) and returns its exit code.
int fail(Context& c, Error const& e);
/// Prints a result: `j` with --json, else `text`.
int emit(Context& c, json const& j, std::string const& text);
std::string heading(Context const& c, std::string const& text);

// --- progress (progress.cpp) ---------------------------------------------------
/// Pauses for waits; on a terminal, ticks the time waited in this wait.
std::function<void(std::chrono::milliseconds)> progress_sleep(Context& c);
/// Starts a wait: clears the ticker, prints `--> line` and restarts the count.
void progress_line(Context& c, std::string const& line);
/// Clears the ticker's line (before output, a result or an error); the count goes on.
void clear_progress(Context& c);
/// Names the app (or resource) in a not_found Error that does not.
Error name_not_found(Error e, std::string const& app);
json release_json(Release const& r);

// --- sessions (app_commands.cpp) ----------------------------------------------
ops::SessionOptions session_options(Context& c);
ops::Session session(Context& c);

// --- the state store (state_store.cpp) ----------------------------------------
std::string state_dir(Context const& c);
/// `s` with every character outside [A-Za-z0-9_-] replaced by '_'.
std::string safe_name(std::string s);
result<void> save_state(Context const& c, std::string const& name, std::string const& text);
std::optional<std::string> load_state(Context const& c, std::string const& name);
void drop_state(Context const& c, std::string const& name);

// --- app commands (app_commands.cpp) ------------------------------------------
int cmd_apps(Context& c, std::string const& filter);
int cmd_info(Context& c, std::string const& name);
int cmd_dynos(Context& c, std::string const& app);
int cmd_releases(Context& c, std::string const& app, int n);
int cmd_rollback(Context& c, std::string const& app, std::string const& version);
int cmd_restart(Context& c, std::string const& app, std::string const& target);
int cmd_migrate(Context& c, std::string const& app);
int cmd_run(Context& c, std::string const& app, std::vector<std::string> const& words);
int cmd_config(Context& c, std::string const& app);
int cmd_config_get(Context& c, std::string const& app, std::string const& key);
int report_change(Context& c, result<ops::ConfigChange> const& r);
int cmd_config_set(Context& c, std::string const& app, std::vector<std::string> const& pairs);
int cmd_config_unset(Context& c, std::string const& app, std::vector<std::string> const& keys);
int cmd_scale(Context& c, std::string const& app, std::vector<std::string> const& specs);
int cmd_maintenance(Context& c, std::string const& app, std::string const& state);
int cmd_promote(Context& c, std::string const& pipeline, std::string const& from,
                std::vector<std::string> to);

// --- deploy commands (deploy_commands.cpp) ------------------------------------
int cmd_deploy(Context& c, std::string const& env, std::string const& source,
               std::string const& commit, std::string const& confirm,
               std::vector<std::string> const& changed, std::vector<std::string> const& subjects,
               std::string const& git_dir);
int cmd_config_diff(Context& c, std::string const& env, bool apply, std::string const& confirm);

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_CONTEXT_HPP
