#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/ops/audited_action.hpp>
#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/ops/session.hpp>

#include "ops/protected_app.hpp"
#include "ops/text.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace herokupp::ops {
namespace detail {

struct SessionState {
  Client client;
  std::optional<Policy> policy;
  std::string actor;
  std::shared_ptr<AuditSink> audit;
  SessionOptions options;
  Fingerprinter fingerprinter;
  std::vector<std::string> protected_apps;  // lower case, sorted
  AuditedActionRunner runner;

  SessionState(Client c, std::optional<Policy> p, std::string a, std::shared_ptr<AuditSink> s,
               SessionOptions o)
      : client(std::move(c)),
        policy(std::move(p)),
        actor(std::move(a)),
        audit(std::move(s)),
        options(std::move(o)),
        runner(client, audit, AuditedActionOptions{options.now, options.on_audit_failure}) {}

  Timestamp now() const { return options.now ? options.now() : Timestamp::now(); }

  ConfigOptions config_options() const {
    ConfigOptions c;
    c.fingerprinter = fingerprinter;
    c.protected_apps = protected_apps;  // already holds this program's own app
    c.protect_own_app = false;
    return c;
  }

  /// For a change to `app` that the check has already cleared by name and
  /// by id: the actions check again (defence in depth) without a second
  /// App Info request.
  ConfigOptions change_options(std::string_view app) const {
    ConfigOptions c = config_options();
    c.protected_apps = detail::same_kind(protected_apps, app);
    return c;
  }

  bool is_protected(std::string_view app) const {
    return std::binary_search(protected_apps.begin(), protected_apps.end(), lower(app));
  }
};

}  // namespace detail

namespace {

using detail::SessionState;
using Arguments = std::vector<std::pair<std::string, std::string>>;

result<void> check_action(SessionState const& s, Action action, std::string_view app) {
  if (class_of(action) == ActionClass::configure && s.is_protected(app)) {
    return detail::protected_app_error(app,
                                       std::string(to_string(action)) + " is refused for everyone");
  }
  if (s.policy) return s.policy->check(s.actor, action, app);
  return success();
}

// Every Session action goes through here: the runner checks the policy for
// each of `apps`, writes the "started" record (read actions only a final
// one), runs `work` with the action's Client, and writes the outcome.
template <class Work, class Describe>
auto perform(SessionState const& s, Action action, std::string_view app, Arguments args,
             std::vector<std::string> const& apps, Work&& work, Describe&& describe)
    -> decltype(std::forward<Work>(work)(std::declval<AuditedAction&>())) {
  ActionSpec spec;
  spec.actor = s.actor;
  spec.action = std::string(to_string(action));
  spec.app = std::string(app);
  spec.arguments = std::move(args);
  spec.read_only = class_of(action) == ActionClass::read;
  auto check = [&](Client const& client) -> result<void> {
    for (auto const& a : apps) {
      if (auto allowed = check_action(s, action, a); !allowed) return allowed.error();
    }
    if (class_of(action) != ActionClass::configure) return success();
    for (auto const& a : apps) {
      // An app protected by id and named by name (or the other way round):
      // one App Info request tells, before anything is recorded as started.
      auto hit = detail::is_protected(client.app(a), s.protected_apps);
      if (!hit) return hit.error();
      if (hit.value()) {
        return detail::protected_app_error(
            a, std::string(to_string(action)) + " is refused for everyone");
      }
    }
    return success();
  };
  return s.runner.run(std::move(spec), check, std::forward<Work>(work),
                      std::forward<Describe>(describe));
}

std::vector<std::string> one(std::string_view app) {
  return {std::string(app)};
}

std::string keys_of(std::vector<std::string> const& keys) {
  return detail::join(keys, ",");
}

std::string describe_change(ConfigChange const& c) {
  std::vector<std::string> parts;
  auto add = [&](char const* what, std::vector<std::string> const& keys) {
    if (!keys.empty()) parts.push_back(std::string(what) + " " + keys_of(keys));
  };
  add("added", c.added);
  add("changed", c.changed);
  add("unchanged", c.unchanged);
  add("removed", c.removed);
  add("absent", c.absent);
  return parts.empty() ? std::string("nothing changed") : detail::join(parts, "; ");
}

std::string describe_rollback(RollbackResult const& r) {
  return "rolled back from v" + std::to_string(r.from_version) + " to v" +
         std::to_string(r.to_version) + " as v" + std::to_string(r.release.version) + "; " +
         r.config.describe();
}

std::string describe_run(RunResult const& r) {
  std::string out = "started " + r.dyno.name;
  if (r.finished) out += ", finished " + r.final_state;
  if (r.exit_status) out += ", exited with status " + std::to_string(*r.exit_status);
  return out;
}

WaitOptions with_client_clock(WaitOptions wait, Client const& client) {
  if (!wait.now) wait.now = client.options().now;
  if (!wait.sleep) wait.sleep = client.options().sleep;
  return wait;
}

}  // namespace

