// Executing: a confirmed plan run step by step, audited, maintenance closed
// whatever happens.
#include "deploy_detail.hpp"

#include <herokupp/ops/audited_action.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <algorithm>
#include <map>
#include <thread>

namespace herokupp::workflow {

using detail::short_commit;
using detail::with_context;

namespace {

// The code typed must be the MAC of what was reviewed (`expected`) and the
// code stored with it: a `what` (plan, diff) edited after review, or a
// mistyped code, fails here.
result<void> code_matches(std::string_view code, std::string const& expected,
                          std::string const& stored, std::string_view what) {
  if (stored.empty() || !ops::equal_in_constant_time(code, expected) ||
      !ops::equal_in_constant_time(code, stored)) {
    std::string const w(what);
    return Error{ErrorKind::confirmation_required,
                 "the confirmation code does not match the " + w +
                     ": the code is mistyped, or the " + w +
                     " changed since it was reviewed; nothing was changed"};
  }
  return success();
}

}  // namespace

result<DeployResult> Deployer::execute(DeployPlan const& plan, std::string_view code) const {
  auto progress = [&](std::string const& line) {
    if (options_.on_progress) options_.on_progress(line);
  };
  // Every refusal below happens in the runner's check: recorded, and before
  // the "started" record and the first write.
  auto check = [&](Client const&) -> result<void> {
    // A blocked plan has no code to match: say why instead.
    if (plan.blocked()) {
      return Error{ErrorKind::precondition_failed,
                   "the promotion is blocked: " + plan.app + " lacks " +
                       detail::joined(plan.preflight->unacknowledged()) +
                       "; set them, or plan again acknowledging them; nothing was changed"};
    }
    // A foreign source or another command edited into the plan fails here.
    if (auto reviewed = code_matches(code, sign(plan.canonical()), plan.confirmation_code, "plan");
        !reviewed) {
      return reviewed.error();
    }
    if (auto confirmer = check_confirmer(plan); !confirmer) return confirmer.error();
    if (now() > plan.expires_at) {
      return Error{ErrorKind::confirmation_required,
                   "the plan expired at " + plan.expires_at.to_string() +
                       "; plan the deploy again; nothing was changed"};
    }
    if (plan.nothing_to_deploy) {
      return Error{
          ErrorKind::precondition_failed,
          "nothing to deploy: " + plan.app + " already runs " + short_commit(plan.target_commit)};
    }
    // The plan as it would be made now must be the plan reviewed: the same
    // file, the same target release, the same pinned source.
    auto again = make_plan(plan.actor, plan.environment, plan.target,
                           ChangeSet{plan.files, plan.subjects}, plan.acknowledged_missing);
    if (!again) return again.error();
    if (auto what = detail::first_difference(plan, *again); !what.empty()) {
      return Error{ErrorKind::precondition_failed, "the plan changed since it was reviewed (" +
                                                       what +
                                                       "); nothing was changed; plan the deploy "
                                                       "again"};
    }
    return success();
  };
  ops::ActionSpec spec;
  spec.actor = actor_;
  spec.action = "deploy";
  spec.app = plan.app;
  spec.arguments = {{"environment", plan.environment}, {"commit", plan.target_commit}};
  if (!plan.plan_id.empty()) spec.arguments.emplace_back("plan_id", plan.plan_id);
  if (plan.four_eyes) {
    spec.arguments.emplace_back("planned_by", plan.actor);
    spec.arguments.emplace_back("confirmed_by", actor_);
  }
  if (!plan.acknowledged_missing.empty()) {
    spec.arguments.emplace_back("acknowledged_missing", detail::joined(plan.acknowledged_missing));
  }
  ops::AuditedActionOptions runner_options;
  runner_options.now = options_.session.now;
  ops::AuditedActionRunner runner{client_, audit_, runner_options};
  auto begun = runner.begin(spec, check);
  if (!begun) return begun.error();
  ops::AuditedAction& action = begun.value();
  // The steps run through the action's Client, so the deploy's record lists
  // every request id, its steps' included.
  Client const client = action.client();
  // A four-eyes deploy runs on its planner's grants: the approver holds
  // approve, not necessarily operate.
  ops::Session const session{client, policy_, plan.four_eyes ? plan.actor : actor_, audit_,
                             detail::session_options(file_, options_)};
  auto finish = [&](result<DeployResult> r) -> result<DeployResult> {
    if (r) action.add_argument("released_commit", r->released_commit);
    return action.finish(std::move(r), [](DeployResult const& d) {
      return "released " + d.tag + " (" + detail::short_commit(d.released_commit) + ")";
    });
  };

  DeployResult out;
  out.app = plan.app;
  std::optional<ops::MaintenanceWindow> window;
  if (plan.maintenance) {
    progress("maintenance on for " + plan.app);
    auto opened = session.maintenance(plan.app);
    if (!opened) return finish(with_context(opened.error(), "maintenance on"));
    window.emplace(std::move(opened).value());
    if (options_.on_maintenance && !window->was_on()) options_.on_maintenance(plan.app, true);
    out.steps.push_back({"maintenance on", "ok", plan.maintenance_reason});
  }

  auto work = [&]() -> result<void> {
    AppClient app = client.app(plan.app);
    std::string release_id;
    if (plan.target.kind == DeployTarget::Kind::source) {
      progress("building " + short_commit(plan.target_commit) + " on " + plan.app);
      auto build =
          app.builds().create(SourceBlob{plan.target.source_url, plan.target.commit, std::nullopt});
      if (!build) return with_context(build.error(), "build");
      if (options_.on_build) options_.on_build(*build);
      auto sleep = options_.wait.sleep ? options_.wait.sleep : client.options().sleep;
      auto now = options_.wait.now ? options_.wait.now : client.options().now;
      if (!now) now = [] { return std::chrono::steady_clock::now(); };
      if (!sleep) sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
      auto deadline = now() + options_.wait.timeout;
      auto pause = options_.wait.interval;
      while (build->status == Build::Status::pending) {
        if (now() >= deadline) return Error{ErrorKind::timeout, "build did not finish in time"};
        sleep(pause);
        pause = std::min(options_.wait.max_interval,
                         std::chrono::milliseconds(pause.count() + pause.count() / 2));
        build = app.builds().info(build->id);
        if (!build) return with_context(build.error(), "build");
        if (options_.on_build) options_.on_build(*build);
      }
      if (build->status != Build::Status::succeeded) {
        out.steps.push_back({"build", "error", "build " + build->status.raw});
        return Error{ErrorKind::precondition_failed,
                     "build failed (status " + build->status.raw + ")"};
      }
      out.steps.push_back({"build", "ok", "built " + short_commit(plan.target_commit)});
      if (build->release) release_id = build->release->id;
    } else {
      // Heroku promotes whatever the upstream runs at that moment, so check
      // it still runs the pinned release right before, and the result after.
      auto source = detail::running(client, plan.upstream_app);
      if (!source) return with_context(source.error(), "promote");
      if (!source->release || source->release->id != plan.source_release_id ||
          source->slug_id != plan.source_slug_id) {
        return Error{ErrorKind::precondition_failed,
                     "the plan changed since it was reviewed (" + plan.upstream_app +
                         " no longer runs the reviewed release); nothing was changed"};
      }
      progress("promoting " + plan.upstream_app + " to " + plan.app);
      auto promoted = session.promote(plan.pipeline, plan.upstream_app, {plan.app});
      if (!promoted) return with_context(promoted.error(), "promote");
      if (!promoted->succeeded()) {
        std::string why = "promotion did not succeed";
        for (auto const& t : promoted->targets) {
          if (t.error_message) why = *t.error_message;
        }
        out.steps.push_back({"promote", "error", why});
        return Error{ErrorKind::precondition_failed, "promote failed: " + why};
      }
      out.steps.push_back({"promote", "ok", "promoted " + plan.upstream_app});
      if (!promoted->targets.empty() && promoted->targets.front().release_id) {
        release_id = *promoted->targets.front().release_id;
      }
    }
    result<Release> release = Error{ErrorKind::not_found, "no release"};
    if (!release_id.empty()) {
      release = app.releases().info(release_id);
    } else {
      auto newest = ops::recent_releases(app, 1);
      if (newest && !newest->empty()) release = newest->front();
    }
    if (!release) return with_context(release.error(), "release");
    if (release->status == Release::Status::failed) {
      out.steps.push_back({"release", "error", "v" + std::to_string(release->version) + " failed"});
      return Error{ErrorKind::precondition_failed,
                   "release v" + std::to_string(release->version) + " failed"};
    }
    out.release = *release;
    // What was released, read back from the platform: the slug must be the
    // pinned one (promotion) or hold the pinned commit (build).
    std::vector<std::string> also;
    if (!plan.upstream_app.empty()) also.push_back(plan.upstream_app);
    auto released = detail::commit_of(client, plan.app, out.release, also);
    if (!released) return with_context(released.error(), "release");
    out.released_commit = *released;
    std::string slug_id = out.release.slug ? out.release.slug->id : std::string();
    bool as_planned = plan.target.kind == DeployTarget::Kind::source
                          ? out.released_commit == plan.target.commit
                          : slug_id == plan.source_slug_id;
    if (!as_planned) {
      std::string what = "v" + std::to_string(out.release.version) + " runs " +
                         (out.released_commit.empty() ? std::string("an unknown commit")
                                                      : short_commit(out.released_commit)) +
                         ", not the reviewed " + short_commit(plan.target_commit);
      out.steps.push_back({"verify", "error", what});
      std::string back = "; " + plan.app + " was NOT rolled back";
      if (!plan.running_release_id.empty()) {
        auto undone = app.releases().rollback(plan.running_release_id);
        back = undone ? "; " + plan.app + " was rolled back to the release it ran before (now v" +
                            std::to_string(undone->version) + ")"
                      : "; rolling " + plan.app + " back FAILED: " + undone.error().message;
        out.steps.push_back({"rollback", undone ? "ok" : "error", back.substr(2)});
      }
      return Error{ErrorKind::precondition_failed,
                   "the deploy released other code: " + what + back};
    }
    out.steps.push_back({"release", "ok", "v" + std::to_string(release->version)});
    for (auto const& action : plan.actions) {
      progress("running " + action.name + ": " + action.command);
      auto ran = session.run(plan.app, action.command);
      if (!ran) {
        out.steps.push_back({action.name, "error", ops::explain(ran.error())});
        return with_context(ran.error(), action.name);
      }
      if (ran->finished && (ran->final_state == "crashed" || ran->final_state == "failed")) {
        out.steps.push_back({action.name, "error", "ended " + ran->final_state});
        return Error{ErrorKind::precondition_failed,
                     action.name + " failed: " + ran->dyno.name + " ended " + ran->final_state};
      }
      out.steps.push_back({action.name, "ok", ran->dyno.name + " finished"});
    }
    return success();
  };

  auto outcome = work();
  if (window) {
    progress("maintenance off for " + plan.app);
    auto closed = window->close();
    if (closed && options_.on_maintenance && !window->was_on())
      options_.on_maintenance(plan.app, false);
    out.steps.push_back({"maintenance off", closed ? "ok" : "error",
                         closed ? "maintenance restored" : ops::explain(closed.error())});
    if (outcome && !closed) return finish(with_context(closed.error(), "maintenance off"));
    if (!outcome && !closed) {
      Error e = outcome.error();
      e.message += "; maintenance could not be turned off: " + closed.error().message;
      return finish(e);
    }
  }
  if (!outcome) {
    Error e = outcome.error();
    if (window) e.message += " (maintenance is off again)";
    return finish(e);
  }
  out.release_note = release_note(plan.subjects);
  out.tag = "v" + std::to_string(out.release.version);
  return finish(out);
}

result<void> Deployer::check_confirmer(DeployPlan const& plan) const {
  if (!plan.four_eyes) {
    if (plan.actor == actor_) return success();
    return Error{ErrorKind::confirmation_required,
                 "the plan was made by " + plan.actor + ", not " + actor_ +
                     "; plan the deploy yourself; nothing was changed"};
  }
  auto const may = detail::approvers_for(policy_, plan);
  std::string const role = "heroku-" + plan.app + ":approve";
  std::string const who =
      may.empty()
          ? "nobody may yet: the policy must grant " + role + " to someone other than " + plan.actor
          : "it may be confirmed by " + detail::joined(may) + " (" + role + ")";
  if (plan.actor == actor_) {
    return Error{ErrorKind::policy_denied, "four eyes: " + plan.actor + " planned this deploy of " +
                                               plan.app + ", so another person must confirm it; " +
                                               who + "; nothing was changed"};
  }
  if (!policy_ || !policy_->holds(actor_, ops::ActionClass::approve, plan.app)) {
    return Error{ErrorKind::policy_denied, "four eyes: " + actor_ + " may not confirm a plan for " +
                                               plan.app + " (that needs " + role + "); " + who +
                                               "; nothing was changed"};
  }
  return success();
}

result<ops::ConfigChange> Deployer::apply_config(ConfigDiff const& diff,
                                                 std::string_view code) const {
  std::map<std::string, std::string> values;
  auto check = [&](Client const&) -> result<void> {
    if (auto reviewed = code_matches(code, sign(diff.canonical()), diff.confirmation_code, "diff");
        !reviewed) {
      return reviewed.error();
    }
    if (diff.actor != actor_) {
      return Error{ErrorKind::confirmation_required,
                   "the diff was made by " + diff.actor + ", not " + actor_ +
                       "; run config:diff yourself; nothing was changed"};
    }
    if (now() > diff.expires_at) {
      return Error{ErrorKind::confirmation_required,
                   "the diff expired at " + diff.expires_at.to_string() +
                       "; run config:diff again; nothing was changed"};
    }
    // The diff made now must be the diff reviewed: same file values (by
    // fingerprint), same app config, same file.
    auto again = config_diff(diff.environment);
    if (!again) return again.error();
    if (auto what = detail::first_difference(diff, *again); !what.empty()) {
      return Error{ErrorKind::precondition_failed,
                   "the plan changed since it was reviewed (" + what +
                       "): the environments file or the app's config is not what was "
                       "reviewed; nothing was changed; run config:diff again"};
    }
    auto const* env = file_.find(diff.environment);
    if (env == nullptr) {
      return Error{ErrorKind::invalid_argument, "no environment `" + diff.environment + "`"};
    }
    for (auto const& k : diff.keys) {
      if (k.status != '!' && k.status != '+') continue;
      auto it = env->settings.find(k.key);
      if (it != env->settings.end()) values[k.key] = it->second;
    }
    if (values.empty()) {
      return Error{ErrorKind::precondition_failed,
                   "nothing to apply: " + diff.app + " matches the file"};
    }
    return success();
  };
  ops::ActionSpec spec;
  spec.actor = actor_;
  spec.action = "apply_config";
  spec.app = diff.app;
  spec.arguments = {{"environment", diff.environment}};
  for (auto const& k : diff.keys) {
    if (!k.fingerprint.empty()) spec.arguments.emplace_back(k.key, "fp:" + k.fingerprint);
  }
  ops::AuditedActionOptions runner_options;
  runner_options.now = options_.session.now;
  ops::AuditedActionRunner runner{client_, audit_, runner_options};
  auto begun = runner.begin(spec, check);
  if (!begun) return begun.error();
  ops::AuditedAction& action = begun.value();
  ops::Session const session{action.client(), policy_, actor_, audit_,
                             detail::session_options(file_, options_)};
  return action.finish(session.set_config(diff.app, values), [](ops::ConfigChange const& c) {
    return "set " + std::to_string(c.added.size() + c.changed.size()) + " keys as reviewed";
  });
}

}  // namespace herokupp::workflow
