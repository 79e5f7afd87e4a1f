// Endpoints: account, rate limits, apps, features, webhooks, collaborators,
// log sessions and the fixed catalogues (regions, stacks, dyno sizes).
#include "catalogue.hpp"
#include "json_access.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

bool valid_app_name(std::string const& name) {
  if (name.size() < 3 || name.size() > 30) return false;
  if (!(name.front() >= 'a' && name.front() <= 'z')) return false;
  if (name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

// --- account ---------------------------------------------------------------

Reply Platform::Impl::account_info(HandlerContext& ctx) {
  return ok(render(ctx.account));
}

Reply Platform::Impl::account_update(HandlerContext& ctx) {
  if (auto v = string_at(ctx.body, "name")) ctx.account.name = *v;
  if (auto v = bool_at(ctx.body, "allow_tracking")) ctx.account.allow_tracking = *v;
  if (auto v = bool_at(ctx.body, "beta")) ctx.account.beta = *v;
  ctx.account.updated_at = ctx.now;
  return ok(render(ctx.account));
}

Reply Platform::Impl::account_info_by_user(HandlerContext& ctx) {
  auto const& who = ctx.param("account_identity");
  if (who == "~" || who == ctx.account.id || who == ctx.account.email)
    return ok(render(ctx.account));
  if (account_by_identity(who) == nullptr) fail(404, "not_found", "Couldn't find that user.");
  fail(403, "forbidden", "You do not have access to that account.");
}

Reply Platform::Impl::rate_limit_info(HandlerContext& ctx) {
  return ok({{"remaining", rate_limit_take(ctx.account, ctx.now, false)}});
}

// --- apps ------------------------------------------------------------------

Reply Platform::Impl::app_create(HandlerContext& ctx) {
  std::string name;
  if (auto v = string_at(ctx.body, "name")) {
    name = *v;
    if (!valid_app_name(name)) {
      fail(422, "invalid_params",
           "Name must start with a letter, end with a letter or digit and can only contain "
           "lowercase letters, digits, and dashes.");
    }
    if (app_ids_by_name.count(name) > 0)
      fail(422, "invalid_params", "Name " + name + " is already taken");
  } else {
    do {
      name = "sim-app-" + new_token().substr(0, 6);
    } while (app_ids_by_name.count(name) > 0);
  }
  std::string region = ref_at(ctx.body, "region").value_or("us");
  bool region_ok = false;
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    if (region == kRegions[i].name || region == kRegions[i].id) {
      region = kRegions[i].name;
      region_ok = true;
    }
  }
  if (!region_ok) fail(422, "invalid_params", "Couldn't find that region.");
  std::string stack = ref_at(ctx.body, "stack").value_or("heroku-24");
  bool stack_ok = false;
  for (std::size_t i = 0; i < kStackCount; ++i) {
    if (stack == kStacks[i].name || stack == kStacks[i].id) {
      if (std::string(kStacks[i].state) == "retired")
        fail(422, "invalid_params", "The stack " + std::string(kStacks[i].name) + " is retired.");
      stack = kStacks[i].name;
      stack_ok = true;
    }
  }
  if (!stack_ok) fail(422, "invalid_params", "Couldn't find that stack.");
  App& app = create_app(name, ctx.account, ctx.now, region, stack);
  return ok(render(app), 201);
}

Reply Platform::Impl::app_info(HandlerContext& ctx) {
  return ok(render(app_param(ctx)));
}

Reply Platform::Impl::app_list(HandlerContext& ctx) {
  json items = json::array();
  for (auto const& [id, app] : apps) {
    if (can_access(ctx.account, app)) items.push_back(render(app));
  }
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::app_list_by_user(HandlerContext& ctx) {
  auto const& who = ctx.param("account_identity");
  if (!(who == "~" || who == ctx.account.id || who == ctx.account.email)) {
    if (account_by_identity(who) == nullptr) fail(404, "not_found", "Couldn't find that user.");
    fail(403, "forbidden", "You do not have access to that account.");
  }
  return app_list(ctx);
}

Reply Platform::Impl::app_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  if (auto v = string_at(ctx.body, "name"); v && *v != app.name) {
    if (!valid_app_name(*v)) fail(422, "invalid_params", "Name is not a valid app name.");
    if (app_ids_by_name.count(*v) > 0)
      fail(422, "invalid_params", "Name " + *v + " is already taken");
    app_ids_by_name.erase(app.name);
    app.name = *v;
    app_ids_by_name[app.name] = app.id;
  }
  if (auto v = bool_at(ctx.body, "maintenance"); v && *v != app.maintenance) {
    app.maintenance = *v;
    log_line(app, ctx.now, "app[api]",
             std::string("Maintenance mode ") + (*v ? "enabled" : "disabled") + " by user " +
                 ctx.account.email);
  }
  if (auto v = ref_at(ctx.body, "build_stack")) {
    bool found = false;
    for (std::size_t i = 0; i < kStackCount; ++i) {
      if (*v == kStacks[i].name || *v == kStacks[i].id) {
        if (std::string(kStacks[i].state) == "retired")
          fail(422, "invalid_params", "The stack " + std::string(kStacks[i].name) + " is retired.");
        app.build_stack = kStacks[i].name;
        found = true;
      }
    }
    if (!found) fail(422, "invalid_params", "Couldn't find that stack.");
  }
  app.updated_at = ctx.now;
  return ok(render(app));
}

Reply Platform::Impl::app_delete(HandlerContext& ctx) {
  App& app = app_param(ctx);
  if (app.owner_id != ctx.account.id) {
    fail(403, "forbidden", "Only the owner of " + app.name + " can delete it.");
  }
  json body = render(app);
  delete_app(app.id);
  return ok(std::move(body));
}

// --- features --------------------------------------------------------------

namespace {
std::size_t feature_index(std::string const& identity) {
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    if (identity == kFeatures[i].name || identity == kFeatures[i].id) return i;
  }
  fail(404, "not_found", "Couldn't find that feature.");
}
}  // namespace

