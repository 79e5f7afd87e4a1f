// Endpoints: account features, teams (their members, apps, features and the
// permission catalogue) and app filters. A team's members may use its apps.
#include "catalogue.hpp"
#include "json_access.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

// --- account features ----------------------------------------------------------

namespace {

std::size_t account_feature_index(std::string const& identity) {
  for (std::size_t i = 0; i < kAccountFeatureCount; ++i) {
    if (identity == kAccountFeatures[i].name || identity == kAccountFeatures[i].id) return i;
  }
  not_found("account_feature", "Couldn't find that feature.");
}

json render_account_feature(Account const& a, std::size_t index) {
  return render_feature(kAccountFeatures[index], a.features, a.created_at);
}

TeamMember const* membership(Team const& t, std::string const& account_id) {
  for (auto const& m : t.members) {
    if (m.account_id == account_id) return &m;
  }
  return nullptr;
}

}  // namespace

Reply Platform::Impl::account_feature_info(HandlerContext& ctx) {
  return ok(render_account_feature(ctx.account,
                                   account_feature_index(ctx.param("account_feature_identity"))));
}

Reply Platform::Impl::account_feature_list(HandlerContext& ctx) {
  json items = json::array();
  for (std::size_t i = 0; i < kAccountFeatureCount; ++i)
    items.push_back(render_account_feature(ctx.account, i));
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::account_feature_update(HandlerContext& ctx) {
  std::size_t index = account_feature_index(ctx.param("account_feature_identity"));
  auto& state = ctx.account.features[kAccountFeatures[index].name];
  state.enabled = bool_at(ctx.body, "enabled").value_or(false);
  state.updated_at = ctx.now;
  return ok(render_account_feature(ctx.account, index));
}

// --- teams -------------------------------------------------------------------

json Platform::Impl::render(Team const& t, Account const& viewer) const {
  TeamMember const* m = membership(t, viewer.id);
  return {{"id", t.id},
          {"created_at", iso(t.created_at)},
          {"credit_card_collections", false},
          {"default", false},
          {"enterprise_account", nullptr},
          {"identity_provider", nullptr},
          {"membership_limit", nullptr},
          {"name", t.name},
          {"provisioned_licenses", false},
          {"role", m != nullptr ? json(m->role) : json(nullptr)},
          {"type", "team"},
          {"updated_at", iso(t.updated_at)}};
}

Team& Platform::Impl::team_for(HandlerContext& ctx, std::string_view identity) {
  for (auto& [id, t] : teams) {
    if (t.id != identity && t.name != identity) continue;
    if (membership(t, ctx.account.id) == nullptr)
      fail(403, "forbidden", "You do not have access to the team " + t.name + ".");
    return t;
  }
  not_found("team", "Couldn't find that team.");
}

Reply Platform::Impl::team_create(HandlerContext& ctx) {
  std::string name = string_at(ctx.body, "name").value_or("");
  if (name.size() < 3 || name.size() > 30) fail(422, "invalid_params", "Name is invalid.");
  for (auto const& [id, t] : teams) {
    if (t.name == name) fail(422, "invalid_params", "Name " + name + " is already taken.");
  }
  Team t;
  t.id = new_id();
  t.name = name;
  t.created_at = t.updated_at = ctx.now;
  t.members.push_back({new_id(), ctx.account.id, "admin", ctx.now, ctx.now});
  std::string const id = t.id;
  return ok(render(teams.emplace(id, std::move(t)).first->second, ctx.account), 201);
}

Reply Platform::Impl::team_info(HandlerContext& ctx) {
  return ok(render(team_for(ctx, ctx.param("team_identity")), ctx.account));
}

Reply Platform::Impl::team_list(HandlerContext& ctx) {
  json items = json::array();
  for (auto const& [id, t] : teams) {
    if (membership(t, ctx.account.id) != nullptr) items.push_back(render(t, ctx.account));
  }
  return list(std::move(items), {"id", "name"});
}

namespace {

json render_member(Team const& t, TeamMember const& m, Account const& a) {
  (void)t;
  return {{"created_at", iso(m.created_at)},
          {"email", a.email},
          {"federated", false},
          {"id", m.id},
          {"identity_provider", nullptr},
          {"role", m.role},
          {"two_factor_authentication", false},
          {"updated_at", iso(m.updated_at)},
          {"user", {{"email", a.email}, {"id", a.id}, {"name", a.name}}}};
}

}  // namespace

Reply Platform::Impl::team_member_list(HandlerContext& ctx) {
  Team& t = team_for(ctx, ctx.param("team_identity"));
  json items = json::array();
  for (auto const& m : t.members)
    items.push_back(render_member(t, m, accounts.at(m.account_id)));
  return list(std::move(items), {"email", "id"});
}

Reply Platform::Impl::team_member_create(HandlerContext& ctx) {
  Team& t = team_for(ctx, ctx.param("team_identity"));
  TeamMember const* me = membership(t, ctx.account.id);
  if (me == nullptr || me->role != "admin")
    fail(403, "forbidden", "Only an admin of " + t.name + " can change its members.");
  std::string role = string_at(ctx.body, "role").value_or("member");
  Account* who = account_by_identity(string_at(ctx.body, "email").value_or(""));
  if (who == nullptr) not_found("user", "Couldn't find that user.");
  for (auto& m : t.members) {
    if (m.account_id != who->id) continue;
    m.role = role;
    m.updated_at = ctx.now;
    return ok(render_member(t, m, *who));
  }
  t.members.push_back({new_id(), who->id, role, ctx.now, ctx.now});
  return ok(render_member(t, t.members.back(), *who), 201);
}

Reply Platform::Impl::team_member_delete(HandlerContext& ctx) {
  Team& t = team_for(ctx, ctx.param("team_identity"));
  auto const& identity = ctx.param("team_member_identity");
  for (auto it = t.members.begin(); it != t.members.end(); ++it) {
    Account const& a = accounts.at(it->account_id);
    if (it->id != identity && a.email != identity && a.id != identity) continue;
    json body = render_member(t, *it, a);
    t.members.erase(it);
    return ok(std::move(body));
  }
  not_found("team_member", "Couldn't find that team member.");
}

// --- team apps and filters ---------------------------------------------------

namespace {

json render_team_app(Platform::Impl const& impl, App const& app, Account const& viewer) {
  json out = impl.render(app);
  out["joined"] = app.owner_id == viewer.id ||
                  std::any_of(app.collaborators.begin(), app.collaborators.end(),
                              [&](Collaborator const& c) { return c.account_id == viewer.id; });
  out["locked"] = app.locked;
  return out;
}

}  // namespace

Reply Platform::Impl::team_app_create(HandlerContext& ctx) {
  std::string team_name = ref_at(ctx.body, "team").value_or("");
  Team* team = team_name.empty() ? nullptr : &team_for(ctx, team_name);
  // The personal and team paths share app_create's checks of name, region and stack.
  Reply created = app_create(ctx);
  App& app = *app_by_identity(created.body["id"].get<std::string>());
  if (team != nullptr) app.team_id = team->id;
  app.locked = bool_at(ctx.body, "locked").value_or(false);
  return ok(render_team_app(*this, app, ctx.account), 201);
}

Reply Platform::Impl::team_app_info(HandlerContext& ctx) {
  return ok(render_team_app(*this, app_for(ctx, ctx.param("team_app_identity")), ctx.account));
}

/// PATCH /teams/apps/{app}: `locked` locks a team app to its members with
/// explicit access; `owner` transfers the app to a team (by name) or an
/// account (by email or id).
Reply Platform::Impl::team_app_update(HandlerContext& ctx) {
  App& app = app_for(ctx, ctx.param("team_app_identity"));
  // The owner of a personal app, an admin of a team app's team.
  bool may_change = app.owner_id == ctx.account.id;
  if (auto current = teams.find(app.team_id); current != teams.end()) {
    TeamMember const* m = membership(current->second, ctx.account.id);
    may_change = m != nullptr && m->role == "admin";
  }
  if (!may_change)
    fail(403, "forbidden", "Only the owner or a team admin may lock or transfer " + app.name + ".");
  if (auto locked = bool_at(ctx.body, "locked")) {
    if (app.team_id.empty()) fail(422, "invalid_params", app.name + " is not a team app.");
    app.locked = *locked;
  } else if (auto owner = ref_at(ctx.body, "owner")) {
    Team const* team = nullptr;
    for (auto const& [id, t] : teams) {
      if (t.name == *owner || t.id == *owner) team = &t;
    }
    if (team != nullptr) {
      if (membership(*team, ctx.account.id) == nullptr)
        fail(403, "forbidden", "You are not a member of the team " + team->name + ".");
      app.team_id = team->id;
    } else {
      Account* to = account_by_identity(*owner);
      if (to == nullptr) fail(404, "not_found", "Couldn't find that team or user.");
      app.owner_id = to->id;
      app.team_id.clear();
      app.locked = false;
    }
    log_line(app, ctx.now, "app[api]", "Transferred to " + *owner + " by " + ctx.account.email);
  } else {
    fail(422, "invalid_params", "Send `locked` or `owner`.");
  }
  app.updated_at = ctx.now;
  return ok(render_team_app(*this, app, ctx.account));
}

Reply Platform::Impl::team_app_list(HandlerContext& ctx) {
  Team& t = team_for(ctx, ctx.param("team_identity"));
  json items = json::array();
  for (auto const& [id, app] : apps) {
    if (app.team_id == t.id) items.push_back(render_team_app(*this, app, ctx.account));
  }
  return list(std::move(items), {"id", "name"});
}

// --- team features ---------------------------------------------------------

namespace {

// A team's features are those its seed enables (org-access-controls turns
// on per-app permissions in `heroku access:add`).
json render_team_feature(Team const& t, TeamFeature const& f) {
  return {{"created_at", iso(t.created_at)},
          {"description", "The " + f.name + " feature of the team."},
          {"doc_url", "https://devcenter.heroku.com/articles/" + f.name},
          {"enabled", true},
          {"id", f.id},
          {"name", f.name},
          {"state", "general"},
          {"updated_at", iso(t.updated_at)},
          {"display_name", f.name},
          {"feedback_email", "feedback@heroku.com"}};
}

}  // namespace

Reply Platform::Impl::team_feature_list(HandlerContext& ctx) {
  Team const& t = team_for(ctx, ctx.param("team_identity"));
  json items = json::array();
  for (auto const& f : t.features)
    items.push_back(render_team_feature(t, f));
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::team_feature_info(HandlerContext& ctx) {
  Team const& t = team_for(ctx, ctx.param("team_identity"));
  std::string const identity = ctx.param("team_feature_identity");
  for (auto const& f : t.features) {
    if (identity == f.name || identity == f.id) return ok(render_team_feature(t, f));
  }
  fail(404, "not_found", "Couldn't find that feature.");
}

Reply Platform::Impl::team_permission_list(HandlerContext&) {
  json items = json::array();
  for (std::size_t i = 0; i < kTeamPermissionCount; ++i)
    items.push_back(
        {{"name", kTeamPermissions[i].name}, {"description", kTeamPermissions[i].description}});
  return list(std::move(items), {"name"});
}

// --- team app collaborators --------------------------------------------------

namespace {

// The permissions of a team app collaborator: known names, sorted, each once.
std::vector<std::string> permissions_in(json const& body) {
  std::vector<std::string> names;
  auto it = body.find("permissions");
  if (it == body.end() || !it->is_array()) return names;
  for (auto const& p : *it) {
    if (!p.is_string() || !is_team_permission(p.get<std::string>())) {
      fail(422, "invalid_params", "Permissions must be some of view, deploy, operate and manage.");
    }
    names.push_back(p.get<std::string>());
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

App& Platform::Impl::team_app_param(HandlerContext& ctx) {
  // Create names its path parameter after the app, the others after the team app.
  std::string identity = ctx.param("team_app_identity");
  if (identity.empty()) identity = ctx.param("app_identity");
  App& app = app_for(ctx, identity);
  if (app.team_id.empty()) fail(422, "invalid_params", app.name + " is not a team app.");
  return app;
}

Reply Platform::Impl::team_app_collaborator_create(HandlerContext& ctx) {
  App& app = team_app_param(ctx);
  auto email = ref_at(ctx.body, "user", "email").value_or("");
  auto permissions = permissions_in(ctx.body);
  return ok(render(app, add_collaborator(ctx, app, email, std::move(permissions))), 201);
}

Reply Platform::Impl::team_app_collaborator_info(HandlerContext& ctx) {
  App& app = team_app_param(ctx);
  return ok(render(app, existing_collaborator(app, ctx.param("team_app_collaborator_identity"))));
}

Reply Platform::Impl::team_app_collaborator_list(HandlerContext& ctx) {
  return collaborators_of(team_app_param(ctx));
}

Reply Platform::Impl::team_app_collaborator_update(HandlerContext& ctx) {
  App& app = team_app_param(ctx);
  Collaborator& c = existing_collaborator(app, ctx.param("team_app_collaborator_identity"));
  c.permissions = permissions_in(ctx.body);
  c.updated_at = ctx.now;
  return ok(render(app, c));
}

Reply Platform::Impl::team_app_collaborator_delete(HandlerContext& ctx) {
  App& app = team_app_param(ctx);
  return ok(remove_collaborator(app, ctx.param("team_app_collaborator_identity")));
}

/// POST /filters/apps {"in": {"id": [...]}}: the apps among those ids the caller may see.
Reply Platform::Impl::filter_apps(HandlerContext& ctx) {
  json items = json::array();
  auto in = ctx.body.find("in");
  if (in == ctx.body.end() || !in->is_object()) return ok(std::move(items));
  auto ids = in->find("id");
  if (ids == in->end() || !ids->is_array()) return ok(std::move(items));
  for (auto const& id : *ids) {
    if (!id.is_string()) continue;
    App* app = app_by_identity(id.get<std::string>());
    if (app != nullptr && can_access(ctx.account, *app))
      items.push_back(render_team_app(*this, *app, ctx.account));
  }
  return ok(std::move(items));
}

}  // namespace herokupp::sim
