// Planning: what a deploy or a config change will do, before anything changes.
#include "deploy_detail.hpp"

#include <herokupp/workflow/deploy.hpp>

#include <random>
#include <set>

namespace herokupp::workflow {

using detail::running_commit;

std::string make_confirmation_code() {
  static constexpr char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::random_device device;
  std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
  std::string code;
  for (int i = 0; i < 6; ++i)
    code.push_back(alphabet[pick(device)]);
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
      actor_(actor),
      audit_(audit),
      options_(std::move(options)),
      session_(client, policy ? std::move(policy) : file_.policy, actor, audit,
               detail::session_options(file_, options_)) {}

result<DeployPlan> Deployer::plan_deploy(std::string_view environment, DeployTarget const& target,
                                         ChangeSet const& changes) const {
  auto const* env = file_.find(environment);
  if (env == nullptr) {
    return Error{ErrorKind::invalid_argument,
                 "no environment `" + std::string(environment) + "` in the environments file"};
  }
  if (auto allowed = session_.check(ops::Action::deploy, env->app_name); !allowed) {
    return allowed.error();
  }

  DeployPlan plan;
  plan.environment = env->label;
  plan.app = env->app_name;
  plan.target = target;
  plan.files = changes.files;
  plan.subjects = changes.subjects;

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
    auto upstream_commit = running_commit(client_, upstream->app_name);
    if (!upstream_commit) return upstream_commit.error();
    plan.target_commit = *upstream_commit;
  }
  std::vector<std::string> also;
  if (!plan.upstream_app.empty()) also.push_back(plan.upstream_app);
  auto running = running_commit(client_, env->app_name, also);
  if (!running) return running.error();
  plan.running_commit = *running;
  if (!plan.running_commit.empty() && plan.running_commit == plan.target_commit) {
    plan.nothing_to_deploy = true;
    return plan;
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
  plan.confirmation_code = make_confirmation_code();
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
    diff.keys.push_back({status, key});
  }
  diff.confirmation_code = make_confirmation_code();
  return diff;
}

}  // namespace herokupp::workflow