Session::Session(Client client, std::optional<Policy> policy, std::string actor,
                 std::shared_ptr<AuditSink> audit, SessionOptions options) {
  auto state = std::make_shared<SessionState>(
      std::move(client), std::move(policy), std::move(actor), std::move(audit), std::move(options));
  if (state->policy && state->policy->commands()) {
    state->options.one_off.allowed_commands = *state->policy->commands();
  }
  state->fingerprinter = state->options.fingerprinter.enabled() ? state->options.fingerprinter
                                                                : Fingerprinter::random();
  ConfigOptions protect;
  protect.protected_apps = state->options.protected_apps;
  if (state->policy) {
    for (auto const& app : state->policy->protected_apps())
      protect.protected_apps.push_back(app);
  }
  protect.protect_own_app = state->options.protect_own_app;
  state->protected_apps = ops::protected_apps(protect);  // lower case, sorted, unique
  state_ = std::move(state);
}

std::string const& Session::actor() const noexcept {
  return state_->actor;
}
Policy const* Session::policy() const noexcept {
  return state_->policy ? &*state_->policy : nullptr;
}
std::vector<std::string> Session::protected_apps() const {
  return state_->protected_apps;
}
Fingerprinter const& Session::fingerprinter() const noexcept {
  return state_->fingerprinter;
}

result<void> Session::check(Action action, std::string_view app) const {
  return check_action(*state_, action, app);
}

result<App> Session::info(std::string_view app) const {
  auto const& s = *state_;
  return perform(
      s, Action::info, app, {}, one(app),
      [&](AuditedAction& a) { return a.client().app(std::string(app)).info(); },
      [](App const& a) { return std::string("maintenance ") + (a.maintenance ? "on" : "off"); });
}

result<DynoSummary> Session::dyno_summary(std::string_view app) const {
  auto const& s = *state_;
  return perform(
      s, Action::dynos, app, {}, one(app),
      [&](AuditedAction& a) {
        return ops::dyno_summary(a.client().app(std::string(app)), s.options.now);
      },
      [](DynoSummary const& d) { return std::to_string(d.total()) + " dynos"; });
}

result<std::vector<Release>> Session::recent_releases(std::string_view app, std::size_t n) const {
  auto const& s = *state_;
  return perform(
      s, Action::releases, app, {{"n", std::to_string(n)}}, one(app),
      [&](AuditedAction& a) { return ops::recent_releases(a.client().app(std::string(app)), n); },
      [](std::vector<Release> const& r) { return std::to_string(r.size()) + " releases"; });
}

result<MaskedConfig> Session::masked_config(std::string_view app) const {
  auto const& s = *state_;
  return perform(
      s, Action::masked_config, app, {}, one(app),
      [&](AuditedAction& a) {
        return ops::masked_config(a.client().app(std::string(app)), s.config_options());
      },
      [](MaskedConfig const& m) { return std::to_string(m.vars.size()) + " keys, masked"; });
}

result<ConfigComparison> Session::compare_config(std::string_view app_a,
                                                 std::string_view app_b) const {
  auto const& s = *state_;
  return perform(
      s, Action::compare_config, app_a, {{"other", std::string(app_b)}},
      {std::string(app_a), std::string(app_b)},
      [&](AuditedAction& a) {
        return ops::compare_config(a.client().app(std::string(app_a)),
                                   a.client().app(std::string(app_b)), s.config_options());
      },
      [](ConfigComparison const& c) {
        return std::to_string(c.count(KeyStatus::same)) + " same, " +
               std::to_string(c.count(KeyStatus::differs)) + " differ, " +
               std::to_string(c.count(KeyStatus::only_in_a)) + " only in " + c.app_a + ", " +
               std::to_string(c.count(KeyStatus::only_in_b)) + " only in " + c.app_b;
      });
}

