// The deploy commands: planned deploys and config diffs, confirmed by code.
#include "build_output.hpp"
#include "context.hpp"
#include "handbook.hpp"

#include <herokupp/workflow/change_set.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <sstream>

namespace herokupp::cli {
namespace {

result<workflow::Deployer> deployer(Context& c) {
  auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
  if (!file) return file.error();
  workflow::DeployOptions o;
  o.wait.sleep = progress_sleep(c);
  o.wait.interval = std::chrono::milliseconds(500);
  o.wait.max_interval = std::chrono::seconds(5);
  o.on_progress = [&c](std::string const& line) { progress_line(c, line); };
  o.on_build = [output = std::make_shared<BuildOutput>(c)](Build const& b) { (*output)(b); };
  o.session = session_options(c);
  o.plan_key = c.plan_key;
  o.on_maintenance = [&c](std::string const& app, bool open) { record_window(c, app, open); };
  if (auto minutes = c.env.getenv("HEROKUPP_PLAN_MINUTES")) {
    try {
      auto n = std::stoi(*minutes);
      if (n < 1 || n > 24 * 60) throw std::out_of_range("minutes");
      o.plan_lifetime = std::chrono::minutes(n);
    } catch (std::exception const&) {
      return Error{ErrorKind::invalid_argument, "HEROKUPP_PLAN_MINUTES must be 1..1440"};
    }
  }
  return workflow::Deployer{c.client, std::move(file).value(), c.policy, c.actor, c.audit, o};
}

json plan_json(workflow::DeployPlan const& p, bool with_code) {
  auto j = json::parse(p.to_json());
  if (!with_code) j.erase("confirmation_code");
  return j;
}

}  // namespace

namespace {

json blocked_error(workflow::DeployPlan const& p) {
  std::string keys;
  for (auto const& k : p.preflight->unacknowledged())
    keys += (keys.empty() ? "" : ",") + k;
  return json{
      {"kind", "precondition_failed"},
      {"message", "the promotion is blocked: " + p.app + " lacks " + keys +
                      "; set them there, or plan again with --acknowledge-missing " + keys}};
}

int confirm_plan(Context& c, workflow::Deployer const& d, std::string const& env,
                 DeployArgs const& a, std::string const& state_name, std::string const& planner) {
  auto stored = load_state(c, state_name);
  if (!stored) {
    std::string whose = a.planned_by.empty() ? "" : " by " + a.planned_by;
    return fail(c, Error{ErrorKind::confirmation_required, "no deploy of " + env + " planned" +
                                                               whose + "; run `herokupp deploy " +
                                                               env + "` first"});
  }
  auto plan = workflow::DeployPlan::from_json(*stored);
  if (!plan) return fail(c, plan.error());
  if (!a.source.empty() &&
      (plan->target.source_url != a.source || plan->target.commit != a.commit)) {
    return fail(c, Error{ErrorKind::confirmation_required,
                         "the planned deploy of " + env + " has another target; plan again"});
  }
  if (a.confirm.empty()) {
    // An approver reviews someone else's plan before confirming it.
    std::string again = "herokupp deploy " + env + " --planned-by " + planner + " --confirm " +
                        plan->confirmation_code;
    if (c.opts.json_output) {
      print_json(c, json{{"ok", false},
                         {"plan", json::parse(plan->to_json())},
                         {"error",
                          {{"kind", "confirmation_required"},
                           {"message", "to confirm " + planner + "'s plan: " + again}}}});
    } else {
      print(c, plan->summary() + "To confirm " + planner + "'s plan, run: " + again + "\n");
    }
    return exit_confirmation;
  }
  auto done = d.execute(*plan, a.confirm);
  if (!done) {
    // A mistyped code, or a refused confirmer (the planner themself, no
    // approve), leaves the plan for the right person.
    auto kind = done.error().kind;
    if (kind != ErrorKind::confirmation_required && kind != ErrorKind::policy_denied)
      drop_state(c, state_name);
    return fail(c, done.error());
  }
  drop_state(c, state_name);
  send_notice(c, workflow::deploy_notice(c.client, *plan, *done));
  json steps = json::array();
  std::ostringstream t;
  for (auto const& s : done->steps) {
    steps.push_back({{"step", s.name}, {"outcome", s.outcome}, {"detail", s.detail}});
    t << "  " << s.name << ": " << s.outcome << " (" << s.detail << ")\n";
  }
  t << "Deployed " << plan->environment << " (" << done->app << ") as v" << done->release.version
    << "; tag " << done->tag << "\n";
  if (plan->four_eyes) t << "Planned by " << plan->actor << ", confirmed by " << c.actor << "\n";
  if (!done->release_note.empty()) t << "Release note:\n" << done->release_note;
  json j{{"app", done->app},
         {"release", release_json(done->release)},
         {"tag", done->tag},
         {"release_note", done->release_note},
         {"steps", steps}};
  if (plan->four_eyes) {
    j["planned_by"] = plan->actor;
    j["confirmed_by"] = c.actor;
    j["plan_id"] = plan->plan_id;
  }
  return emit(c, j, t.str());
}

}  // namespace

int cmd_deploy(Context& c, std::string const& env, DeployArgs const& a) {
  auto d = deployer(c);
  if (!d) return fail(c, d.error());
  // Each actor has their own plan: another actor's mistyped code never
  // touches it. An approver names the planner whose plan they confirm.
  std::string const planner = a.planned_by.empty() ? c.actor : a.planned_by;
  std::string state_name = actor_state_name("deploy", env, planner);
  if (!a.source.empty() != !a.commit.empty()) {
    return fail(c, Error{ErrorKind::invalid_argument, "--source and --commit go together"});
  }
  if (!a.confirm.empty() || !a.planned_by.empty()) {
    return confirm_plan(c, *d, env, a, state_name, planner);
  }
  auto target = a.source.empty() ? workflow::DeployTarget::promotion()
                                 : workflow::DeployTarget::source(a.source, a.commit);

  workflow::ChangeSet changes{a.changed, a.subjects};
  auto plan = d->plan_deploy(env, target, changes, a.acknowledge);
  if (!plan) return fail(c, plan.error());
  if (a.changed.empty() && a.subjects.empty() && !plan->nothing_to_deploy) {
    // The change set from git, when the commits are in the repository at hand.
    changes = workflow::git_change_set(a.git_dir, plan->running_commit, plan->target_commit);
    if (!changes.files.empty() || !changes.subjects.empty()) {
      plan = d->plan_deploy(env, target, changes, a.acknowledge);
      if (!plan) return fail(c, plan.error());
    }
  }
  if (plan->nothing_to_deploy) {
    drop_state(c, state_name);
    return emit(c, json{{"plan", plan_json(*plan, false)}}, plan->summary());
  }
  if (plan->blocked()) {
    // Nothing to confirm: no code, nothing kept.
    drop_state(c, state_name);
    auto error = blocked_error(*plan);
    Error e{ErrorKind::precondition_failed, error["message"].get<std::string>()};
    if (c.opts.json_output) {
      print_json(c, json{{"ok", false}, {"plan", plan_json(*plan, false)}, {"error", error}});
      return exit_code_for(e);
    }
    print(c, plan->summary());
    return fail(c, e);
  }
  if (auto saved = save_state(c, state_name, plan->to_json()); !saved)
    return fail(c, saved.error());
  std::string again = plan->four_eyes
                          ? "herokupp deploy " + env + " --planned-by " + c.actor + " --confirm " +
                                plan->confirmation_code
                          : "herokupp deploy " + env + " --confirm " + plan->confirmation_code;
  std::string who = plan->four_eyes
                        ? "To deploy, another person with approve on " + plan->app + " runs: "
                        : "To deploy, run: ";
  if (c.opts.json_output) {
    print_json(c,
               json{{"ok", false},
                    {"plan", plan_json(*plan, true)},
                    {"error",
                     {{"kind", "confirmation_required"}, {"message", "confirm with: " + again}}}});
  } else {
    print(c, plan->summary() + who + again + "\n");
  }
  return exit_confirmation;
}

int cmd_config_diff(Context& c, std::string const& env, bool apply, std::string const& confirm) {
  auto d = deployer(c);
  if (!d) return fail(c, d.error());
  std::string state_name = actor_state_name("config", env, c.actor);
  if (apply && !confirm.empty()) {
    auto stored = load_state(c, state_name);
    if (!stored) {
      return fail(
          c, Error{ErrorKind::confirmation_required,
                   "no config diff for " + env + "; run `herokupp config:diff " + env + "` first"});
    }
    auto diff = workflow::ConfigDiff::from_json(*stored);
    if (!diff) return fail(c, diff.error());
    auto changed = d->apply_config(*diff, confirm);
    if (changed || changed.error().kind == ErrorKind::precondition_failed)
      drop_state(c, state_name);
    return report_change(c, changed);
  }
  auto diff = d->config_diff(env);
  if (!diff) return fail(c, diff.error());
  if (diff->has_changes()) {
    if (auto saved = save_state(c, state_name, diff->to_json()); !saved)
      return fail(c, saved.error());
  } else {
    drop_state(c, state_name);
  }
  std::string again = "herokupp config:apply " + env + " --confirm " + diff->confirmation_code;
  auto j = json::parse(diff->to_json());
  if (!diff->has_changes()) j.erase("confirmation_code");
  std::string text = heading(c, "=== " + diff->app + " against " + c.opts.environments_file) +
                     "\n" + diff->to_string() +
                     (diff->has_changes() ? "To apply the ! and + keys, run: " + again + "\n"
                                          : "Nothing to apply.\n");
  if (apply && diff->has_changes()) {
    // config:apply without a code: show what it would do and ask for the code.
    if (c.opts.json_output) {
      j["ok"] = false;
      j["error"] = {{"kind", "confirmation_required"}, {"message", "confirm with: " + again}};
      print_json(c, j);
    } else {
      print(c, text);
    }
    return exit_confirmation;
  }
  return emit(c, j, text);
}

}  // namespace herokupp::cli