Reply Platform::Impl::feature_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render_feature(app, feature_index(ctx.param("app_feature_identity"))));
}

Reply Platform::Impl::feature_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (std::size_t i = 0; i < kFeatureCount; ++i)
    items.push_back(render_feature(app, i));
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::feature_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  std::size_t index = feature_index(ctx.param("app_feature_identity"));
  bool enabled = bool_at(ctx.body, "enabled").value_or(false);
  auto& state = app.features[kFeatures[index].name];
  state.enabled = enabled;
  state.updated_at = ctx.now;
  log_line(app, ctx.now, "app[api]",
           std::string(enabled ? "Enable " : "Disable ") + kFeatures[index].name + " by user " +
               ctx.account.email);
  return ok(render_feature(app, index));
}

// --- webhooks --------------------------------------------------------------

namespace {
Webhook& find_webhook(App& app, std::string const& id) {
  for (auto& w : app.webhooks) {
    if (w.id == id) return w;
  }
  fail(404, "not_found", "Couldn't find that webhook.");
}

void apply_webhook(Webhook& w, json const& body) {
  if (auto it = body.find("include"); it != body.end() && it->is_array()) {
    w.include.clear();
    for (auto const& e : *it) {
      if (e.is_string()) w.include.push_back(e.get<std::string>());
    }
  }
  if (auto v = string_at(body, "level")) w.level = *v;
  if (auto v = string_at(body, "url")) w.url = *v;
  if (body.contains("authorization")) w.authorization = string_at(body, "authorization");
  if (body.contains("secret")) w.secret = string_at(body, "secret");
}
}  // namespace

Reply Platform::Impl::webhook_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Webhook w;
  w.id = new_id();
  apply_webhook(w, ctx.body);
  if (w.url.rfind("https://", 0) != 0 && w.url.rfind("http://", 0) != 0) {
    fail(422, "invalid_params", "Url must be an http or https URL.");
  }
  // Like the API, a webhook created without a secret gets one, shown once in a header.
  std::string generated;
  if (!w.secret) w.secret = generated = new_token();
  w.created_at = w.updated_at = ctx.now;
  app.webhooks.push_back(std::move(w));
  Reply reply = ok(render(app, app.webhooks.back()), 201);
  if (!generated.empty()) reply.headers.add("Heroku-Webhook-Secret", generated);
  return reply;
}

