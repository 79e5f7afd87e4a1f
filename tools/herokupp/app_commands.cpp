// The app commands: reads, and the single audited actions of ops::Session.
#include "context.hpp"
#include "handbook.hpp"

#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/apps_client.hpp>
#include <herokupp/ops/audited_action.hpp>
#include <herokupp/ops/explain.hpp>
#include <herokupp/workflow/pipeline_stages.hpp>

#include <map>
#include <sstream>

namespace herokupp::cli {

ops::SessionOptions session_options(Context& c) {
  ops::SessionOptions o;
  o.one_off.wait.enabled = true;
  o.one_off.wait.timeout = std::chrono::minutes(30);
  o.one_off.wait.interval = std::chrono::milliseconds(500);
  o.one_off.wait.max_interval = std::chrono::seconds(5);
  o.one_off.wait.sleep = progress_sleep(c);
  o.promote.wait = o.one_off.wait;
  o.fingerprinter = c.fingerprints;
  o.protected_apps.insert(o.protected_apps.end(), c.protected_apps.begin(), c.protected_apps.end());
  return o;
}

ops::Session session(Context& c) {
  return ops::Session{c.client, c.policy, c.actor, c.audit, session_options(c)};
}

// --- app commands -------------------------------------------------------------

int cmd_apps(Context& c, std::string const& filter) {
  json list = json::array();
  std::ostringstream text;
  for (auto const& app : c.client.apps().list()) {
    if (!app) return fail(c, app.error());
    if (!filter.empty() && app->name.find(filter) == std::string::npos) continue;
    // Under a policy, only the apps the actor may read are listed.
    if (c.policy && !c.policy->check(c.actor, ops::Action::info, app->name)) continue;
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
  send_notice(c, workflow::rollback_notice(app, c.actor, *r));
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
  ops::ActionSpec spec;
  spec.actor = c.actor;
  spec.action = "maintenance";
  spec.app = app;
  spec.arguments = {{"state", state}};
  auto s = session(c);
  ops::AuditedActionRunner runner{c.client, c.audit};
  auto r = runner.run(
      spec, [&](Client const&) { return s.check(ops::Action::maintenance, app); },
      [&](ops::AuditedAction& a) {
        auto target = a.client().app(app);
        return on ? target.enable_maintenance() : target.disable_maintenance();
      },
      [&](App const&) { return std::string("maintenance ") + (on ? "on" : "off"); });
  if (!r) return fail(c, r.error());
  if (!on) record_window(c, app, false);  // a window left open is closed now
  return emit(c, json{{"app", app}, {"maintenance", r->maintenance}},
              "Maintenance " + std::string(r->maintenance ? "on" : "off") + " for " + app + "\n");
}

int cmd_promote(Context& c, std::string const& pipeline, std::string const& from,
                std::vector<std::string> to, std::vector<std::string> const& acknowledge,
                std::string const& git_dir) {
  // The policy first: a refused promote sends no request at all.
  auto s = session(c);
  if (auto allowed = s.check(ops::Action::promote, from); !allowed) {
    return fail(c, allowed.error());
  }
  for (auto const& target : to) {
    if (auto allowed = s.check(ops::Action::promote, target); !allowed) {
      return fail(c, allowed.error());
    }
  }
  if (to.empty()) {
    auto downstream = workflow::downstream_apps(c.client, pipeline, from);
    if (!downstream) return fail(c, downstream.error());
    to = std::move(downstream).value();
  }
  if (auto direct = refuse_four_eyes_targets(c, to); !direct) return fail(c, direct.error());
  // The preflight first: a promotion that brings keys the target lacks
  // waits until they are set or acknowledged.
  auto preflights = promotion_preflights(c, from, to, acknowledge, git_dir);
  if (!preflights) return fail(c, preflights.error());
  json checks = json::array();
  std::string check_text, blocked;
  for (auto const& pf : *preflights) {
    checks.push_back(preflight_json(pf));
    check_text += pf.summary();
    if (pf.blocks()) blocked += (blocked.empty() ? "" : "; ") + pf.downstream_app;
  }
  if (!blocked.empty()) {
    Error e{ErrorKind::precondition_failed,
            "the promotion is blocked: config keys are missing on " + blocked +
                "; set them there, or acknowledge them with --acknowledge-missing; nothing "
                "was promoted"};
    if (c.opts.json_output) {
      print_json(c, json{{"ok", false},
                         {"preflight", checks},
                         {"error", {{"kind", "precondition_failed"}, {"message", e.message}}}});
      return exit_code_for(e);
    }
    print(c, check_text);
    return fail(c, e);
  }
  std::string targets;
  for (auto const& t : to)
    targets += (targets.empty() ? "" : ", ") + t;
  bool const notify = notices_wanted(c);
  auto const before = notify ? running_versions(c, to) : std::map<std::string, std::int64_t>{};
  progress_line(c, "promoting " + from + " to " + targets + " and waiting for the release");
  auto r = s.promote(pipeline, from, to);
  if (!r) return fail(c, r.error());
  for (auto const& target : r->targets) {
    if (!notify || target.status != "succeeded" || !target.release_id) continue;
    auto released = c.client.app(target.app_id).releases().info(*target.release_id);
    if (!released) continue;
    auto from_version = before.find(target.app);
    send_notice(c,
                workflow::promotion_notice(from, target.app, c.actor,
                                           from_version == before.end()
                                               ? std::nullopt
                                               : std::optional<std::int64_t>(from_version->second),
                                           *released));
  }
  json out = json::array();
  std::ostringstream t;
  t << check_text;
  for (auto const& target : r->targets) {
    out.push_back({{"app", target.app},
                   {"status", target.status},
                   {"error_message", target.error_message.value_or("")}});
    t << "Promoted " << from << " to " << target.app << ": " << target.status;
    if (target.error_message) t << " (" << *target.error_message << ")";
    t << "\n";
  }
  emit(c,
       json{{"pipeline", pipeline},
            {"from", from},
            {"targets", out},
            {"preflight", checks},
            {"succeeded", r->succeeded()}},
       t.str());
  return r->succeeded() ? exit_ok : exit_api_error;
}

}  // namespace herokupp::cli
