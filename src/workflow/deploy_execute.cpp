// Executing: a confirmed plan run step by step, audited, maintenance closed
// whatever happens.
#include "deploy_detail.hpp"

#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <algorithm>
#include <thread>

namespace herokupp::workflow {

using detail::record;
using detail::running_commit;
using detail::short_commit;
using detail::with_context;

result<DeployResult> Deployer::execute(DeployPlan const& plan, std::string_view code) const {
  auto audit = record(actor_, "deploy", plan.app);
  audit.arguments = {{"environment", plan.environment}, {"commit", plan.target_commit}};
  auto finish = [&](result<DeployResult> r) -> result<DeployResult> {
    if (audit_) {
      if (r) {
        audit.outcome = "ok";
        audit.message = "released " + r->tag + " (" + short_commit(plan.target_commit) + ")";
      } else {
        auto kind = r.error().kind;
        audit.outcome = (kind == ErrorKind::policy_denied || kind == ErrorKind::protected_app ||
                         kind == ErrorKind::confirmation_required)
                            ? "denied"
                            : "error";
        audit.error = std::string(herokupp::to_string(kind));
        audit.message = r.error().message;
      }
      (void)audit_->write(audit);
    }
    return r;
  };
  auto progress = [&](std::string const& line) {
    if (options_.on_progress) options_.on_progress(line);
  };

  if (plan.confirmation_code.empty() || code != plan.confirmation_code) {
    return finish(Error{ErrorKind::confirmation_required,
                        "the confirmation code does not match the plan; nothing was changed"});
  }
  if (plan.nothing_to_deploy) {
    return finish(Error{
        ErrorKind::precondition_failed,
        "nothing to deploy: " + plan.app + " already runs " + short_commit(plan.target_commit)});
  }
  if (auto allowed = session_.check(ops::Action::deploy, plan.app); !allowed) {
    return finish(allowed.error());
  }
  std::vector<std::string> also;
  if (!plan.upstream_app.empty()) also.push_back(plan.upstream_app);
  auto now_running = running_commit(client_, plan.app, also);
  if (!now_running) return finish(now_running.error());
  if (*now_running != plan.running_commit) {
    return finish(Error{ErrorKind::precondition_failed,
                        plan.app + " changed since the plan was made; plan the deploy again"});
  }

  DeployResult out;
  out.app = plan.app;
  std::optional<ops::MaintenanceWindow> window;
  if (plan.maintenance) {
    progress("maintenance on for " + plan.app);
    auto opened = session_.maintenance(plan.app);
    if (!opened) return finish(with_context(opened.error(), "maintenance on"));
    window.emplace(std::move(opened).value());
    out.steps.push_back({"maintenance on", "ok", plan.maintenance_reason});
  }

  auto work = [&]() -> result<void> {
    AppClient app = client_.app(plan.app);
    std::string release_id;
    if (plan.target.kind == DeployTarget::Kind::source) {
      progress("building " + short_commit(plan.target_commit) + " on " + plan.app);
      auto build =
          app.builds().create(SourceBlob{plan.target.source_url, plan.target.commit, std::nullopt});
      if (!build) return with_context(build.error(), "build");
      auto sleep = options_.wait.sleep ? options_.wait.sleep : client_.options().sleep;
      auto now = options_.wait.now ? options_.wait.now : client_.options().now;
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
      }
      if (build->status != Build::Status::succeeded) {
        out.steps.push_back({"build", "error", "build " + build->status.raw});
        return Error{ErrorKind::precondition_failed,
                     "build failed (status " + build->status.raw + ")"};
      }
      out.steps.push_back({"build", "ok", "built " + short_commit(plan.target_commit)});
      if (build->release) release_id = build->release->id;
    } else {
      progress("promoting " + plan.upstream_app + " to " + plan.app);
      auto promoted = session_.promote(plan.pipeline, plan.upstream_app, {plan.app});
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
    out.steps.push_back({"release", "ok", "v" + std::to_string(release->version)});
    for (auto const& action : plan.actions) {
      progress("running " + action.name + ": " + action.command);
      auto ran = session_.run(plan.app, action.command);
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

result<ops::ConfigChange> Deployer::apply_config(ConfigDiff const& diff,
                                                 std::string_view code) const {
  if (diff.confirmation_code.empty() || code != diff.confirmation_code) {
    if (audit_) {
      auto r = record(actor_, "apply_config", diff.app);
      r.arguments = {{"environment", diff.environment}};
      r.outcome = "denied";
      r.error = "confirmation_required";
      r.message = "the confirmation code does not match the diff; nothing was changed";
      (void)audit_->write(r);
    }
    return Error{ErrorKind::confirmation_required,
                 "the confirmation code does not match the diff; nothing was changed"};
  }
  auto const* env = file_.find(diff.environment);
  if (env == nullptr) {
    return Error{ErrorKind::invalid_argument, "no environment `" + diff.environment + "`"};
  }
  std::map<std::string, std::string> values;
  for (auto const& k : diff.keys) {
    if (k.status != '!' && k.status != '+') continue;
    auto it = env->settings.find(k.key);
    if (it != env->settings.end()) values[k.key] = it->second;
  }
  if (values.empty()) {
    return Error{ErrorKind::precondition_failed,
                 "nothing to apply: " + diff.app + " matches the file"};
  }
  return session_.set_config(env->app_name, values);
}

}  // namespace herokupp::workflow
