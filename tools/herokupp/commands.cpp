#include "commands.hpp"

#include <herokupp/client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/apps_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/ops/session.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

namespace herokupp::cli {
namespace {

using json = nlohmann::json;

struct Options {
  std::string actor;
  std::string policy_file;
  std::string audit_file;
  std::string environments_file;
  std::string state_dir;
  bool json_output = false;
};

struct Context {
  Options const& opts;
  Environment const& env;
  std::ostream& out;
  std::ostream& err;
  Client client;
  std::optional<ops::Policy> policy;
  std::shared_ptr<ops::AuditSink> audit;
};

int exit_code_for(Error const& e) {
  switch (e.kind) {
    case ErrorKind::policy_denied:
    case ErrorKind::protected_app:
      return exit_denied;
    case ErrorKind::confirmation_required:
      return exit_confirmation;
    case ErrorKind::invalid_argument:
      return exit_usage;
    default:
      return exit_api_error;
  }
}

int fail(Context& c, Error const& e) {
  auto text = ops::explain(e);
  if (c.opts.json_output) {
    c.out << json{{"ok", false},
                  {"error", {{"kind", std::string(to_string(e.kind))}, {"message", text}}}}
                 .dump(2)
          << "\n";
  }
  c.err << "herokupp: " << text << "\n";
  return exit_code_for(e);
}

int emit(Context& c, json const& j, std::string const& text) {
  if (c.opts.json_output) {
    json doc = j;
    doc["ok"] = true;
    c.out << doc.dump(2) << "\n";
  } else {
    c.out << text;
    if (!text.empty() && text.back() != '\n') c.out << "\n";
  }
  return exit_ok;
}

std::string heading(Context const& c, std::string const& text) {
  if (c.env.interactive) return "\033[1m" + text + "\033[0m";
  return text;
}

// Pauses for waits; on a terminal, shows that something is being waited for.
std::function<void(std::chrono::milliseconds)> progress_sleep(Context& c) {
  auto base = c.env.sleep;
  auto interactive = c.env.interactive;
  auto* err = &c.err;
  auto waited = std::make_shared<std::chrono::milliseconds>(0);
  return [base, interactive, err, waited](std::chrono::milliseconds d) {
    if (base) {
      base(d);
    } else {
      std::this_thread::sleep_for(d);
    }
    *waited += d;
    if (interactive) {
      *err << "\r  ... waiting "
           << std::chrono::duration_cast<std::chrono::seconds>(*waited).count() << "s"
           << std::flush;
    }
  };
}

void progress_line(Context& c, std::string const& line) {
  if (c.env.interactive) c.err << "\r\033[K";
  c.err << "--> " << line << "\n";
}

ops::SessionOptions session_options(Context& c) {
  ops::SessionOptions o;
  o.one_off.wait.enabled = true;
  o.one_off.wait.timeout = std::chrono::minutes(30);
  o.one_off.wait.interval = std::chrono::milliseconds(500);
  o.one_off.wait.max_interval = std::chrono::seconds(5);
  o.one_off.wait.sleep = progress_sleep(c);
  o.promote.wait = o.one_off.wait;
  return o;
}

ops::Session session(Context& c) {
  return ops::Session{c.client, c.policy, c.opts.actor, c.audit, session_options(c)};
}

json release_json(Release const& r) {
  return json{{"version", r.version},
              {"id", r.id},
              {"description", r.description},
              {"status", r.status.raw},
              {"current", r.current},
              {"user", r.user.email},
              {"created_at", r.created_at.to_string()}};
}

std::string state_dir(Context const& c) {
  if (!c.opts.state_dir.empty()) return c.opts.state_dir;
  if (auto v = c.env.getenv("HEROKUPP_STATE_DIR")) return *v;
  if (auto v = c.env.getenv("XDG_STATE_HOME")) return *v + "/herokupp";
  if (auto v = c.env.getenv("HOME")) return *v + "/.local/state/herokupp";
  return ".herokupp";
}

std::string safe_name(std::string s) {
  for (auto& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') ch = '_';
  }
  return s;
}

result<void> save_state(Context const& c, std::string const& name, std::string const& text) {
  std::error_code ec;
  auto dir = std::filesystem::path(state_dir(c));
  std::filesystem::create_directories(dir, ec);
  std::ofstream f(dir / name, std::ios::trunc);
  if (!f) return Error{ErrorKind::invalid_argument, "cannot write to " + (dir / name).string()};
  f << text;
  return success();
}

std::optional<std::string> load_state(Context const& c, std::string const& name) {
  std::ifstream f(std::filesystem::path(state_dir(c)) / name);
  if (!f) return std::nullopt;
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void drop_state(Context const& c, std::string const& name) {
  std::error_code ec;
  std::filesystem::remove(std::filesystem::path(state_dir(c)) / name, ec);
}

// --- app commands -------------------------------------------------------------

int cmd_apps(Context& c, std::string const& filter) {
  json list = json::array();
  std::ostringstream text;
  for (auto const& app : c.client.apps().list()) {
    if (!app) return fail(c, app.error());
    if (!filter.empty() && app->name.find(filter) == std::string::npos) continue;
    list.push_back(
        {{"name", app->name}, {"region", app->region.name}, {"owner", app->owner.email}});
    text << app->name << "  (" << app->region.name << ", " << app->owner.email << ")\n";
  }
  if (list.empty()) text << "no apps" << (filter.empty() ? "" : " match " + filter) << "\n";
  return emit(c, json{{"apps", list}}, text.str());
}

int cmd_info(Context& c, std::string const& name) {
  auto app = session(c).info(name);
  if (!app) return fail(c, app.error());
  std::ostringstream t;
  t << heading(c, "=== " + app->name) << "\n"
    << "Owner:       " << app->owner.email << "\n"
    << "Region:      " << app->region.name << "\n"
    << "Stack:       " << app->build_stack.name << "\n"
    << "Maintenance: " << (app->maintenance ? "on" : "off") << "\n"
    << "Web URL:     " << app->web_url.value_or("") << "\n";
  return emit(c,
              json{{"app",
                    {{"name", app->name},
                     {"id", app->id},
                     {"owner", app->owner.email},
                     {"region", app->region.name},
                     {"stack", app->build_stack.name},
                     {"maintenance", app->maintenance},
                     {"web_url", app->web_url.value_or("")}}}},
              t.str());
}

int cmd_dynos(Context& c, std::string const& app) {
  auto s = session(c).dyno_summary(app);
  if (!s) return fail(c, s.error());
  json groups = json::array();
  for (auto const& g : s->groups) {
    json dynos = json::array();
    for (auto const& d : g.dynos) {
      dynos.push_back({{"name", d.name},
                       {"state", d.state},
                       {"command", d.command},
                       {"age_seconds", d.age.count()}});
    }
    groups.push_back({{"type", g.type}, {"size", g.size}, {"dynos", dynos}});
  }
  return emit(c, json{{"app", app}, {"groups", groups}, {"total", s->total()}},
              s->total() == 0 ? "no dynos running on " + app + "\n" : s->to_string());
}

int cmd_releases(Context& c, std::string const& app, int n) {
  if (n < 1 || n > 1000) return fail(c, Error{ErrorKind::invalid_argument, "-n must be 1..1000"});
  auto list = session(c).recent_releases(app, static_cast<std::size_t>(n));
  if (!list) return fail(c, list.error());
  json arr = json::array();
  std::ostringstream t;
  t << heading(c, "=== " + app + " releases") << "\n";
  for (auto const& r : *list) {
    arr.push_back(release_json(r));
    t << "v" << r.version << (r.current ? " *" : "  ") << " " << r.status.raw << "  "
      << r.description << "  " << r.user.email << "  " << r.created_at.to_string() << "\n";
  }
  return emit(c, json{{"app", app}, {"releases", arr}}, t.str());
}

int cmd_rollback(Context& c, std::string const& app, std::string const& version) {
  auto r = session(c).rollback(app, version);
  if (!r) return fail(c, r.error());
  std::ostringstream t;
  t << "Rolled back " << app << " from v" << r->from_version << " to v" << r->to_version
    << " (now v" << r->release.version << ")\n"
    << r->reminder << "\n";
  return emit(c,
              json{{"app", app},
                   {"from_version", r->from_version},
                   {"to_version", r->to_version},
                   {"release", release_json(r->release)},
                   {"reminder", r->reminder}},
              t.str());
}

int cmd_restart(Context& c, std::string const& app, std::string const& target) {
  auto r = session(c).restart(app, target);
  if (!r) return fail(c, r.error());
  std::ostringstream t;
  t << "Restarted " << r->dynos.size() << " dyno" << (r->dynos.size() == 1 ? "" : "s") << " on "
    << app;
  if (!r->target.empty()) t << " (" << r->target << ")";
  t << ":";
  for (auto const& d : r->dynos)
    t << " " << d;
  t << "\n";
  return emit(c,
              json{{"app", app},
                   {"scope", std::string(ops::to_string(r->scope))},
                   {"target", r->target},
                   {"dynos", r->dynos}},
              t.str());
}

int report_run(Context& c, std::string const& app, std::string const& what,
               result<ops::RunResult> const& r) {
  if (!r) return fail(c, r.error());
  std::ostringstream t;
  t << what << " on " << app << " as " << r->dyno.name;
  if (r->finished) t << ": " << (r->final_state.empty() ? "finished" : r->final_state);
  t << "\n";
  // The log session URL carries a token: it is not printed.
  return emit(c,
              json{{"app", app},
                   {"dyno", r->dyno.name},
                   {"command", r->dyno.command},
                   {"finished", r->finished},
                   {"final_state", r->final_state}},
              t.str());
}

int cmd_migrate(Context& c, std::string const& app) {
  progress_line(c, "running migrations on " + app + " and waiting for them");
  return report_run(c, app, "Migrated", session(c).migrate(app));
}

int cmd_run(Context& c, std::string const& app, std::vector<std::string> const& words) {
  std::string command;
  for (auto const& w : words)
    command += (command.empty() ? "" : " ") + w;
  if (command.empty())
    return fail(c, Error{ErrorKind::invalid_argument, "give the command after --"});
  progress_line(c, "running `" + command + "` on " + app);
  return report_run(c, app, "Ran `" + command + "`", session(c).run(app, command));
}

int cmd_config(Context& c, std::string const& app) {
  auto m = session(c).masked_config(app);
  if (!m) return fail(c, m.error());
  json vars = json::array();
  for (auto const& v : m->vars)
    vars.push_back({{"key", v.key}, {"value", v.mask}, {"fingerprint", v.fingerprint}});
  return emit(c, json{{"app", app}, {"config", vars}},
              heading(c, "=== " + app + " config (values masked)") + "\n" + m->to_string());
}

int report_change(Context& c, result<ops::ConfigChange> const& r) {
  if (!r) return fail(c, r.error());
  std::ostringstream t;
  auto line = [&](char const* label, std::vector<std::string> const& keys) {
    if (keys.empty()) return;
    t << label << ":";
    for (auto const& k : keys)
      t << " " << k;
    t << "\n";
  };
  line("Added", r->added);
  line("Changed", r->changed);
  line("Unchanged", r->unchanged);
  line("Removed", r->removed);
  line("Not set", r->absent);
  return emit(c,
              json{{"app", r->app},
                   {"added", r->added},
                   {"changed", r->changed},
                   {"unchanged", r->unchanged},
                   {"removed", r->removed},
                   {"absent", r->absent}},
              t.str());
}

int cmd_config_set(Context& c, std::string const& app, std::vector<std::string> const& pairs) {
  std::map<std::string, std::string> values;
  for (auto const& p : pairs) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      // Never echo the argument: it may hold a value.
      return fail(c, Error{ErrorKind::invalid_argument, "config:set takes KEY=VALUE pairs"});
    }
    values[p.substr(0, eq)] = p.substr(eq + 1);
  }
  return report_change(c, session(c).set_config(app, values));
}

int cmd_config_unset(Context& c, std::string const& app, std::vector<std::string> const& keys) {
  return report_change(c, session(c).unset_config(app, keys));
}

int cmd_scale(Context& c, std::string const& app, std::vector<std::string> const& specs) {
  std::string spec;
  for (auto const& s : specs)
    spec += (spec.empty() ? "" : " ") + s;
  auto r = session(c).scale(app, spec);
  if (!r) return fail(c, r.error());
  json changes = json::array();
  std::ostringstream t;
  for (auto const& ch : r->changes) {
    changes.push_back({{"type", ch.type},
                       {"quantity_before", ch.quantity_before},
                       {"quantity_after", ch.quantity_after},
                       {"size_before", ch.size_before},
                       {"size_after", ch.size_after}});
    t << "Scaled " << app << " " << ch.type << ": " << ch.quantity_before << ":" << ch.size_before
      << " -> " << ch.quantity_after << ":" << ch.size_after << "\n";
  }
  return emit(c, json{{"app", app}, {"changes", changes}}, t.str());
}

int cmd_maintenance(Context& c, std::string const& app, std::string const& state) {
  bool on = state == "on";
  ops::AuditRecord rec;
  rec.time = Timestamp::now();
  rec.actor = c.opts.actor;
  rec.action = "maintenance";
  rec.app = app;
  rec.arguments = {{"state", state}};
  auto audit = [&](std::string outcome, Error const* e, std::string message) {
    if (!c.audit) return;
    rec.outcome = std::move(outcome);
    if (e) rec.error = std::string(to_string(e->kind));
    rec.message = std::move(message);
    (void)c.audit->write(rec);
  };
  auto s = session(c);
  if (auto allowed = s.check(ops::Action::maintenance, app); !allowed) {
    audit("denied", &allowed.error(), allowed.error().message);
    return fail(c, allowed.error());
  }
  auto client = c.client.app(app);
  auto r = on ? client.enable_maintenance() : client.disable_maintenance();
  if (!r) {
    audit("error", &r.error(), r.error().message);
    return fail(c, r.error());
  }
  audit("ok", nullptr, std::string("maintenance ") + (on ? "on" : "off"));
  return emit(c, json{{"app", app}, {"maintenance", r->maintenance}},
              "Maintenance " + std::string(r->maintenance ? "on" : "off") + " for " + app + "\n");
}

int cmd_promote(Context& c, std::string const& pipeline, std::string const& from,
                std::vector<std::string> to) {
  if (to.empty()) {
    // The apps of the stage after the source's.
    auto p = c.client.pipeline(pipeline);
    auto couplings = p.couplings().collect();
    if (!couplings) return fail(c, couplings.error());
    auto source = c.client.app(from).info();
    if (!source) return fail(c, source.error());
    std::optional<PipelineCoupling::Stage> from_stage;
    for (auto const& cp : *couplings) {
      if (cp.app.id == source->id) from_stage = cp.stage.value;
    }
    if (!from_stage)
      return fail(c, Error{ErrorKind::not_found, from + " is not in pipeline " + pipeline});
    std::optional<PipelineCoupling::Stage> next;
    for (auto const& cp : *couplings) {
      if (cp.stage.value > *from_stage && (!next || cp.stage.value < *next)) next = cp.stage.value;
    }
    for (auto const& cp : *couplings) {
      if (next && cp.stage.value == *next) {
        auto info = c.client.app(cp.app.id).info();
        to.push_back(info ? info->name : cp.app.id);
      }
    }
    if (to.empty()) {
      return fail(
          c, Error{ErrorKind::invalid_argument, "nothing downstream of " + from + "; give --to"});
    }
  }
  std::string targets;
  for (auto const& t : to)
    targets += (targets.empty() ? "" : ", ") + t;
  progress_line(c, "promoting " + from + " to " + targets + " and waiting for the release");
  auto r = session(c).promote(pipeline, from, to);
  if (!r) return fail(c, r.error());
  json out = json::array();
  std::ostringstream t;
  for (auto const& target : r->targets) {
    out.push_back({{"app", target.app},
                   {"status", target.status},
                   {"error_message", target.error_message.value_or("")}});
    t << "Promoted " << from << " to " << target.app << ": " << target.status;
    if (target.error_message) t << " (" << *target.error_message << ")";
    t << "\n";
  }
  emit(
      c,
      json{{"pipeline", pipeline}, {"from", from}, {"targets", out}, {"succeeded", r->succeeded()}},
      t.str());
  return r->succeeded() ? exit_ok : exit_api_error;
}

// --- workflow commands ---------------------------------------------------------

result<workflow::Deployer> deployer(Context& c) {
  auto file = workflow::EnvironmentsFile::load(c.opts.environments_file);
  if (!file) return file.error();
  workflow::DeployOptions o;
  o.wait.sleep = progress_sleep(c);
  o.wait.interval = std::chrono::milliseconds(500);
  o.wait.max_interval = std::chrono::seconds(5);
  o.on_progress = [&c](std::string const& line) { progress_line(c, line); };
  o.session = session_options(c);
  return workflow::Deployer{c.client, std::move(file).value(), c.policy, c.opts.actor, c.audit, o};
}

std::vector<std::string> git_lines(std::string const& args) {
  std::vector<std::string> lines;
  std::string command = "git " + args + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return lines;
  char buffer[4096];
  std::string current;
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    current += buffer;
    if (!current.empty() && current.back() == '\n') {
      current.pop_back();
      if (!current.empty()) lines.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) lines.push_back(current);
  ::pclose(pipe);
  return lines;
}

bool is_hex(std::string const& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
  });
}

