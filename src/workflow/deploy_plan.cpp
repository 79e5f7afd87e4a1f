// Planning: what a deploy or a config change will do, before anything changes.
#include "deploy_detail.hpp"

#include <herokupp/workflow/deploy.hpp>

#include <set>

namespace herokupp::workflow {

std::string confirmation_code(std::string_view mac_hex) {
  // 31 letters and digits that cannot be misread; eight of them carry about
  // 40 bits, and a plan lives minutes, so guessing is hopeless.
  static constexpr char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::string code;
  for (std::size_t i = 0; i + 1 < mac_hex.size() && code.size() < 8; i += 2) {
    auto byte = std::stoul(std::string(mac_hex.substr(i, 2)), nullptr, 16);
    code.push_back(alphabet[byte % (sizeof(alphabet) - 1)]);
  }
  return code;
}

std::string release_note(std::vector<std::string> const& subjects) {
  std::string note;
  for (auto const& s : subjects)
    note += "- " + s + "\n";
  return note;
}

// --- Deployer -------------------------------------------------------------------

Deployer::Deployer(Client client, EnvironmentsFile file, std::optional<ops::Policy> policy,
                   std::string actor, std::shared_ptr<ops::AuditSink> audit, DeployOptions options)
    : client_(client),
      file_(std::move(file)),
      policy_(policy ? std::move(policy) : file_.policy),
      actor_(actor),
      audit_(audit),
      options_(std::move(options)),
      session_(client, policy_, actor, audit, detail::session_options(file_, options_)) {
  if (!options_.plan_key.enabled()) options_.plan_key = ops::Fingerprinter::random();
}

Timestamp Deployer::now() const {
  return options_.now ? options_.now() : Timestamp::now();
}

std::string Deployer::sign(std::string const& canonical) const {
  return confirmation_code(options_.plan_key.mac(canonical));
}

std::string Deployer::file_digest() const {
  return options_.plan_key.derive("environments file").mac(file_.text);
}

result<DeployPlan> Deployer::plan_deploy(std::string_view environment, DeployTarget const& target,
                                         ChangeSet const& changes) const {
  return plan_deploy(environment, target, changes, {});
}

result<DeployPlan> Deployer::plan_deploy(
    std::string_view environment, DeployTarget const& target, ChangeSet const& changes,
    std::vector<std::string> const& acknowledge_missing) const {
  auto plan = make_plan(actor_, environment, target, changes, acknowledge_missing);
  if (!plan || !plan->four_eyes || plan->nothing_to_deploy || plan->blocked()) return plan;
  // The planning record: whoever confirms later is linked to it by plan_id.
  if (audit_) {
    auto r = detail::record(actor_, "plan_deploy", plan->app);
    r.action_id = plan->plan_id;
    r.arguments = {{"environment", plan->environment},
                   {"commit", plan->target_commit},
                   {"plan_id", plan->plan_id},
                   {"four_eyes", "true"},
                   {"may_confirm", detail::joined(detail::approvers_for(policy_, *plan))}};
    r.outcome = "ok";
    r.message = "planned; awaiting confirmation by another person";
    if (auto written = audit_->write(r); !written) {
      return Error{ErrorKind::precondition_failed,
                   "the plan cannot be recorded in the audit (" + written.error().message +
                       "); four eyes need the record, so nothing was planned"};
    }
  }
  return plan;
}

result<DeployPlan> Deployer::make_plan(std::string const& actor, std::string_view environment,
                                       DeployTarget const& target, ChangeSet const& changes,
                                       std::vector<std::string> const& acknowledge_missing) const {
  auto const* env = file_.find(environment);
  if (env == nullptr) {
    return Error{ErrorKind::invalid_argument,
                 "no environment `" + std::string(environment) + "` in the environments file"};
  }
  // Checked as the planner: a four-eyes plan is re-made by its confirmer,
  // and still needs the planner's grant.
  if (actor == actor_) {
    if (auto allowed = session_.check(ops::Action::deploy, env->app_name); !allowed) {
      return allowed.error();
    }
  } else {
    ops::Session const as_planner{client_, policy_, actor, audit_,
                                  detail::session_options(file_, options_)};
    if (auto allowed = as_planner.check(ops::Action::deploy, env->app_name); !allowed) {
      return allowed.error();
    }
  }
  if (target.kind == DeployTarget::Kind::source && !acknowledge_missing.empty()) {
    return Error{ErrorKind::invalid_argument,
                 "missing config keys are acknowledged for promotions only; a source deploy "
                 "has no preflight"};
  }

  DeployPlan plan;
  plan.environment = env->label;
  plan.app = env->app_name;
  plan.target = target;
  plan.files = changes.files;
  plan.subjects = changes.subjects;
  plan.is_protected = env->is_protected;
  plan.four_eyes = env->four_eyes || (policy_ && policy_->requires_four_eyes(env->app_name));
  plan.plan_id = "plan-" + ops::Fingerprinter::random().mac("plan id").substr(0, 24);
  plan.actor = actor;
  plan.environments_digest = file_digest();

  if (target.kind == DeployTarget::Kind::source) {
    if (target.source_url.empty() || target.commit.empty()) {
      return Error{ErrorKind::invalid_argument,
                   "a source deploy needs the tarball URL and its commit"};
    }
    plan.target_commit = target.commit;
  } else {
    auto const* upstream = env->upstream.empty() ? nullptr : file_.find(env->upstream);
    if (upstream == nullptr) {
      return Error{
          ErrorKind::invalid_argument,
          "`" + env->label + "` has no upstream environment to promote from; give a source"};
    }
    plan.upstream_app = upstream->app_name;
    plan.pipeline = !env->pipeline.empty() ? env->pipeline : upstream->pipeline;
    if (plan.pipeline.empty()) {
      return Error{ErrorKind::invalid_argument, "`" + env->label + "` names no pipeline"};
    }
    // The promotion is pinned to what the upstream runs now: its release
    // and slug. execute() refuses if either has moved.
    auto source = detail::running(client_, upstream->app_name);
    if (!source) return source.error();
    if (!source->release || source->slug_id.empty()) {
      return Error{ErrorKind::precondition_failed,
                   upstream->app_name + " runs no release with a slug to promote"};
    }
    plan.source_release_id = source->release->id;
    plan.source_slug_id = source->slug_id;
    plan.target_commit = source->commit;
  }
  std::vector<std::string> also;
  if (!plan.upstream_app.empty()) also.push_back(plan.upstream_app);
  auto now_running = detail::running(client_, env->app_name, also);
  if (!now_running) return now_running.error();
  plan.running_commit = now_running->commit;
  if (now_running->release) plan.running_release_id = now_running->release->id;
  plan.expires_at = Timestamp(now().time_point() + options_.plan_lifetime);
  bool same_slug = !plan.source_slug_id.empty() && plan.source_slug_id == now_running->slug_id;
  if (same_slug || (!plan.running_commit.empty() && plan.running_commit == plan.target_commit)) {
    plan.nothing_to_deploy = true;
    return plan;
  }

  if (target.kind == DeployTarget::Kind::promotion) {
    PreflightOptions po;
    if (!changes.files.empty() || !changes.subjects.empty()) po.changes = changes;
    po.path_rules = file_.path_rules;
    po.acknowledge_missing = acknowledge_missing;
    auto preflight = promotion_preflight(client_, plan.upstream_app, plan.app, po);
    if (!preflight) return preflight.error();
    plan.acknowledged_missing = preflight->acknowledged;
    plan.preflight = std::move(preflight).value();
  }

  std::set<std::string> seen;
  for (auto const& rule : file_.path_rules) {
    for (auto const& path : changes.files) {
      if (path.find(rule.contains) == std::string::npos) continue;
      auto reason = path + " matches " + rule.contains;
      if (rule.maintenance && !plan.maintenance) {
        plan.maintenance = true;
        plan.maintenance_reason = reason;
      }
      for (auto const& action : rule.actions) {
        if (!seen.insert(action).second) continue;
        auto command = file_.command(action);
        if (!command) return command.error();
        plan.actions.push_back({action, *command, reason});
      }
    }
  }
  // A blocked plan gets no code: there is nothing to confirm until the
  // missing keys are set or acknowledged.
  if (!plan.blocked()) plan.confirmation_code = sign(plan.canonical());
  return plan;
}

result<ConfigDiff> Deployer::config_diff(std::string_view environment) const {
  auto const* env = file_.find(environment);
  if (env == nullptr) {
    return Error{ErrorKind::invalid_argument,
                 "no environment `" + std::string(environment) + "` in the environments file"};
  }
  auto masked_result = session_.masked_config(env->app_name);
  if (!masked_result) return masked_result.error();
  auto const& masked = *masked_result;
  auto const& fp = session_.fingerprinter();
  ConfigDiff diff;
  diff.environment = env->label;
  diff.app = env->app_name;
  diff.actor = actor_;
  diff.environments_digest = file_digest();
  diff.expires_at = Timestamp(now().time_point() + options_.plan_lifetime);
  // The reviewed values' fingerprints, under a key of the plan key's, so the
  // code covers exactly the values that will be set.
  auto const reviewed = options_.plan_key.derive("reviewed values");
  std::set<std::string> keys;
  for (auto const& v : masked.vars)
    keys.insert(v.key);
  for (auto const& [k, v] : env->settings)
    keys.insert(k);
  for (auto const& key : keys) {
    auto const* var = masked.find(key);
    auto setting = env->settings.find(key);
    char status = '=';
    if (var == nullptr) {
      status = '+';
    } else if (setting == env->settings.end()) {
      status = '?';
    } else if (var->fingerprint.empty() || var->fingerprint != fp(setting->second)) {
      status = '!';
    }
    std::string fingerprint;
    if (status == '!' || status == '+') fingerprint = reviewed(setting->second);
    diff.keys.push_back({status, key, fingerprint});
  }
  diff.confirmation_code = sign(diff.canonical());
  return diff;
}

}  // namespace herokupp::workflow