Reply Platform::Impl::webhook_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render(app, find_webhook(app, ctx.param("app_webhook_identity"))));
}

Reply Platform::Impl::webhook_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& w : app.webhooks)
    items.push_back(render(app, w));
  return list(std::move(items), {"id"});
}

Reply Platform::Impl::webhook_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Webhook& w = find_webhook(app, ctx.param("app_webhook_identity"));
  apply_webhook(w, ctx.body);
  w.updated_at = ctx.now;
  return ok(render(app, w));
}

Reply Platform::Impl::webhook_delete(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Webhook& w = find_webhook(app, ctx.param("app_webhook_identity"));
  json body = render(app, w);
  std::string const id = w.id;
  app.webhooks.erase(std::remove_if(app.webhooks.begin(), app.webhooks.end(),
                                    [&](Webhook const& x) { return x.id == id; }),
                     app.webhooks.end());
  return ok(std::move(body));
}

// --- collaborators ---------------------------------------------------------

Collaborator* Platform::Impl::collaborator_by_identity(App& app, std::string_view identity) {
  for (auto& c : app.collaborators) {
    if (c.id == identity || c.account_id == identity) return &c;
    if (accounts.at(c.account_id).email == identity) return &c;
  }
  return nullptr;
}

Collaborator& Platform::Impl::existing_collaborator(App& app, std::string_view identity) {
  Collaborator* c = collaborator_by_identity(app, identity);
  if (c == nullptr) fail(404, "not_found", "Couldn't find that collaborator.");
  return *c;
}

Reply Platform::Impl::collaborators_of(App const& app) const {
  json items = json::array();
  for (auto const& c : app.collaborators)
    items.push_back(render(app, c));
  return list(std::move(items), {"id"});
}

Collaborator& Platform::Impl::add_collaborator(HandlerContext& ctx, App& app,
                                               std::string const& email,
                                               std::vector<std::string> permissions) {
  Account* user = account_by_identity(email);
  if (user == nullptr) fail(404, "not_found", "Couldn't find that user.");
  if (user->id == app.owner_id)
    fail(422, "invalid_params", "The owner of an app cannot be a collaborator.");
  if (collaborator_by_identity(app, user->id) != nullptr) {
    fail(422, "invalid_params", user->email + " is already a collaborator on " + app.name + ".");
  }
  Collaborator c;
  c.id = new_id();
  c.account_id = user->id;
  c.permissions = std::move(permissions);
  c.created_at = c.updated_at = ctx.now;
  app.collaborators.push_back(std::move(c));
  log_line(app, ctx.now, "app[api]",
           user->email + " added as a collaborator by " + ctx.account.email);
  return app.collaborators.back();
}

json Platform::Impl::remove_collaborator(App& app, std::string_view identity) {
  Collaborator const& c = existing_collaborator(app, identity);
  json body = render(app, c);
  std::string const id = c.id;
  app.collaborators.erase(std::remove_if(app.collaborators.begin(), app.collaborators.end(),
                                         [&](Collaborator const& x) { return x.id == id; }),
                          app.collaborators.end());
  return body;
}

Reply Platform::Impl::collaborator_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto email = ref_at(ctx.body, "user", "email").value_or("");
  return ok(render(app, add_collaborator(ctx, app, email, {})), 201);
}

Reply Platform::Impl::collaborator_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render(app, existing_collaborator(app, ctx.param("collaborator_identity"))));
}

Reply Platform::Impl::collaborator_list(HandlerContext& ctx) {
  return collaborators_of(app_param(ctx));
}

Reply Platform::Impl::collaborator_delete(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(remove_collaborator(app, ctx.param("collaborator_identity")));
}