json plan_json(workflow::DeployPlan const& p, bool with_code) {
  auto j = json::parse(p.to_json());
  if (!with_code) j.erase("confirmation_code");
  return j;
}

int cmd_deploy(Context& c, std::string const& env, std::string const& source,
               std::string const& commit, std::string const& confirm,
               std::vector<std::string> const& changed, std::vector<std::string> const& subjects,
               std::string const& git_dir) {
  auto d = deployer(c);
  if (!d) return fail(c, d.error());
  std::string state_name = "deploy-" + safe_name(env) + ".json";
  if (!source.empty() != !commit.empty()) {
    return fail(c, Error{ErrorKind::invalid_argument, "--source and --commit go together"});
  }
  auto target = source.empty() ? workflow::DeployTarget::promotion()
                               : workflow::DeployTarget::source(source, commit);

  if (!confirm.empty()) {
    auto stored = load_state(c, state_name);
    if (!stored) {
      return fail(
          c, Error{ErrorKind::confirmation_required,
                   "no deploy planned for " + env + "; run `herokupp deploy " + env + "` first"});
    }
    auto plan = workflow::DeployPlan::from_json(*stored);
    if (!plan) return fail(c, plan.error());
    if (!source.empty() && (plan->target.source_url != source || plan->target.commit != commit)) {
      return fail(c, Error{ErrorKind::confirmation_required,
                           "the planned deploy of " + env + " has another target; plan again"});
    }
    auto done = d->execute(*plan, confirm);
    if (!done) {
      if (done.error().kind != ErrorKind::confirmation_required) drop_state(c, state_name);
      return fail(c, done.error());
    }
    drop_state(c, state_name);
    json steps = json::array();
    std::ostringstream t;
    for (auto const& s : done->steps) {
      steps.push_back({{"step", s.name}, {"outcome", s.outcome}, {"detail", s.detail}});
      t << "  " << s.name << ": " << s.outcome << " (" << s.detail << ")\n";
    }
    t << "Deployed " << plan->environment << " (" << done->app << ") as v" << done->release.version
      << "; tag " << done->tag << "\n";
    if (!done->release_note.empty()) t << "Release note:\n" << done->release_note;
    return emit(c,
                json{{"app", done->app},
                     {"release", release_json(done->release)},
                     {"tag", done->tag},
                     {"release_note", done->release_note},
                     {"steps", steps}},
                t.str());
  }

  workflow::ChangeSet changes{changed, subjects};
  auto plan = d->plan_deploy(env, target, changes);
  if (!plan) return fail(c, plan.error());
  if (changed.empty() && subjects.empty() && !plan->nothing_to_deploy &&
      is_hex(plan->running_commit) && is_hex(plan->target_commit)) {
    // The change set from git, when the commits are in the repository at hand.
    std::string range = plan->running_commit + ".." + plan->target_commit;
    std::string where = "-C '" + git_dir + "' ";
    if (git_dir.find('\'') == std::string::npos) {
      changes.files = git_lines(where + "diff --name-only " + range);
      changes.subjects = git_lines(where + "log --reverse --format=%s " + range);
      if (!changes.files.empty() || !changes.subjects.empty()) {
        plan = d->plan_deploy(env, target, changes);
        if (!plan) return fail(c, plan.error());
      }
    }
  }
  if (plan->nothing_to_deploy) {
    drop_state(c, state_name);
    return emit(c, json{{"plan", plan_json(*plan, false)}}, plan->summary());
  }
  if (auto saved = save_state(c, state_name, plan->to_json()); !saved)
    return fail(c, saved.error());
  std::string again = "herokupp deploy " + env + " --confirm " + plan->confirmation_code;
  if (c.opts.json_output) {
    c.out << json{{"ok", false},
                  {"plan", plan_json(*plan, true)},
                  {"error",
                   {{"kind", "confirmation_required"}, {"message", "confirm with: " + again}}}}
                 .dump(2)
          << "\n";
  } else {
    c.out << plan->summary() << "To deploy, run: " << again << "\n";
  }
  return exit_confirmation;
}

