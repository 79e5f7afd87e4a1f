// Seeds: a JSON document describing accounts, teams, apps (with their release
// history, config, formation, collaborators, features, webhooks) and
// pipelines, replayed through the same behaviour as the API.
#include "json_access.hpp"
#include "platform_impl.hpp"

#include <herokupp/timestamp.hpp>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

[[noreturn]] void bad(std::string message) {
  fail(0, "seed", std::move(message));
}

json const& array_at(json const& j, char const* key) {
  static json const empty = json::array();
  auto it = j.find(key);
  if (it == j.end()) return empty;
  if (!it->is_array()) bad(std::string("`") + key + "` must be an array");
  return *it;
}

TimePoint time_at(json const& j, char const* key, TimePoint fallback) {
  auto text = string_at(j, key);
  if (!text) return fallback;
  auto t = Timestamp::parse(*text);
  if (!t) bad(std::string("`") + key + "` is not an ISO 8601 time: " + *text);
  return t->time_point();
}

}  // namespace

void Platform::Impl::load_seed(json const& seed, TimePoint now) {
  using std::chrono::hours;

  for (auto const& a : array_at(seed, "accounts")) {
    auto email = string_at(a, "email");
    if (!email) bad("every account needs an `email`");
    Account* account = account_by_identity(*email);
    if (account == nullptr) {
      Account fresh;
      fresh.id = string_at(a, "id").value_or(new_id());
      fresh.email = *email;
      fresh.created_at = fresh.updated_at = time_at(a, "created_at", now - hours(24 * 365));
      account_order.push_back(fresh.id);
      std::string const id = fresh.id;
      account = &accounts.emplace(id, std::move(fresh)).first->second;
    }
    account->name = string_at(a, "name").value_or(account->name);
    std::vector<std::string> keys;
    if (auto k = string_at(a, "api_key")) keys.push_back(*k);
    for (auto const& k : array_at(a, "api_keys")) {
      if (k.is_string()) keys.push_back(k.get<std::string>());
    }
    if (keys.empty() && account->api_keys.empty()) keys.push_back(new_key());
    for (auto& k : keys) {
      account->api_keys.push_back(k);
      account_by_key_[k] = account->id;
    }
  }

  for (auto const& t : array_at(seed, "teams")) {
    auto name = string_at(t, "name");
    if (!name) bad("every team needs a `name`");
    Team team;
    team.id = string_at(t, "id").value_or(new_id());
    team.name = *name;
    team.created_at = team.updated_at = now - hours(24 * 90);
    for (auto const& m : array_at(t, "members")) {
      Account* who = account_by_identity(string_at(m, "email").value_or(""));
      if (who == nullptr) bad("a member of the team " + *name + " is not a seeded account");
      team.members.push_back({new_id(), who->id, string_at(m, "role").value_or("member"),
                              team.created_at, team.created_at});
    }
    for (auto const& f : array_at(t, "features")) {
      if (!f.is_string()) bad("the features of the team " + *name + " are names");
      team.features.push_back({new_id(), f.get<std::string>()});
    }
    std::string const id = team.id;
    teams.emplace(id, std::move(team));
  }

  for (auto const& a : array_at(seed, "apps")) {
    auto name = string_at(a, "name");
    if (!name) bad("every app needs a `name`");
    if (app_ids_by_name.count(*name) > 0) bad("the app " + *name + " appears twice");
    auto owner_email = string_at(a, "owner");
    Account* owner = owner_email ? account_by_identity(*owner_email) : nullptr;
    if (owner == nullptr && !account_order.empty() && !owner_email) {
      owner = &accounts.at(account_order.front());
    }
    if (owner == nullptr) bad("the owner of " + *name + " is not a seeded account");

    auto const& history = array_at(a, "releases");
    auto const spacing = hours(6);
    TimePoint t = time_at(a, "created_at", now - spacing * static_cast<int>(history.size() + 2));
    App& app = create_app(*name, *owner, t, string_at(a, "region").value_or("us"),
                          string_at(a, "stack").value_or("heroku-24"));
    std::string const app_id = app.id;
    for (auto const& b : array_at(a, "buildpacks")) {
      if (!b.is_string()) bad("the buildpacks of " + *name + " are names or URLs");
      app.buildpacks.push_back(b.get<std::string>());
    }
    if (auto team = string_at(a, "team")) {
      for (auto const& [id, t] : teams) {
        if (t.name == *team) app.team_id = id;
      }
      if (app.team_id.empty()) bad("the team of " + *name + " is not a seeded team");
    }

    for (auto const& c : array_at(a, "collaborators")) {
      Account* user = c.is_string() ? account_by_identity(c.get<std::string>()) : nullptr;
      if (user == nullptr) bad("a collaborator of " + *name + " is not a seeded account");
      Collaborator collab;
      collab.id = new_id();
      collab.account_id = user->id;
      collab.created_at = collab.updated_at = t;
      app.collaborators.push_back(collab);
    }

    for (auto const& entry : history) {
      if (!entry.is_object()) bad("the releases of " + *name + " must be objects");
      t = time_at(entry, "at", t + spacing);
      std::string user_id = owner->id;
      if (auto by = string_at(entry, "by")) {
        Account* who = account_by_identity(*by);
        if (who == nullptr) bad("release author " + *by + " is not a seeded account");
        user_id = who->id;
      }
      if (string_at(entry, "status").value_or("succeeded") == "failed") {
        app.fail_next_release = string_at(entry, "error").value_or("Release command failed.");
      }
      auto description = string_at(entry, "description").value_or("");
      if (auto commit = string_at(entry, "deploy")) {
        Slug& slug = create_slug(app, *commit, t);
        if (auto pt = entry.find("process_types"); pt != entry.end() && pt->is_object()) {
          slug.process_types.clear();
          for (auto p = pt->begin(); p != pt->end(); ++p)
            slug.process_types[p.key()] = p.value().get<std::string>();
        }
        Slug copy = slug;
        deploy_slug(app, copy, description, user_id, t, ReleaseKind::deploy);
      } else if (auto patch = entry.find("config"); patch != entry.end()) {
        if (!patch->is_object()) bad("`config` in the releases of " + *name + " must be an object");
        patch_config(app, *patch, user_id, t);
      } else if (auto to = int_at(entry, "rollback")) {
        Release* target = release_by_identity(app, std::to_string(*to));
        if (target == nullptr) bad(*name + " cannot roll back to v" + std::to_string(*to));
        Release const copy = *target;
        rollback(app, copy, user_id, t);
      } else if (auto from = string_at(entry, "promote_from")) {
        App* source = app_by_identity(*from);
        if (source == nullptr) bad(*name + " promotes from an unknown app " + *from);
        Release* r = int_at(entry, "version")
                         ? release_by_identity(*source, std::to_string(*int_at(entry, "version")))
                         : current_release(*source);
        Slug* slug = r != nullptr ? slug_by_id(r->slug_id) : nullptr;
        if (slug == nullptr) bad(*name + " promotes a release of " + *from + " that has no slug");
        if (description.empty()) {
          description = "Promote " + source->name + " v" + std::to_string(r->version);
          if (!slug->commit.empty()) description += " " + short_commit(slug->commit);
        }
        Slug copy = *slug;
        deploy_slug(app, copy, description, user_id, t, ReleaseKind::promote);
      } else if (!description.empty()) {
        create_release(app, description, ReleaseKind::other,
                       current_release(app) ? current_release(app)->slug_id : "", app.config,
                       user_id, t);
      } else {
        bad("a release of " + *name + " needs `deploy`, `config`, `rollback` or `promote_from`");
      }
      app.fail_next_release.reset();
    }

    if (auto config = a.find("config"); config != a.end()) {
      if (!config->is_object()) bad("`config` of " + *name + " must be an object");
      patch_config(app, *config, owner->id, t);
    }

    for (auto const& f : array_at(a, "formation")) {
      auto type = string_at(f, "type");
      if (!type) bad("every formation entry of " + *name + " needs a `type`");
      auto& formation = app.formation[*type];
      if (formation.id.empty()) {
        formation.id = new_id();
        formation.type = *type;
        formation.created_at = t;
      }
      formation.size = string_at(f, "size").value_or("Standard-1X");
      formation.command = string_at(f, "command").value_or(formation.command);
      if (formation.command.empty()) formation.command = "bin/" + *type;
      scale(app, formation, static_cast<int>(int_at(f, "quantity").value_or(1)), t);
      for (auto& d : app.dynos) {
        d.state = "up";
      }
    }

    if (auto features = a.find("features"); features != a.end() && features->is_object()) {
      for (auto it = features->begin(); it != features->end(); ++it) {
        app.features[it.key()] = FeatureState{it.value().is_boolean() && it.value().get<bool>(), t};
      }
    }

    for (auto const& w : array_at(a, "webhooks")) {
      Webhook hook;
      hook.id = new_id();
      hook.url = string_at(w, "url").value_or("");
      hook.level = string_at(w, "level").value_or("notify");
      for (auto const& inc : array_at(w, "include"))
        hook.include.push_back(inc.get<std::string>());
      hook.created_at = hook.updated_at = t;
      app.webhooks.push_back(std::move(hook));
    }

    for (auto const& d : array_at(a, "log_drains")) {
      if (!d.is_string()) bad("the log drains of " + *name + " must be URLs");
      LogDrain drain;
      drain.id = new_id();
      drain.url = d.get<std::string>();
      drain.token = "d." + new_id();
      drain.created_at = drain.updated_at = t;
      app.log_drains.push_back(std::move(drain));
    }

    app.maintenance = bool_at(a, "maintenance").value_or(false);
    app.updated_at = t;
    // When maintenance was switched on, the platform last updated the app
    // then (the API has no other record of it).
    if (app.maintenance) app.updated_at = time_at(a, "maintenance_since", t);
    (void)app_id;
  }

  for (auto const& p : array_at(seed, "pipelines")) {
    auto name = string_at(p, "name");
    if (!name) bad("every pipeline needs a `name`");
    Account* owner = nullptr;
    if (auto email = string_at(p, "owner")) owner = account_by_identity(*email);
    if (owner == nullptr && !account_order.empty()) owner = &accounts.at(account_order.front());
    if (owner == nullptr) bad("the pipeline " + *name + " has no owner");
    Pipeline pipeline;
    pipeline.id = string_at(p, "id").value_or(new_id());
    pipeline.name = *name;
    pipeline.owner_id = owner->id;
    pipeline.created_at = pipeline.updated_at = now - hours(24 * 30);
    std::string const pipeline_id = pipeline.id;
    pipelines.emplace(pipeline_id, std::move(pipeline));
    if (auto stages = p.find("stages"); stages != p.end()) {
      if (!stages->is_object()) bad("`stages` of " + *name + " must be an object");
      for (auto it = stages->begin(); it != stages->end(); ++it) {
        for (auto const& app_name : it.value()) {
          App* app = app_name.is_string() ? app_by_identity(app_name.get<std::string>()) : nullptr;
          if (app == nullptr) bad("the pipeline " + *name + " names an unknown app");
          Coupling c;
          c.id = new_id();
          c.pipeline_id = pipeline_id;
          c.app_id = app->id;
          c.stage = it.key();
          c.created_at = c.updated_at = now - hours(24 * 30);
          std::string const id = c.id;
          couplings.emplace(id, std::move(c));
        }
      }
    }
  }
}

}  // namespace herokupp::sim