result<std::map<std::string, std::string>> Session::reveal_config(
    std::string_view app, std::vector<std::string> const& keys) const {
  auto const& s = *state_;
  return perform(
      s, Action::reveal_config, app, {{"keys", keys_of(keys)}}, one(app),
      [&](AuditedAction& a) { return ops::reveal_config(a.client().app(std::string(app)), keys); },
      [](std::map<std::string, std::string> const& values) {
        return "revealed " + std::to_string(values.size()) + " values";
      });
}

result<ConfigChange> Session::set_config(std::string_view app,
                                         std::map<std::string, std::string> const& values) const {
  auto const& s = *state_;
  Arguments args;
  for (auto const& [key, value] : values)
    args.emplace_back(key, "fp:" + s.fingerprinter(value));
  return perform(
      s, Action::set_config, app, std::move(args), one(app),
      [&](AuditedAction& a) {
        return ops::set_config(a.client().app(std::string(app)), values, s.change_options(app));
      },
      describe_change);
}

result<ConfigChange> Session::unset_config(std::string_view app,
                                           std::vector<std::string> const& keys) const {
  auto const& s = *state_;
  return perform(
      s, Action::unset_config, app, {{"keys", keys_of(keys)}}, one(app),
      [&](AuditedAction& a) {
        return ops::unset_config(a.client().app(std::string(app)), keys, s.change_options(app));
      },
      describe_change);
}

namespace {
// A rollback restores the target release's config: when that changes keys,
// it is a config change too and needs what set_config needs.
RollbackOptions rollback_options(SessionState const& s, std::string_view app) {
  RollbackOptions o;
  o.may_change_config = !s.policy || s.policy->holds(s.actor, ActionClass::configure, app);
  o.config_permission = "the role " + Policy::role_for(Action::set_config, app) + " (or admin)";
  o.protection.protected_apps = s.protected_apps;
  o.protection.protect_own_app = false;  // already in the list
  if (s.policy) o.protected_exceptions = s.policy->config_rollback_exceptions();
  return o;
}
}  // namespace

result<RollbackResult> Session::rollback(std::string_view app, std::int64_t version) const {
  auto const& s = *state_;
  return perform(
      s, Action::rollback, app, {{"version", std::to_string(version)}}, one(app),
      [&](AuditedAction& a) {
        return ops::rollback(a.client().app(std::string(app)), version, rollback_options(s, app));
      },
      describe_rollback);
}

result<RollbackResult> Session::rollback(std::string_view app, std::string_view version) const {
  auto const& s = *state_;
  return perform(
      s, Action::rollback, app, {{"version", std::string(version)}}, one(app),
      [&](AuditedAction& a) {
        return ops::rollback(a.client().app(std::string(app)), version, rollback_options(s, app));
      },
      describe_rollback);
}

result<RestartResult> Session::restart(std::string_view app, std::string_view target) const {
  auto const& s = *state_;
  return perform(
      s, Action::restart, app, {{"target", target.empty() ? "all" : std::string(target)}}, one(app),
      [&](AuditedAction& a) { return ops::restart(a.client().app(std::string(app)), target); },
      [](RestartResult const& r) { return "restarted " + detail::join(r.dynos, ", "); });
}

namespace {
std::string describe_scale(ScaleResult const& r) {
  std::vector<std::string> parts;
  for (auto const& c : r.changes) {
    parts.push_back(c.type + " " + std::to_string(c.quantity_before) + ":" + c.size_before +
                    " -> " + std::to_string(c.quantity_after) + ":" + c.size_after);
  }
  return detail::join(parts, ", ");
}

std::string spec_of(std::vector<ScaleRequest> const& requests) {
  std::vector<std::string> parts;
  for (auto const& r : requests) {
    std::string part = r.type + "=";
    if (r.quantity) part += std::to_string(*r.quantity);
    if (r.quantity && r.size) part += ":";
    if (r.size) part += *r.size;
    parts.push_back(std::move(part));
  }
  return detail::join(parts, " ");
}
}  // namespace

