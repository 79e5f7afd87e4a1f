#include <herokupp/api/app.hpp>
#include <herokupp/api/pipeline.hpp>
#include <herokupp/api/pipeline_coupling.hpp>
#include <herokupp/api/stack.hpp>
#include <herokupp/api/team_app.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/ops/hygiene.hpp>

#include <algorithm>
#include <set>

#include "hygiene_checks.hpp"
#include "text.hpp"

namespace herokupp::ops {

namespace {

using detail::HygieneContext;
using detail::HygieneFacts;

bool not_visible(Error const& e) {
  return e.kind == ErrorKind::forbidden || e.kind == ErrorKind::not_found;
}

/// The first pass over one app: its details and its place in a pipeline.
struct FirstLook {
  std::string given;
  std::optional<HygieneFacts> facts;  ///< empty: not visible
  std::optional<Error> error;         ///< neither visible nor invisible: unchecked
  std::string hidden_by;              ///< why an app the key sees is not checked
};

FirstLook first_look(Client const& client, std::string const& name, HygieneOptions const& options) {
  FirstLook look;
  look.given = name;
  auto info = api::app::info(client, name);
  if (!info) {
    if (!not_visible(info.error())) look.error = info.error();
    return look;
  }
  if (options.may_check && !options.may_check(detail::lower(info->name))) {
    look.given = info->name;
    look.hidden_by = "the policy does not let this actor read it";
    return look;
  }
  HygieneFacts facts;
  facts.app = std::move(info).value();
  auto coupling = api::pipeline_coupling::info_by_app(client, facts.app.id);
  if (coupling) {
    facts.pipeline_id = coupling->pipeline.id;
    facts.stage = coupling->stage.raw;
  } else if (coupling.error().kind != ErrorKind::not_found) {
    look.error = coupling.error();
  }
  look.facts = std::move(facts);
  return look;
}

void read_stacks(HygieneContext& context) {
  auto stacks = api::stack::list(context.client).collect();
  if (!stacks) {
    context.stacks_error = stacks.error().message;
    return;
  }
  context.stacks_known = true;
  for (auto const& s : stacks.value()) {
    context.stack_states[s.name] = s.state;
    if (s.default_) context.default_stack = s.name;
  }
}

/// Every stage's apps of each pipeline the visible apps belong to (upstream
/// apps outside the scope count too). A pipeline that cannot be read leaves
/// its apps' unpromoted-code check out and says so.
std::map<std::string, std::string> read_pipelines(HygieneContext& context,
                                                  std::vector<FirstLook> const& looks) {
  std::map<std::string, std::string> failures;  // pipeline id -> why
  std::set<std::string> ids;
  std::map<std::string, std::string> names;  // app id -> name, of the apps already read
  for (auto const& l : looks) {
    if (l.facts) names[l.facts->app.id] = l.facts->app.name;
    if (l.facts && !l.facts->pipeline_id.empty()) ids.insert(l.facts->pipeline_id);
  }
  for (auto const& id : ids) {
    auto info = api::pipeline::info(context.client, id);
    if (info) context.pipeline_names[id] = info->name;
    auto couplings = context.client.pipeline(id).couplings().list().collect();
    if (!couplings) {
      failures[id] = couplings.error().message;
      continue;
    }
    auto& stages = context.stages[id];
    for (auto const& c : couplings.value()) {
      if (auto known = names.find(c.app.id); known != names.end()) {
        stages[c.stage.raw].push_back(known->second);
        continue;
      }
      auto app = api::app::info(context.client, c.app.id);
      // An upstream app the key cannot see leaves nothing to compare with.
      if (app) stages[c.stage.raw].push_back(app->name);
    }
    for (auto& [stage, apps] : stages)
      std::sort(apps.begin(), apps.end());
  }
  return failures;
}

HygieneFinding finding(RuleSetting const& setting, std::string_view rule, std::string app,
                       std::string message, std::string command) {
  return HygieneFinding{std::string(rule), std::move(app), setting.severity, std::move(message),
                        std::move(command)};
}

HygieneReport run(Client const& client, std::vector<std::string> const& names,
                  HygieneOptions const& options, std::string const& scope_team) {
  std::vector<std::string> apps;
  std::set<std::string> seen;
  for (auto const& n : names) {
    if (!n.empty() && seen.insert(detail::lower(n)).second) apps.push_back(n);
  }

  HygieneContext context{client, options.rules};
  context.now = options.now ? options.now() : Timestamp::now();
  context.expected_owner =
      options.rules.expected_owner.empty() ? scope_team : options.rules.expected_owner;

  auto looks = herokupp::fan_out(
      apps,
      [&](std::string const& n) -> result<FirstLook> { return first_look(client, n, options); },
      options.fan_out);
  std::vector<FirstLook> seen_apps;
  std::set<std::string> ids;  // an app named once by name and once by id is one app
  for (std::size_t i = 0; i < looks.size(); ++i) {
    if (looks[i]) {
      if (looks[i]->facts && !ids.insert(looks[i]->facts->app.id).second) continue;
      seen_apps.push_back(std::move(looks[i]).value());
    } else {
      FirstLook l;
      l.given = apps[i];
      l.error = looks[i].error();
      seen_apps.push_back(std::move(l));
    }
  }
  if (options.rules.stack_end_of_life.enabled || options.rules.stack_deprecated.enabled) {
    read_stacks(context);
  }
  std::map<std::string, std::string> pipeline_failures;
  if (options.rules.unpromoted_code.enabled) pipeline_failures = read_pipelines(context, seen_apps);

  std::vector<HygieneFacts> visible;
  for (auto const& l : seen_apps) {
    if (l.facts && !l.error) visible.push_back(*l.facts);
  }
  auto checked = herokupp::fan_out(
      visible, [&](HygieneFacts const& f) { return detail::check_app(context, f); },
      options.fan_out);

  HygieneReport report;
  auto const& rules = options.rules;
  std::size_t next = 0;
  for (auto const& l : seen_apps) {
    HygieneApp app;
    app.app = l.facts ? l.facts->app.name : l.given;
    if (l.facts) {
      app.stage = l.facts->stage;
      auto name = context.pipeline_names.find(l.facts->pipeline_id);
      app.pipeline = name != context.pipeline_names.end() ? name->second : l.facts->pipeline_id;
    }
    if (!l.facts && !l.error) {
      app.visible = false;
      app.checked = false;
      if (rules.not_visible.enabled) {
        report.findings.push_back(
            finding(rules.not_visible, hygiene_rule::not_visible, app.app,
                    "the app " + detail::quoted(app.app) + " is not visible " +
                        (l.hidden_by.empty() ? "to this API key (no such app, or no access)"
                                             : "here: " + l.hidden_by) +
                        ": nothing was checked",
                    "heroku access -a " + app.app));
      }
    } else if (l.error) {
      app.checked = false;
      if (rules.unchecked.enabled) {
        report.findings.push_back(finding(rules.unchecked, hygiene_rule::unchecked, app.app,
                                          "could not check " + app.app + ": " + l.error->message,
                                          "herokupp hygiene -a " + app.app));
      }
    } else {
      auto& r = checked[next++];
      if (r) {
        for (auto& f : r.value())
          report.findings.push_back(std::move(f));
      } else {
        app.checked = false;
        if (rules.unchecked.enabled) {
          report.findings.push_back(finding(rules.unchecked, hygiene_rule::unchecked, app.app,
                                            "could not check " + app.app + ": " + r.error().message,
                                            "herokupp hygiene -a " + app.app));
        }
      }
      bool const stack_rules = rules.stack_end_of_life.enabled || rules.stack_deprecated.enabled;
      if (stack_rules && !context.stacks_known && rules.unchecked.enabled) {
        report.findings.push_back(
            finding(rules.unchecked, hygiene_rule::unchecked, app.app,
                    "could not check the stack of " + app.app +
                        ": the stack list could not be read: " + context.stacks_error,
                    "heroku stack -a " + app.app));
      }
      auto failed = pipeline_failures.find(l.facts->pipeline_id);
      if (failed != pipeline_failures.end() && rules.unchecked.enabled) {
        report.findings.push_back(
            finding(rules.unchecked, hygiene_rule::unchecked, app.app,
                    "could not compare " + app.app + " with its upstream: " + failed->second,
                    "heroku pipelines:info " + app.pipeline));
      }
    }
    report.apps.push_back(std::move(app));
  }
  std::sort(report.apps.begin(), report.apps.end(),
            [](HygieneApp const& a, HygieneApp const& b) { return a.app < b.app; });
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](HygieneFinding const& a, HygieneFinding const& b) {
                     return std::tie(a.app, a.rule) < std::tie(b.app, b.rule);
                   });
  return report;
}

}  // namespace

