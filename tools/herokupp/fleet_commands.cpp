// Fleet commands: the masked config and the status of many apps at once,
// fanned out a few at a time under the account's shared throttle.
#include "context.hpp"

#include <herokupp/clients/apps_client.hpp>
#include <herokupp/fan_out.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/fleet.hpp>

#include <algorithm>
#include <mutex>
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

// Exit status of a fleet command: 0 when every app answered, else the code
// of the first failure, so that a script sees that something is missing.
int fleet_exit(std::vector<Error> const& failures) {
  return failures.empty() ? exit_ok : exit_code_for(failures.front());
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
  json list = json::array();
  std::ostringstream text;
  std::vector<Error> failures;
  for (std::size_t i = 0; i < apps->size(); ++i) {
    auto const& app = (*apps)[i];
    if (!configs[i]) {
      failures.push_back(configs[i].error());
      list.push_back({{"app", app}, {"error", error_json(configs[i].error())}});
      text << "=== " << app << ": " << ops::explain(configs[i].error()) << "\n";
      continue;
    }
    json vars = json::array();
    for (auto const& v : configs[i]->vars)
      vars.push_back({{"key", v.key}, {"value", v.mask}, {"fingerprint", v.fingerprint}});
    list.push_back({{"app", app}, {"config", vars}});
    text << heading(c, "=== " + app + " config (values masked)") << "\n" << configs[i]->to_string();
  }
  if (apps->empty()) text << "no apps\n";
  int const shown = emit(c, json{{"apps", list}}, text.str());
  return shown != exit_ok ? shown : fleet_exit(failures);
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
  json list = json::array();
  std::ostringstream text;
  std::vector<Error> failures;
  for (std::size_t i = 0; i < apps->size(); ++i) {
    auto const& app = (*apps)[i];
    if (!statuses[i]) {
      failures.push_back(statuses[i].error());
      list.push_back({{"app", app}, {"error", error_json(statuses[i].error())}});
      text << app << ": " << ops::explain(statuses[i].error()) << "\n";
      continue;
    }
    auto const& s = *statuses[i];
    json dynos = json::array();
    for (auto const& d : s.dynos)
      dynos.push_back({{"name", d.name}, {"type", d.type}, {"state", d.state}});
    list.push_back({{"app", app},
                    {"maintenance", s.maintenance},
                    {"release", s.release ? json(s.release->version) : json(nullptr)},
                    {"dynos_up", s.dynos_up()},
                    {"dynos", dynos}});
    text << s.to_string() << "\n";
  }
  if (apps->empty()) text << "no apps\n";
  int const shown = emit(c, json{{"apps", list}}, text.str());
  return shown != exit_ok ? shown : fleet_exit(failures);
}

}  // namespace herokupp::cli
