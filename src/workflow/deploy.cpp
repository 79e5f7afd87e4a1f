#include <herokupp/workflow/deploy.hpp>

#include <herokupp/api/slug.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/recent_releases.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace herokupp::workflow {
namespace {

using json = nlohmann::json;

std::string first_word(std::string const& command) {
  auto end = command.find(' ');
  return command.substr(0, end);
}

ops::SessionOptions session_options(EnvironmentsFile const& file, DeployOptions const& options) {
  ops::SessionOptions o = options.session;
  // The commands come from the environments file, not from whoever runs the
  // deploy, so their options ("--noinput") are allowed.
  o.one_off.allow_options = true;
  o.one_off.wait = options.wait;
  o.one_off.wait.enabled = true;
  if (auto it = file.commands.find("migrate"); it != file.commands.end()) {
    o.one_off.migrate_command = it->second;
  }
  for (auto const& [name, command] : file.commands) {
    auto word = first_word(command);
    if (std::find(o.one_off.allowed_commands.begin(), o.one_off.allowed_commands.end(), word) ==
        o.one_off.allowed_commands.end()) {
      o.one_off.allowed_commands.push_back(word);
    }
  }
  o.promote.wait = options.wait;
  o.promote.wait.enabled = true;
  return o;
}

// The release running now: the current one, else the newest that succeeded.
result<std::optional<Release>> running_release(AppClient const& app) {
  auto releases = ops::recent_releases(app, 20);
  if (!releases) return releases.error();
  for (auto const& r : *releases) {
    if (r.current) return std::optional<Release>(r);
  }
  for (auto const& r : *releases) {
    if (r.status == Release::Status::succeeded) return std::optional<Release>(r);
  }
  return std::optional<Release>{};
}

// The commit of a release's slug. A promoted release's slug may belong to the
// app it was promoted from, so `also` names where else to look; a slug found
// nowhere leaves the commit unknown ("").
result<std::string> commit_of(Client const& client, std::string const& app,
                              std::optional<Release> const& release,
                              std::vector<std::string> const& also) {
  if (!release || !release->slug) return std::string();
  std::vector<std::string> where{app};
  where.insert(where.end(), also.begin(), also.end());
  for (auto const& owner : where) {
    auto slug = api::slug::info(client, owner, release->slug->id);
    if (slug) return slug->commit.value_or("");
    if (slug.error().kind != ErrorKind::not_found) return slug.error();
  }
  return std::string();
}

result<std::string> running_commit(Client const& client, std::string const& app,
                                   std::vector<std::string> const& also = {}) {
  auto release = running_release(client.app(app));
  if (!release) return release.error();
  return commit_of(client, app, *release, also);
}

std::string short_commit(std::string const& commit) {
  return commit.substr(0, 7);
}

ops::AuditRecord record(std::string const& actor, std::string action, std::string const& app) {
  ops::AuditRecord r;
  r.time = Timestamp::now();
  r.actor = actor;
  r.action = std::move(action);
  r.app = app;
  return r;
}

Error with_context(Error e, std::string const& step) {
  e.message = step + " failed: " + e.message;
  return e;
}

json to_json(DeployTarget const& t) {
  return json{{"kind", t.kind == DeployTarget::Kind::source ? "source" : "promotion"},
              {"source_url", t.source_url},
              {"commit", t.commit}};
}

}  // namespace

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

// --- DeployPlan ---------------------------------------------------------------

std::string DeployPlan::summary() const {
  std::ostringstream out;
  if (nothing_to_deploy) {
    out << "Nothing to deploy: " << app << " already runs " << short_commit(target_commit) << ".\n";
    return out.str();
  }
  out << "Deploy to " << environment << " (" << app << ")\n";
  if (target.kind == DeployTarget::Kind::source) {
    out << "  build   " << target.source_url << " at " << short_commit(target_commit) << "\n";
  } else {
    out << "  promote " << upstream_app << " (" << short_commit(target_commit)
        << ") through pipeline " << pipeline << "\n";
  }
  out << "  running "
      << (running_commit.empty() ? std::string("(unknown)") : short_commit(running_commit)) << "\n";
  out << "  changes " << files.size() << " files, " << subjects.size() << " commits\n";
  for (auto const& s : subjects)
    out << "    - " << s << "\n";
  if (maintenance) out << "  maintenance window: on (" << maintenance_reason << ")\n";
  for (auto const& a : actions)
    out << "  then    " << a.name << ": " << a.command << " (" << a.reason << ")\n";
  if (actions.empty()) out << "  then    no migrate or collectstatic\n";
  return out.str();
}

