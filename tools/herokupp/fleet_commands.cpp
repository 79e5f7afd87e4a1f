// Fleet commands: the masked config and the status of many apps at once,
// fanned out a few at a time under the account's shared throttle.
#include "context.hpp"

#include <herokupp/clients/apps_client.hpp>
#include <herokupp/fan_out.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/fleet.hpp>

#include <algorithm>
#include <mutex>
#include <optional>
#include <sstream>

namespace herokupp::cli {
namespace {

// The apps named, or every app the actor may read with `action`.
result<std::vector<std::string>> fleet_apps(Context& c, std::vector<std::string> const& named,
                                            ops::Action action) {
  if (!named.empty()) return named;
  std::vector<std::string> apps;
  for (auto const& app : c.client.apps().list()) {
    if (!app) return app.error();
    if (c.policy && !c.policy->check(c.actor, action, app->name)) continue;
    apps.push_back(app->name);
  }
  std::sort(apps.begin(), apps.end());
  return apps;
}

// On a terminal, "N/M apps" on one line that the result replaces; off a
// terminal, nothing (the result says it all).
FanOutOptions fan_out_options(Context& c, std::size_t in_flight) {
  FanOutOptions f;
  f.in_flight = in_flight;
  if (c.env.interactive) {
    auto* err = &c.err;
    auto lock = std::make_shared<std::mutex>();
    f.on_progress = [err, lock](FanOutProgress const& p) {
      std::lock_guard<std::mutex> guard(*lock);
      *err << "\r\033[K    " << p.done << "/" << p.total << " apps"
           << (p.failed ? " (" + std::to_string(p.failed) + " failed)" : "") << std::flush;
    };
  }
  return f;
}

void end_progress(Context& c) {
  if (c.env.interactive) c.err << "\r\033[K" << std::flush;
}

json error_json(Error const& e) {
  return {{"kind", std::string(to_string(e.kind))}, {"message", ops::explain(e)}};
}

// One entry per app, in order: what `show` makes of an answer, or the error in
// its place. The exit code is 0 when every app answered, else that of the
// first failure, so that a script sees that something is missing.
template <typename T, typename Show>
int report_fleet(Context& c, std::vector<std::string> const& apps,
                 std::vector<result<T>> const& answers, Show show) {
  json list = json::array();
  std::ostringstream text;
  std::optional<Error> first_failure;
  for (std::size_t i = 0; i < apps.size(); ++i) {
    if (!answers[i]) {
      if (!first_failure) first_failure = answers[i].error();
      list.push_back({{"app", apps[i]}, {"error", error_json(answers[i].error())}});
      text << apps[i] << ": " << ops::explain(answers[i].error()) << "\n";
      continue;
    }
    json entry{{"app", apps[i]}};
    show(*answers[i], entry, text);
    list.push_back(std::move(entry));
  }
  if (apps.empty()) text << "no apps\n";
  int const shown = emit(c, json{{"apps", list}}, text.str());
  if (shown != exit_ok || !first_failure) return shown;
  return exit_code_for(*first_failure);
}

}  // namespace

result<std::size_t> parse_in_flight(std::string const& text) {
  if (text.empty()) return std::size_t{8};
  std::size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(text, &used);
  } catch (std::exception const&) {
    used = 0;
  }
  if (used != text.size() || n < 1 || n > 64) {
    return Error{ErrorKind::invalid_argument, "--in-flight must be a number from 1 to 64"};
  }
  return static_cast<std::size_t>(n);
}

int cmd_fleet_config(Context& c, std::vector<std::string> const& named, std::size_t in_flight) {
  auto apps = fleet_apps(c, named, ops::Action::masked_config);
  if (!apps) return fail(c, apps.error());
  // Through the Session: each app's policy check and audit record, and the
  // user's (or team's) fingerprint key, so that equal values on two apps
  // show equal fingerprints.
  auto const s = session(c);
  auto configs = fan_out(
      *apps, [&s](std::string const& app) { return s.masked_config(app); },
      fan_out_options(c, in_flight));
  end_progress(c);
  return report_fleet(
      c, *apps, configs, [&c](ops::MaskedConfig const& m, json& entry, std::ostream& text) {
        json vars = json::array();
        for (auto const& v : m.vars) {
          vars.push_back({{"key", v.key}, {"value", v.mask}, {"fingerprint", v.fingerprint}});
        }
        entry["config"] = vars;
        text << heading(c, "=== " + m.app + " config (values masked)") << "\n" << m.to_string();
      });
}

int cmd_fleet_status(Context& c, std::vector<std::string> const& named, std::size_t in_flight) {
  auto apps = fleet_apps(c, named, ops::Action::dynos);
  if (!apps) return fail(c, apps.error());
  // Reads, like `apps`: checked against the policy, not audited.
  auto statuses = fan_out(
      *apps,
      [&c](std::string const& app) -> result<ops::AppStatus> {
        if (c.policy) {
          if (auto allowed = c.policy->check(c.actor, ops::Action::dynos, app); !allowed) {
            return allowed.error();
          }
        }
        return ops::app_status(c.client.app(app));
      },
      fan_out_options(c, in_flight));
  end_progress(c);
  return report_fleet(c, *apps, statuses,
                      [](ops::AppStatus const& s, json& entry, std::ostream& text) {
                        json dynos = json::array();
                        for (auto const& d : s.dynos)
                          dynos.push_back({{"name", d.name}, {"type", d.type}, {"state", d.state}});
                        entry["maintenance"] = s.maintenance;
                        entry["release"] = s.release ? json(s.release->version) : json(nullptr);
                        entry["dynos_up"] = s.dynos_up();
                        entry["dynos"] = dynos;
                        text << s.to_string() << "\n";
                      });
}

}  // namespace herokupp::cli