int cmd_config_diff(Context& c, std::string const& env, bool apply, std::string const& confirm) {
  auto d = deployer(c);
  if (!d) return fail(c, d.error());
  std::string state_name = "config-" + safe_name(env) + ".json";
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
    if (changed) drop_state(c, state_name);
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
      c.out << j.dump(2) << "\n";
    } else {
      c.out << text;
    }
    return exit_confirmation;
  }
  return emit(c, j, text);
}

}  // namespace

int run_cli(int argc, char const* const* argv, std::ostream& out, std::ostream& err,
            Environment env) {
  if (!env.getenv) {
    env.getenv = [](std::string const& name) -> std::optional<std::string> {
      char const* v = std::getenv(name.c_str());
      if (v == nullptr) return std::nullopt;
      return std::string(v);
    };
  }
  Options opts;
  CLI::App app{"herokupp: safe Heroku actions and confirmed deploys", "herokupp"};
  app.require_subcommand(1);
  app.add_option("--actor", opts.actor, "who is acting (default: $HEROKUPP_ACTOR, else $USER)");
  app.add_option("--policy", opts.policy_file, "a JSON policy file (roles and protected apps)");
  app.add_option("--audit", opts.audit_file, "append audit records (JSON lines) to this file");
  app.add_option("--environments", opts.environments_file,
                 "the environments file for deploy and config:diff (default: environments.yml)");
  app.add_option("--state-dir", opts.state_dir, "where plans wait for their confirmation");
  app.add_flag("--json", opts.json_output, "JSON output for scripts");

  std::string a_app, a_filter, a_target, a_version, a_state, a_pipeline, a_from, a_env, a_source,
      a_commit, a_confirm, a_git_dir = ".";
  std::vector<std::string> a_list, a_to, a_changed, a_subjects;
  int a_n = 10;

  auto* apps = app.add_subcommand("apps", "list apps (whose name contains FILTER)");
  apps->add_option("FILTER", a_filter);
  auto* info = app.add_subcommand("info", "an app's details");
  info->add_option("APP", a_app)->required();
  auto* dynos = app.add_subcommand("dynos", "what runs on an app");
  dynos->add_option("APP", a_app)->required();
  auto* releases = app.add_subcommand("releases", "recent releases");
  releases->add_option("APP", a_app)->required();
  releases->add_option("-n", a_n, "how many (default 10)");
  auto* rollback = app.add_subcommand("rollback", "roll back to an earlier release");
  rollback->add_option("APP", a_app)->required();
  rollback->add_option("VERSION", a_version, "v42")->required();
  auto* restart = app.add_subcommand("restart", "restart the app, a process type or a dyno");
  restart->add_option("APP", a_app)->required();
  restart->add_option("TARGET", a_target, "worker, web.2");
  auto* migrate = app.add_subcommand("migrate", "run the migrations in a one-off dyno and wait");
  migrate->add_option("APP", a_app)->required();
  auto* run =
      app.add_subcommand("run", "run an allowed command in a one-off dyno: run APP -- rake TASK");
  run->add_option("APP", a_app)->required();
  run->add_option("COMMAND", a_list)->required();
  auto* config = app.add_subcommand("config", "config keys, values masked");
  config->add_option("APP", a_app)->required();
  auto* config_set = app.add_subcommand("config-set", "set config vars: KEY=VALUE...");
  config_set->add_option("APP", a_app)->required();
  config_set->add_option("PAIRS", a_list)->required();
  auto* config_unset = app.add_subcommand("config-unset", "unset config vars: KEY...");
  config_unset->add_option("APP", a_app)->required();
  config_unset->add_option("KEYS", a_list)->required();
  auto* scale = app.add_subcommand("ps-scale", "scale process types: web=2[:SIZE]...");
  scale->add_option("APP", a_app)->required();
  scale->add_option("SPEC", a_list)->required();
  auto* maintenance = app.add_subcommand("maintenance", "maintenance mode on or off");
  maintenance->add_option("APP", a_app)->required();
  maintenance->add_option("STATE", a_state)->required()->check(CLI::IsMember({"on", "off"}));
  auto* promote = app.add_subcommand("promote", "promote a pipeline app downstream");
  promote->add_option("PIPELINE", a_pipeline)->required();
  promote->add_option("--from", a_from, "the app promoted from")->required();
  promote->add_option("--to", a_to, "the target apps (default: the next stage's)");
  auto* deploy = app.add_subcommand("deploy", "plan a deploy, then run it with --confirm CODE");
  deploy->add_option("ENV", a_env)->required();
  deploy->add_option("--source", a_source, "a source tarball URL (default: promote from upstream)");
  deploy->add_option("--commit", a_commit, "the commit of the tarball");
  deploy->add_option("--confirm", a_confirm, "the plan's confirmation code");
  deploy->add_option("--changed", a_changed, "a changed path (default: from git)");
  deploy->add_option("--subject", a_subjects, "a commit subject (default: from git)");
  deploy->add_option("--git-dir", a_git_dir, "the repository for the change set (default: .)");
  auto* config_diff =
      app.add_subcommand("config-diff", "compare an app's config with the environments file");
  config_diff->add_option("ENV", a_env)->required();
  auto* config_apply = app.add_subcommand("config-apply", "set the ! and + keys of config:diff");
  config_apply->add_option("ENV", a_env)->required();
  config_apply->add_option("--confirm", a_confirm, "the diff's confirmation code");

  // CLI11 does not allow ':' in subcommand names: config:set is parsed as config-set.
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i) {
    std::string w = argv[i];
    if (w == "config:set" || w == "config:unset" || w == "ps:scale" || w == "config:diff" ||
        w == "config:apply") {
      w[w.find(':')] = '-';
    }
    words.push_back(std::move(w));
  }
  std::reverse(words.begin(), words.end());
  try {
    app.parse(words);
  } catch (CLI::CallForHelp const& e) {
    app.exit(e, out, err);
    return exit_ok;
  } catch (CLI::CallForAllHelp const& e) {
    app.exit(e, out, err);
    return exit_ok;
  } catch (CLI::ParseError const& e) {
    app.exit(e, out, err);
    return exit_usage;
  }

  if (opts.actor.empty())
    opts.actor = env.getenv("HEROKUPP_ACTOR").value_or(env.getenv("USER").value_or("unknown"));
  if (opts.environments_file.empty()) {
    opts.environments_file = env.getenv("HEROKUPP_ENVIRONMENTS").value_or("environments.yml");
  }

  ClientOptions client_options;
  client_options.api_key = env.getenv("HEROKU_API_KEY").value_or("");
  if (auto url = env.getenv("HEROKU_API_URL"); url && !url->empty()) client_options.base_url = *url;
  if (env.transport) client_options.transport = env.transport;
  if (env.sleep) client_options.sleep = env.sleep;
  if (client_options.api_key.empty()) {
    err << "herokupp: HEROKU_API_KEY is not set\n";
    return exit_usage;
  }

  std::optional<ops::Policy> policy;
  if (!opts.policy_file.empty()) {
    auto loaded = ops::Policy::load(opts.policy_file);
    if (!loaded) {
      err << "herokupp: " << ops::explain(loaded.error()) << "\n";
      return exit_usage;
    }
    policy = std::move(loaded).value();
  }
  std::shared_ptr<ops::AuditSink> audit;
  if (!opts.audit_file.empty()) audit = std::make_shared<ops::JsonLinesAuditSink>(opts.audit_file);

  Context c{opts, env, out, err, Client{client_options}, policy, audit};
  if (*apps) return cmd_apps(c, a_filter);
  if (*info) return cmd_info(c, a_app);
  if (*dynos) return cmd_dynos(c, a_app);
  if (*releases) return cmd_releases(c, a_app, a_n);
  if (*rollback) return cmd_rollback(c, a_app, a_version);
  if (*restart) return cmd_restart(c, a_app, a_target);
  if (*migrate) return cmd_migrate(c, a_app);
  if (*run) return cmd_run(c, a_app, a_list);
  if (*config) return cmd_config(c, a_app);
  if (*config_set) return cmd_config_set(c, a_app, a_list);
  if (*config_unset) return cmd_config_unset(c, a_app, a_list);
  if (*scale) return cmd_scale(c, a_app, a_list);
  if (*maintenance) return cmd_maintenance(c, a_app, a_state);
  if (*promote) return cmd_promote(c, a_pipeline, a_from, a_to);
  if (*deploy)
    return cmd_deploy(c, a_env, a_source, a_commit, a_confirm, a_changed, a_subjects, a_git_dir);
  if (*config_diff) return cmd_config_diff(c, a_env, false, "");
  if (*config_apply) return cmd_config_diff(c, a_env, true, a_confirm);
  return exit_usage;
}

}  // namespace herokupp::cli
