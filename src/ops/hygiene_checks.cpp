#include "hygiene_checks.hpp"

#include <herokupp/api/app_feature.hpp>
#include <herokupp/api/formation.hpp>
#include <herokupp/api/log_drain.hpp>
#include <herokupp/api/slug.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/ops/current_release.hpp>
#include <herokupp/ops/recent_releases.hpp>

#include <algorithm>
#include <set>

#include "text.hpp"

namespace herokupp::ops::detail {

namespace {

using Findings = std::vector<HygieneFinding>;

void add(Findings& out, RuleSetting const& setting, std::string_view rule, App const& app,
         std::string message, std::string command) {
  out.push_back(HygieneFinding{std::string(rule), app.name, setting.severity, std::move(message),
                               std::move(command)});
}

bool contains(std::vector<std::string> const& list, std::string const& name) {
  return std::find(list.begin(), list.end(), lower(name)) != list.end();
}

std::string duration_text(std::chrono::minutes m) {
  auto const days = m.count() / (60 * 24);
  auto const hours = (m.count() / 60) % 24;
  auto const minutes = m.count() % 60;
  std::string out;
  if (days > 0) out += std::to_string(days) + "d ";
  if (days > 0 || hours > 0) out += std::to_string(hours) + "h ";
  return out + std::to_string(minutes) + "m";
}

result<void> check_drain(HygieneContext const& c, HygieneFacts const& f, Findings& out) {
  if (!c.rules.log_drain.enabled || f.stage.empty() || !contains(c.rules.log_drain_stages, f.stage))
    return success();
  // The first page answers "any drain at all".
  for (auto const& drain : api::log_drain::list(c.client, f.app.id)) {
    if (!drain) return drain.error();
    return success();
  }
  add(out, c.rules.log_drain, hygiene_rule::log_drain, f.app,
      "the " + f.stage + " app " + f.app.name + " has no log drain: its logs are kept nowhere",
      "heroku drains:add syslog+tls://LOGS.EXAMPLE.COM:PORT -a " + f.app.name);
  return success();
}

void check_owner(HygieneContext const& c, HygieneFacts const& f, Findings& out) {
  if (!c.rules.owner.enabled || c.expected_owner.empty()) return;
  auto const want = lower(c.expected_owner);
  std::string const command = "heroku apps:transfer " + c.expected_owner + " -a " + f.app.name;
  if (f.app.team) {
    if (lower(f.app.team->name) == want || lower(f.app.team->id) == want) return;
    add(out, c.rules.owner, hygiene_rule::owner, f.app,
        f.app.name + " belongs to the team " + f.app.team->name + ", not " + c.expected_owner,
        command);
    return;
  }
  if (lower(f.app.owner.email) == want || lower(f.app.owner.id) == want) return;
  add(out, c.rules.owner, hygiene_rule::owner, f.app,
      f.app.name + " is owned by the personal account " + f.app.owner.email + ", not " +
          c.expected_owner,
      command);
}

void check_stack(HygieneContext const& c, HygieneFacts const& f, Findings& out) {
  auto const& name = f.app.stack.name;
  if (name.empty() || !c.stacks_known) return;
  auto it = c.stack_states.find(name);
  // The API stops listing a stack some time after retiring it.
  std::string const state = it == c.stack_states.end() ? "retired" : lower(it->second);
  std::string const target = c.default_stack.empty() ? "STACK" : c.default_stack;
  std::string const command =
      "heroku stack:set " + target + " -a " + f.app.name + " && git push heroku main";
  if (state == "retired" || contains(c.rules.end_of_life_stacks, name)) {
    if (!c.rules.stack_end_of_life.enabled) return;
    add(out, c.rules.stack_end_of_life, hygiene_rule::stack_end_of_life, f.app,
        f.app.name + " runs on " + name + ", a stack past its end of life" +
            (it == c.stack_states.end() ? " (the platform no longer lists it)" : ""),
        command);
  } else if (state == "deprecated" && c.rules.stack_deprecated.enabled) {
    add(out, c.rules.stack_deprecated, hygiene_rule::stack_deprecated, f.app,
        f.app.name + " runs on " + name + ", a deprecated stack", command);
  }
}

void check_maintenance(HygieneContext const& c, HygieneFacts const& f, Findings& out) {
  if (!c.rules.long_maintenance.enabled || !f.app.maintenance) return;
  // The API has no "maintenance since": updated_at is the newest change of
  // any kind, so the maintenance has lasted at least this long.
  auto const since = f.app.updated_at.time_point();
  if (since.time_since_epoch().count() == 0 || c.now.time_point() < since) return;
  auto const lasted = std::chrono::duration_cast<std::chrono::minutes>(c.now.time_point() - since);
  if (lasted < c.rules.maintenance_limit) return;
  add(out, c.rules.long_maintenance, hygiene_rule::long_maintenance, f.app,
      f.app.name + " has been in maintenance for at least " + duration_text(lasted) + " (since " +
          f.app.updated_at.to_string() + " or earlier; the limit is " +
          duration_text(c.rules.maintenance_limit) + ")",
      "herokupp maintenance " + f.app.name + " off");
}

result<void> check_preboot(HygieneContext const& c, HygieneFacts const& f, Findings& out) {
  if (!c.rules.preboot.enabled || f.stage != "production") return success();
  auto formation = api::formation::list(c.client, f.app.id).collect();
  if (!formation) return formation.error();
  bool const web = std::any_of(formation->begin(), formation->end(), [](Formation const& p) {
    return p.type == "web" && p.quantity > 0;
  });
  if (!web) return success();
  auto feature = api::app_feature::info(c.client, f.app.id, "preboot");
  if (!feature) return feature.error();
  if (feature->enabled) return success();
  add(out, c.rules.preboot, hygiene_rule::preboot, f.app,
      "the production app " + f.app.name +
          " runs web dynos with preboot off: every deploy drops requests while dynos restart",
      "heroku features:enable preboot -a " + f.app.name);
  return success();
}

result<std::string> slug_commit(Client const& client, std::string const& app,
                                std::string const& slug) {
  auto info = api::slug::info(client, app, slug);
  if (!info) {
    if (info.error().kind == ErrorKind::not_found) return std::string();
    return info.error();
  }
  return info->commit.value_or("");
}

result<void> check_unpromoted(HygieneContext const& c, HygieneFacts const& f, Findings& out) {
  if (!c.rules.unpromoted_code.enabled || f.pipeline_id.empty()) return success();
  auto stages = c.stages.find(f.pipeline_id);
  if (stages == c.stages.end()) return success();
  auto const upstream = upstream_stage(stages->second, f.stage);
  if (upstream.empty()) return success();
  auto running = current_release(c.client.app(f.app.id));
  if (!running) return running.error();
  if (!running.value() || !running.value()->slug) return success();
  auto const& release = *running.value();
  auto const slug = release.slug->id;

  std::vector<std::string> const& apps = stages->second.at(upstream);
  std::vector<std::pair<std::string, std::string>> upstream_slugs;  // app, slug id
  for (auto const& up : apps) {
    auto history = recent_releases(c.client.app(up), c.rules.upstream_history);
    if (!history) return history.error();
    for (auto const& r : history.value()) {
      if (!r.slug) continue;
      if (r.slug->id == slug) return success();
      upstream_slugs.emplace_back(up, r.slug->id);
    }
  }
  // A build of the same commit on each stage is the same code.
  auto commit = slug_commit(c.client, f.app.id, slug);
  if (!commit) return commit.error();
  if (!commit->empty()) {
    std::set<std::string> seen;
    for (auto const& [up, id] : upstream_slugs) {
      if (!seen.insert(id).second) continue;
      auto other = slug_commit(c.client, up, id);
      if (!other) return other.error();
      if (*other == *commit) return success();
    }
  }
  auto const pipeline =
      c.pipeline_names.count(f.pipeline_id) ? c.pipeline_names.at(f.pipeline_id) : f.pipeline_id;
  std::string code = "v" + std::to_string(release.version);
  if (!commit->empty()) code += " (commit " + commit->substr(0, 7) + ")";
  add(out, c.rules.unpromoted_code, hygiene_rule::unpromoted_code, f.app,
      f.app.name + " (" + f.stage + ") runs " + code + ", code its upstream stage " + upstream +
          " (" + join(apps, ", ") + ") never ran in its last " +
          std::to_string(c.rules.upstream_history) + " releases",
      "herokupp promote " + pipeline + " -a " + apps.front() + " --to " + f.app.name);
  return success();
}

}  // namespace

std::string upstream_stage(std::map<std::string, std::vector<std::string>> const& stages,
                           std::string const& stage) {
  static char const* const order[] = {"development", "staging", "production"};
  auto const* at = std::find(std::begin(order), std::end(order), stage);
  if (at == std::end(order)) return {};
  while (at != std::begin(order)) {
    --at;
    auto it = stages.find(*at);
    if (it != stages.end() && !it->second.empty()) return it->first;
  }
  return {};
}

result<std::vector<HygieneFinding>> check_app(HygieneContext const& context,
                                              HygieneFacts const& facts) {
  Findings out;
  check_owner(context, facts, out);
  check_stack(context, facts, out);
  check_maintenance(context, facts, out);
  if (auto r = check_drain(context, facts, out); !r) return r.error();
  if (auto r = check_preboot(context, facts, out); !r) return r.error();
  if (auto r = check_unpromoted(context, facts, out); !r) return r.error();
  return out;
}

}  // namespace herokupp::ops::detail