std::string DeployPlan::to_json() const {
  json j{{"environment", environment},
         {"app", app},
         {"target", workflow::to_json(target)},
         {"pipeline", pipeline},
         {"upstream_app", upstream_app},
         {"running_commit", running_commit},
         {"target_commit", target_commit},
         {"files", files},
         {"subjects", subjects},
         {"maintenance", maintenance},
         {"maintenance_reason", maintenance_reason},
         {"nothing_to_deploy", nothing_to_deploy},
         {"confirmation_code", confirmation_code}};
  auto actions_json = json::array();
  for (auto const& a : actions)
    actions_json.push_back({{"name", a.name}, {"command", a.command}, {"reason", a.reason}});
  j["actions"] = actions_json;
  return j.dump();
}

result<DeployPlan> DeployPlan::from_json(std::string_view text) {
  try {
    auto j = json::parse(text);
    DeployPlan p;
    p.environment = j.at("environment").get<std::string>();
    p.app = j.at("app").get<std::string>();
    auto const& t = j.at("target");
    p.target.kind = t.at("kind").get<std::string>() == "source" ? DeployTarget::Kind::source
                                                                : DeployTarget::Kind::promotion;
    p.target.source_url = t.at("source_url").get<std::string>();
    p.target.commit = t.at("commit").get<std::string>();
    p.pipeline = j.at("pipeline").get<std::string>();
    p.upstream_app = j.at("upstream_app").get<std::string>();
    p.running_commit = j.at("running_commit").get<std::string>();
    p.target_commit = j.at("target_commit").get<std::string>();
    p.files = j.at("files").get<std::vector<std::string>>();
    p.subjects = j.at("subjects").get<std::vector<std::string>>();
    p.maintenance = j.at("maintenance").get<bool>();
    p.maintenance_reason = j.at("maintenance_reason").get<std::string>();
    p.nothing_to_deploy = j.at("nothing_to_deploy").get<bool>();
    p.confirmation_code = j.at("confirmation_code").get<std::string>();
    for (auto const& a : j.at("actions")) {
      p.actions.push_back({a.at("name").get<std::string>(), a.at("command").get<std::string>(),
                           a.at("reason").get<std::string>()});
    }
    return p;
  } catch (json::exception const& e) {
    return Error{ErrorKind::decode, std::string("deploy plan: ") + e.what()};
  }
}

// --- ConfigDiff -----------------------------------------------------------------

std::size_t ConfigDiff::count(char status) const {
  return static_cast<std::size_t>(std::count_if(
      keys.begin(), keys.end(), [&](ConfigDiffKey const& k) { return k.status == status; }));
}

std::string ConfigDiff::to_string() const {
  std::ostringstream out;
  for (auto const& k : keys)
    out << k.status << " " << k.key << "=" << ops::value_mask << "\n";
  return out.str();
}

std::string ConfigDiff::to_json() const {
  auto arr = json::array();
  for (auto const& k : keys)
    arr.push_back({{"status", std::string(1, k.status)}, {"key", k.key}});
  return json{{"environment", environment},
              {"app", app},
              {"keys", arr},
              {"confirmation_code", confirmation_code}}
      .dump();
}

result<ConfigDiff> ConfigDiff::from_json(std::string_view text) {
  try {
    auto j = json::parse(text);
    ConfigDiff d;
    d.environment = j.at("environment").get<std::string>();
    d.app = j.at("app").get<std::string>();
    d.confirmation_code = j.at("confirmation_code").get<std::string>();
    for (auto const& k : j.at("keys")) {
      auto status = k.at("status").get<std::string>();
      if (status.size() != 1 || std::string("=!+?").find(status[0]) == std::string::npos) {
        return Error{ErrorKind::decode, "config diff: unknown status " + status};
      }
      d.keys.push_back({status[0], k.at("key").get<std::string>()});
    }
    return d;
  } catch (json::exception const& e) {
    return Error{ErrorKind::decode, std::string("config diff: ") + e.what()};
  }
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
               session_options(file_, options_)) {}

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