HygieneReport hygiene(Client const& client, std::vector<std::string> const& apps,
                      HygieneOptions const& options) {
  return run(client, apps, options, {});
}

result<HygieneReport> hygiene(Client const& client, HygieneScope const& scope,
                              HygieneOptions const& options) {
  if (scope.pipeline.empty() && scope.team.empty() && scope.filter.empty() && scope.apps.empty()) {
    return Error(ErrorKind::invalid_argument,
                 "hygiene needs a scope: a pipeline, a team, a name filter or apps");
  }
  std::vector<std::string> names = scope.apps;
  if (!scope.pipeline.empty()) {
    auto couplings = client.pipeline(scope.pipeline).couplings().list().collect();
    if (!couplings) return couplings.error();
    for (auto const& c : couplings.value())
      names.push_back(c.app.id);
  }
  std::string team_name;
  if (!scope.team.empty()) {
    auto team_apps = api::team_app::list_by_team(client, scope.team).collect();
    if (!team_apps) return team_apps.error();
    for (auto const& a : team_apps.value())
      names.push_back(a.name);
    team_name = scope.team;
  }
  if (!scope.filter.empty()) {
    auto all = api::app::list(client).collect();
    if (!all) return all.error();
    auto const needle = detail::lower(scope.filter);
    for (auto const& a : all.value()) {
      if (detail::lower(a.name).find(needle) != std::string::npos) names.push_back(a.name);
    }
  }
  return run(client, names, options, team_name);
}

}  // namespace herokupp::ops