// --- log sessions ----------------------------------------------------------

Reply Platform::Impl::log_session_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  LogSession s;
  s.id = new_id();
  s.app_id = app.id;
  s.filter.dyno =
      string_at(ctx.body, "dyno_name").value_or(string_at(ctx.body, "dyno").value_or(""));
  s.filter.source = string_at(ctx.body, "source").value_or("");
  s.lines =
      static_cast<int>(std::clamp<long long>(int_at(ctx.body, "lines").value_or(100), 1, 1500));
  s.created_at = ctx.now;
  std::string const token = new_token();
  json body = {{"created_at", iso(ctx.now)},
               {"id", s.id},
               {"logplex_url", options.base_url + "/__sim/logs/" + token},
               {"updated_at", iso(ctx.now)}};
  log_sessions.emplace(token, std::move(s));
  return ok(std::move(body), 201);
}

// --- catalogues ------------------------------------------------------------

namespace {
json render_region(RegionInfo const& r) {
  return {{"country", r.country},
          {"created_at", "2012-11-21T20:44:16Z"},
          {"description", r.description},
          {"id", r.id},
          {"locale", r.locale},
          {"name", r.name},
          {"private_capable", false},
          {"provider", {{"name", "amazon-web-services"}, {"region", r.provider_region}}},
          {"updated_at", "2016-08-09T22:03:28Z"}};
}
json render_stack(StackInfo const& s) {
  return {{"default", s.is_default},
          {"created_at", "2022-05-01T00:00:00Z"},
          {"id", s.id},
          {"name", s.name},
          {"state", s.state},
          {"updated_at", "2024-05-01T00:00:00Z"}};
}
json render_dyno_size(DynoSizeInfo const& d) {
  return {{"architecture", "amd64"},
          {"compute", d.compute},
          {"cost", nullptr},
          {"dedicated", d.dedicated},
          {"precise_dyno_units", d.dyno_units},
          {"generation", {{"id", kGenerationId}, {"name", "cedar"}}},
          {"id", d.id},
          {"memory", d.memory},
          {"name", d.name},
          {"private_space_only", d.private_space_only}};
}
}  // namespace

Reply Platform::Impl::region_info(HandlerContext& ctx) {
  auto const& id = ctx.param("region_identity");
  for (std::size_t i = 0; i < kRegionCount; ++i) {
    if (id == kRegions[i].name || id == kRegions[i].id) return ok(render_region(kRegions[i]));
  }
  fail(404, "not_found", "Couldn't find that region.");
}

Reply Platform::Impl::region_list(HandlerContext&) {
  json items = json::array();
  for (std::size_t i = 0; i < kRegionCount; ++i)
    items.push_back(render_region(kRegions[i]));
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::stack_info(HandlerContext& ctx) {
  auto const& id = ctx.param("stack_identity");
  for (std::size_t i = 0; i < kStackCount; ++i) {
    if (id == kStacks[i].name || id == kStacks[i].id) return ok(render_stack(kStacks[i]));
  }
  fail(404, "not_found", "Couldn't find that stack.");
}

Reply Platform::Impl::stack_list(HandlerContext&) {
  json items = json::array();
  for (std::size_t i = 0; i < kStackCount; ++i)
    items.push_back(render_stack(kStacks[i]));
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::dyno_size_info(HandlerContext& ctx) {
  auto const& id = ctx.param("dyno_size_identity");
  for (std::size_t i = 0; i < kDynoSizeCount; ++i) {
    if (id == kDynoSizes[i].name || id == kDynoSizes[i].id)
      return ok(render_dyno_size(kDynoSizes[i]));
  }
  fail(404, "not_found", "Couldn't find that dyno size.");
}

Reply Platform::Impl::dyno_size_list(HandlerContext&) {
  json items = json::array();
  for (std::size_t i = 0; i < kDynoSizeCount; ++i)
    items.push_back(render_dyno_size(kDynoSizes[i]));
  return list(std::move(items), {"id", "name"});
}

}  // namespace herokupp::sim
