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
#include <herokupp/workflow/preflight.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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
  /// Without a policy, allow writes as the API key's own account.
  bool single_user = false;
};

/// The policy file as the tool reads it: the ops Policy, plus who may act
/// for others and the team's fingerprint key.
struct ToolPolicy {
  ops::Policy policy;
  /// Accounts (API keys' emails) that may name another actor with --actor.
  std::vector<std::string> act_for_others;
  /// A team key: fingerprints equal across the team (else the user's key).
  std::string fingerprint_key_file;
  /// A team key that signs plans, so that a plan made by one person can be
  /// confirmed by another (four eyes) on another account (else the user's key).
  std::string plan_key_file;
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
  /// Who acts: the key's account, or whom it acts for.
  std::string actor;
  /// The key's account when it acts for another actor (audited).
  std::string on_behalf_of;
  ops::Fingerprinter fingerprints;          ///< config fingerprints (user or team key)
  ops::Fingerprinter plan_key;              ///< signs plan codes (user key)
  std::vector<std::string> protected_apps;  ///< from the environments file
};

/// What run_cli prepares before the first request.
struct Setup {
  std::optional<ops::Policy> policy;
  std::vector<std::string> act_for_others;
  std::shared_ptr<ops::AuditSink> audit;
  ops::Fingerprinter fingerprints;
  ops::Fingerprinter plan_key;
  std::vector<std::string> protected_apps;
};

// --- identity (identity.cpp) ----------------------------------------------------
/// Loads the policy, checks the audit file can be written, reads the keys
/// and the environments file's protected apps; refuses a write without a
/// policy unless --single-user. Sends no request.
result<Setup> prepare(Options const& opts, Environment const& env, bool writes);
/// Sets c.actor: the key's account, or the actor it names when the policy
/// lets it act for others (then audited with the account).
result<void> choose_actor(Context& c, Setup const& setup, bool writes);
result<ToolPolicy> load_tool_policy(std::string const& path);
/// The API key's account (email), from the state dir's cache or GET /account.
result<std::string> key_account(Client const& client, Context const& c);
/// The per-user key ($HEROKUPP_KEY_FILE, else under the user's config dir).
result<ops::Fingerprinter> user_key(Environment const& env);

// --- output (output.cpp) -------------------------------------------------------
int exit_code_for(Error const& e);
/// Server text made safe to print: control characters (C0, DEL, C1, and
/// invalid UTF-8) become visible escapes like "\x1b". Used on everything
/// the tool prints, human or JSON.
std::string printable(std::string_view text);
/// Prints the error (explained) and returns its exit code.
int fail(Context& c, Error const& e);
/// Prints text (sanitised), ending the line.
void print(Context& c, std::string const& text);
/// Prints a JSON document, every string sanitised.
void print_json(Context& c, json const& j);
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
/// "deploy-<env>--<actor>.json": each actor's plans are their own.
std::string actor_state_name(std::string const& kind, std::string const& env,
                             std::string const& actor);
/// Creates the state directory 0700 (or makes it so).
result<void> ensure_state_dir(Context const& c);
/// Writes a file 0600, atomically.
result<void> save_state(Context const& c, std::string const& name, std::string const& text);
std::optional<std::string> load_state(Context const& c, std::string const& name);
void drop_state(Context const& c, std::string const& name);
/// The names of the state files starting with `prefix`.
std::vector<std::string> list_state(Context const& c, std::string const& prefix);

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
                std::vector<std::string> to, std::vector<std::string> const& acknowledge,
                std::string const& git_dir);

// --- promotion preflight (preflight_output.cpp) ------------------------------
/// The preflight of promoting `from` to each of `to`, with `acknowledge`
/// applied where each key is missing; a key missing on no target is a usage
/// error. Path rules come from the environments file when there is one.
result<std::vector<workflow::Preflight>> promotion_preflights(
    Context& c, std::string const& from, std::vector<std::string> const& to,
    std::vector<std::string> const& acknowledge, std::string const& git_dir);
json preflight_json(workflow::Preflight const& p);
/// Refuses (policy_denied) a direct promotion to an app that needs four
/// eyes (the environments file's `four_eyes`, the policy's `four_eyes`).
result<void> refuse_four_eyes_targets(Context& c, std::vector<std::string> const& to);

// --- fleet commands (fleet_commands.cpp) --------------------------------------
/// --in-flight's value (empty: the default, 8); 1..64.
result<std::size_t> parse_in_flight(std::string const& text);
/// The masked config of the apps named, else of every app the actor may read.
int cmd_fleet_config(Context& c, std::vector<std::string> const& apps, std::size_t in_flight);
/// Release, maintenance and dynos of the apps named, else of every app readable.
int cmd_fleet_status(Context& c, std::vector<std::string> const& apps, std::size_t in_flight);

// --- deploy commands (deploy_commands.cpp) ------------------------------------
/// What `deploy` was given besides its environment.
struct DeployArgs {
  std::string source, commit, confirm;
  std::vector<std::string> changed, subjects;
  std::string git_dir;
  /// Whose plan to review or confirm (four eyes); empty: one's own.
  std::string planned_by;
  /// Missing config keys the plan acknowledges.
  std::vector<std::string> acknowledge;
};
int cmd_deploy(Context& c, std::string const& env, DeployArgs const& a);
int cmd_config_diff(Context& c, std::string const& env, bool apply, std::string const& confirm);

// --- maintenance windows (windows.cpp) ----------------------------------------
/// Records (open) or forgets (closed) a window the tool opened on `app`.
void record_window(Context& c, std::string const& app, bool open);
/// Warns about windows earlier runs left open, with the command that closes each.
void report_open_windows(Context& c);
/// Closes this process's recorded windows (audited); returns how many failed.
int close_recorded_windows(Context& c, std::string const& why);
/// Blocks SIGINT and SIGTERM in the calling thread (and threads it starts).
void block_interrupts();
/// While alive (and when Environment::handle_signals), SIGINT and SIGTERM
/// close this run's open windows, then end the process.
class InterruptGuard {
 public:
  explicit InterruptGuard(Context& c);
};

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_CONTEXT_HPP