result<ScaleResult> Session::scale(std::string_view app, std::string_view spec) const {
  auto const& s = *state_;
  return perform(
      s, Action::scale, app, {{"spec", std::string(spec)}}, one(app),
      [&](AuditedAction& a) {
        return ops::scale(a.client().app(std::string(app)), spec, s.options.scale);
      },
      describe_scale);
}

result<ScaleResult> Session::scale(std::string_view app,
                                   std::vector<ScaleRequest> const& requests) const {
  auto const& s = *state_;
  return perform(
      s, Action::scale, app, {{"spec", spec_of(requests)}}, one(app),
      [&](AuditedAction& a) {
        return ops::scale(a.client().app(std::string(app)), requests, s.options.scale);
      },
      describe_scale);
}

namespace {
// The command as the audit trail shows it: a NAME=value word may carry a
// credential (DATABASE_URL=postgres://...), so its value is fingerprinted.
std::string command_for_audit(std::string_view command, Fingerprinter const& fp) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= command.size()) {
    std::size_t end = command.find(' ', pos);
    if (end == std::string_view::npos) end = command.size();
    std::string word(command.substr(pos, end - pos));
    auto eq = word.find('=');
    if (eq != std::string::npos && eq > 0 && word.front() != '-') {
      word = word.substr(0, eq + 1) + "fp:" + fp(word.substr(eq + 1));
    }
    if (!out.empty() || pos != 0) out += ' ';
    out += word;
    pos = end + 1;
  }
  return out;
}
}  // namespace

result<RunResult> Session::run(std::string_view app, std::string_view command) const {
  auto const& s = *state_;
  return perform(
      s, Action::run, app, {{"command", command_for_audit(command, s.fingerprinter)}}, one(app),
      [&](AuditedAction& a) {
        return ops::run(a.client().app(std::string(app)), command, s.options.one_off);
      },
      describe_run);
}

result<RunResult> Session::migrate(std::string_view app) const {
  auto const& s = *state_;
  return perform(
      s, Action::migrate, app, {{"command", s.options.one_off.migrate_command}}, one(app),
      [&](AuditedAction& a) {
        return ops::migrate(a.client().app(std::string(app)), s.options.one_off);
      },
      describe_run);
}

result<MaintenanceWindow> Session::maintenance(std::string_view app) const {
  auto const& s = *state_;
  std::shared_ptr<SessionState const> state = state_;
  std::string name(app);
  auto opened_by = std::make_shared<std::string>();
  MaintenanceWindow::CloseHook hook = [state, name,
                                       opened_by](MaintenanceWindow::Restore const& restore) {
    // Closing is not checked again and runs even when the audit cannot be
    // written: a window once open must always be able to put things back.
    ActionSpec spec;
    spec.actor = state->actor;
    spec.action = std::string(to_string(Action::maintenance));
    spec.app = name;
    spec.arguments = {{"phase", "end"}, {"opened_by", *opened_by}};
    spec.restoring = true;
    return state->runner.run(
        std::move(spec), {}, [&](AuditedAction& a) { return restore(a.client()); },
        [] { return std::string("maintenance back as it was"); });
  };
  return perform(
      s, Action::maintenance, app, {{"phase", "begin"}}, one(app),
      [&](AuditedAction& a) {
        *opened_by = a.id();
        return MaintenanceWindow::open(a.client().app(name), hook);
      },
      [](MaintenanceWindow const& w) {
        return std::string(w.was_on() ? "maintenance was already on" : "maintenance turned on");
      });
}

result<PromoteResult> Session::promote(std::string_view pipeline, std::string_view from_app,
                                       std::vector<std::string> const& targets) const {
  auto const& s = *state_;
  PromoteOptions options = s.options.promote;
  options.wait = with_client_clock(options.wait, s.client);
  return perform(
      s, Action::promote, from_app,
      {{"pipeline", std::string(pipeline)}, {"targets", keys_of(targets)}},
      targets.empty() ? one(from_app) : targets,
      [&](AuditedAction& a) {
        return ops::promote(a.client().pipeline(std::string(pipeline)), from_app, targets, options);
      },
      [](PromoteResult const& r) {
        std::vector<std::string> parts;
        for (auto const& t : r.targets)
          parts.push_back(t.app + " " + t.status);
        return (r.completed ? std::string("completed: ") : std::string("created: ")) +
               detail::join(parts, ", ");
      });
}

}  // namespace herokupp::ops
