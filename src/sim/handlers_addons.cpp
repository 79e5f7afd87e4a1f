// Endpoints: the add-on marketplace (services, plans), add-ons and their
// attachments. Attaching an add-on sets its config var on the app in a new
// release ("Attach DATABASE"), and detaching removes it, as on Heroku.
#include "catalogue.hpp"
#include "json_access.hpp"
#include "platform_impl.hpp"

#include <algorithm>
#include <cctype>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

json service_ref(std::size_t i) {
  auto const& s = kAddOnServices[i];
  return {{"id", s.id}, {"name", s.name}, {"human_name", s.human_name}};
}

json render_service(std::size_t i) {
  auto const& s = kAddOnServices[i];
  return {{"cli_plugin_name", nullptr},
          {"created_at", "2014-01-01T00:00:00Z"},
          {"human_name", s.human_name},
          {"id", s.id},
          {"name", s.name},
          {"state", "ga"},
          {"supports_multiple_installations", true},
          {"supports_sharing", true},
          {"updated_at", "2024-01-01T00:00:00Z"},
          {"supported_generations", json::array({{{"id", kGenerationId}, {"name", "cedar"}}})}};
}

json price(AddOnPlanInfo const& p) {
  return {{"cents", p.cents}, {"contract", false}, {"unit", "month"}};
}

json render_plan(std::size_t i) {
  auto const& p = kAddOnPlans[i];
  return {{"addon_service", service_ref(p.service)},
          {"created_at", "2014-01-01T00:00:00Z"},
          {"compliance", nullptr},
          {"default", p.is_default},
          {"description", p.human_name},
          {"human_name", p.human_name},
          {"id", p.id},
          {"installable_inside_private_network", false},
          {"installable_outside_private_network", true},
          {"name", p.name},
          {"price", price(p)},
          {"space_default", false},
          {"state", "public"},
          {"updated_at", "2024-01-01T00:00:00Z"},
          {"visible", true}};
}

std::size_t service_index(std::string const& identity) {
  for (std::size_t i = 0; i < kAddOnServiceCount; ++i) {
    if (identity == kAddOnServices[i].name || identity == kAddOnServices[i].id) return i;
  }
  not_found("add_on_service", "Couldn't find that add-on service.");
}

/// A plan named "service:plan", by id, or a service name alone (its default plan).
std::size_t plan_index(std::string const& identity) {
  for (std::size_t i = 0; i < kAddOnPlanCount; ++i) {
    if (identity == kAddOnPlans[i].name || identity == kAddOnPlans[i].id) return i;
  }
  for (std::size_t i = 0; i < kAddOnPlanCount; ++i) {
    if (kAddOnPlans[i].is_default && identity == kAddOnServices[kAddOnPlans[i].service].name)
      return i;
  }
  not_found("plan",
            "Couldn't find either the add-on service or the add-on plan of \"" + identity + "\".");
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return c == '-' ? '_' : static_cast<char>(std::toupper(c));
  });
  return s;
}

/// The config vars an attachment named `name` puts on its app.
std::map<std::string, std::string> attachment_vars(AddOn const& a, std::string const& name) {
  std::map<std::string, std::string> out;
  for (auto const& [suffix, value] : a.config)
    out[name + "_" + suffix] = value;
  return out;
}

}  // namespace

// --- rendering ---------------------------------------------------------------

json Platform::Impl::render(AddOn const& a) const {
  auto const& plan = kAddOnPlans[a.plan];
  auto const& app = apps.at(a.app_id);
  json vars = json::array();
  for (auto const& [id, att] : attachments) {
    if (att.addon_id != a.id || att.app_id != a.app_id) continue;
    for (auto const& [name, value] : attachment_vars(a, att.name))
      vars.push_back(name);
  }
  return {{"actions", json::array()},
          {"addon_service", service_ref(plan.service)},
          {"billing_entity", {{"id", app.id}, {"name", app.name}, {"type", "app"}}},
          {"app", {{"id", app.id}, {"name", app.name}}},
          {"billed_price", price(plan)},
          {"config_vars", std::move(vars)},
          {"created_at", iso(a.created_at)},
          {"id", a.id},
          {"name", a.name},
          {"plan", {{"id", plan.id}, {"name", plan.name}, {"price", price(plan)}}},
          {"provider_id", a.id.substr(0, 8)},
          {"provision_message", nullptr},
          {"state", a.state},
          {"updated_at", iso(a.updated_at)},
          {"web_url", "https://addons-sso.heroku.com/apps/" + app.id + "/addons/" + a.id}};
}

json Platform::Impl::render(AddOnAttachment const& at) const {
  auto const& addon = addons.at(at.addon_id);
  auto const& billing = apps.at(addon.app_id);
  auto const& app = apps.at(at.app_id);
  auto const& plan = kAddOnPlans[addon.plan];
  json vars = json::array();
  for (auto const& [name, value] : attachment_vars(addon, at.name))
    vars.push_back(name);
  return {{"addon",
           {{"id", addon.id},
            {"name", addon.name},
            {"app", {{"id", billing.id}, {"name", billing.name}}},
            {"plan", {{"id", plan.id}, {"name", plan.name}}},
            {"config_vars", vars}}},
          {"addon_service", service_ref(plan.service)},
          {"app", {{"id", app.id}, {"name", app.name}}},
          {"config_vars", vars},
          {"created_at", iso(at.created_at)},
          {"id", at.id},
          {"name", at.name},
          {"namespace", at.namespace_ ? json(*at.namespace_) : json(nullptr)},
          {"updated_at", iso(at.updated_at)},
          {"web_url", "https://addons-sso.heroku.com/apps/" + app.id + "/addons/" + addon.id},
          {"log_input_url", nullptr}};
}

// --- the marketplace ---------------------------------------------------------

Reply Platform::Impl::addon_service_info(HandlerContext& ctx) {
  return ok(render_service(service_index(ctx.param("add_on_service_identity"))));
}

Reply Platform::Impl::addon_service_list(HandlerContext&) {
  json items = json::array();
  for (std::size_t i = 0; i < kAddOnServiceCount; ++i)
    items.push_back(render_service(i));
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::plan_info(HandlerContext& ctx) {
  auto const& service = ctx.param("add_on_service_identity");
  auto const& plan = ctx.param("plan_identity");
  if (service.empty()) return ok(render_plan(plan_index(plan)));
  std::size_t s = service_index(service);
  std::string full =
      plan.find(':') == std::string::npos ? kAddOnServices[s].name + (":" + plan) : plan;
  std::size_t p = plan_index(full);
  if (kAddOnPlans[p].service != s) not_found("plan", "Couldn't find that plan.");
  return ok(render_plan(p));
}

Reply Platform::Impl::plan_list(HandlerContext& ctx) {
  std::size_t s = service_index(ctx.param("add_on_service_identity"));
  json items = json::array();
  for (std::size_t i = 0; i < kAddOnPlanCount; ++i) {
    if (kAddOnPlans[i].service == s) items.push_back(render_plan(i));
  }
  return list(std::move(items), {"id", "name"});
}

// --- add-ons -----------------------------------------------------------------

AddOn& Platform::Impl::addon_for(HandlerContext& ctx, std::string_view identity) {
  for (auto& [id, a] : addons) {
    if (a.id != identity && a.name != identity) continue;
    if (!can_access(ctx.account, apps.at(a.app_id)))
      fail(403, "forbidden", "You do not have access to the add-on " + a.name + ".");
    return a;
  }
  not_found("add_on", "Couldn't find that add on.");
}

void Platform::Impl::drop_addons_of(std::string const& app_id) {
  std::vector<std::string> gone;
  for (auto const& [id, a] : addons) {
    if (a.app_id == app_id) gone.push_back(id);
  }
  for (auto it = attachments.begin(); it != attachments.end();) {
    bool billed_here = std::find(gone.begin(), gone.end(), it->second.addon_id) != gone.end();
    it = (billed_here || it->second.app_id == app_id) ? attachments.erase(it) : std::next(it);
  }
  for (auto const& id : gone)
    addons.erase(id);
}

namespace {

/// Attaches `addon` to `app` as `name`, setting its config vars in one release.
AddOnAttachment& attach(Platform::Impl& impl, App& app, AddOn const& addon, std::string name,
                        std::optional<std::string> ns, HandlerContext const& ctx) {
  for (auto const& [id, at] : impl.attachments) {
    if (at.app_id == app.id && at.name == name && at.namespace_ == ns)
      fail(422, "invalid_params", "Name " + name + " is already used by another attachment.");
  }
  AddOnAttachment at;
  at.id = impl.new_id();
  at.addon_id = addon.id;
  at.app_id = app.id;
  at.name = std::move(name);
  at.namespace_ = std::move(ns);
  at.created_at = at.updated_at = ctx.now;
  auto vars = attachment_vars(addon, at.name);
  if (!vars.empty()) {
    auto next = std::make_shared<Config>(*app.config);
    for (auto const& [k, v] : vars)
      (*next)[k] = v;
    Release const* current = impl.current_release(app);
    impl.create_release(app, "Attach " + at.name + " (@ref:" + addon.name + ")",
                        ReleaseKind::config, current != nullptr ? current->slug_id : std::string(),
                        std::move(next), ctx.account.id, ctx.now);
  }
  std::string const id = at.id;
  return impl.attachments.emplace(id, std::move(at)).first->second;
}

void detach(Platform::Impl& impl, AddOnAttachment const& at, HandlerContext const& ctx) {
  App& app = impl.apps.at(at.app_id);
  auto const& addon = impl.addons.at(at.addon_id);
  auto vars = attachment_vars(addon, at.name);
  if (!vars.empty()) {
    auto next = std::make_shared<Config>(*app.config);
    for (auto const& [k, v] : vars)
      next->erase(k);
    Release const* current = impl.current_release(app);
    impl.create_release(app, "Detach " + at.name + " (@ref:" + addon.name + ")",
                        ReleaseKind::config, current != nullptr ? current->slug_id : std::string(),
                        std::move(next), ctx.account.id, ctx.now);
  }
  impl.attachments.erase(at.id);
}

}  // namespace

Reply Platform::Impl::addon_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  std::size_t p = plan_index(ref_at(ctx.body, "plan").value_or(""));
  auto const& service = kAddOnServices[kAddOnPlans[p].service];
  AddOn a;
  a.id = new_id();
  if (auto name = string_at(ctx.body, "name"); name && !name->empty()) {
    for (auto const& [id, other] : addons) {
      if (other.name == *name) fail(422, "invalid_params", "Name " + *name + " is already taken.");
    }
    a.name = *name;
  } else {
    static char const* const words[] = {"curved", "shaped", "clear", "angular",
                                        "rigid",  "solid",  "flat",  "round"};
    std::string token = new_token();
    a.name = std::string(service.name_prefix) + "-" + words[token[0] % 8] + "-" +
             std::to_string(std::stoul(token.substr(1, 6), nullptr, 16) % 100000);
  }
  a.app_id = app.id;
  a.plan = p;
  a.created_at = a.updated_at = ctx.now;
  if (*service.url_scheme != '\0') {
    std::string secret = new_token();
    a.config["URL"] = std::string(service.url_scheme) + "://u" + secret.substr(0, 8) + ":p" +
                      secret.substr(8, 24) + "@" + a.name + ".sim.internal:5432/d" +
                      secret.substr(0, 6);
  }
  std::string attach_as = service.attachment;
  if (auto it = ctx.body.find("attachment"); it != ctx.body.end() && it->is_object()) {
    if (auto n = string_at(*it, "name"); n && !n->empty()) attach_as = upper(*n);
  }
  std::string const id = a.id;
  AddOn const& stored = addons.emplace(id, std::move(a)).first->second;
  // A second add-on of a service takes a name of its own, as HEROKU_POSTGRESQL_<COLOR> does.
  std::string name = attach_as;
  for (int n = 2;; ++n) {
    bool taken = std::any_of(attachments.begin(), attachments.end(), [&](auto const& e) {
      return e.second.app_id == app.id && e.second.name == name;
    });
    if (!taken) break;
    name = attach_as + "_" + std::to_string(n);
  }
  attach(*this, app, stored, name, std::nullopt, ctx);
  log_line(app, ctx.now, "app[api]", "Attach " + name + " by user " + ctx.account.email);
  return ok(render(stored), 201);
}

Reply Platform::Impl::addon_info(HandlerContext& ctx) {
  return ok(render(addon_for(ctx, ctx.param("add_on_identity"))));
}

Reply Platform::Impl::addon_info_by_app(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto const& identity = ctx.param("add_on_identity");
  for (auto const& [id, at] : attachments) {
    auto const& a = addons.at(at.addon_id);
    if (at.app_id == app.id && (a.id == identity || a.name == identity || at.name == identity))
      return ok(render(a));
  }
  not_found("add_on", "Couldn't find that add on.");
}

Reply Platform::Impl::addon_list(HandlerContext& ctx) {
  json items = json::array();
  for (auto const& [id, a] : addons) {
    if (can_access(ctx.account, apps.at(a.app_id))) items.push_back(render(a));
  }
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::addon_list_by_app(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& [id, a] : addons) {  // init-captured: C++17 lambdas cannot capture bindings
    bool attached = std::any_of(attachments.begin(), attachments.end(), [&, &a = a](auto const& e) {
      return e.second.addon_id == a.id && e.second.app_id == app.id;
    });
    if (attached || a.app_id == app.id) items.push_back(render(a));
  }
  return list(std::move(items), {"id", "name"});
}

Reply Platform::Impl::addon_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  AddOn& a = addon_for(ctx, ctx.param("add_on_identity"));
  if (a.app_id != app.id) not_found("add_on", "Couldn't find that add on.");
  if (auto plan = ref_at(ctx.body, "plan")) {
    std::size_t p =
        plan_index(plan->find(':') == std::string::npos
                       ? kAddOnServices[kAddOnPlans[a.plan].service].name + (":" + *plan)
                       : *plan);
    if (kAddOnPlans[p].service != kAddOnPlans[a.plan].service)
      fail(422, "invalid_params", "A plan of another service cannot replace " + a.name + "'s.");
    a.plan = p;
  }
  if (auto name = string_at(ctx.body, "name"); name && !name->empty() && *name != a.name) {
    for (auto const& [id, other] : addons) {
      if (other.name == *name) fail(422, "invalid_params", "Name " + *name + " is already taken.");
    }
    a.name = *name;
  }
  a.updated_at = ctx.now;
  return ok(render(a));
}

Reply Platform::Impl::addon_delete(HandlerContext& ctx) {
  App& app = app_param(ctx);
  AddOn& a = addon_for(ctx, ctx.param("add_on_identity"));
  if (a.app_id != app.id) not_found("add_on", "Couldn't find that add on.");
  std::vector<AddOnAttachment> mine;
  for (auto const& [id, at] : attachments) {
    if (at.addon_id == a.id) mine.push_back(at);
  }
  for (auto const& at : mine)
    detach(*this, at, ctx);
  json body = render(a);
  body["state"] = "deprovisioned";
  addons.erase(a.id);
  return ok(std::move(body));
}

Reply Platform::Impl::addon_resolve(HandlerContext& ctx) {
  std::string const wanted = string_at(ctx.body, "addon").value_or("");
  auto const app_name = string_at(ctx.body, "app");
  auto const service = string_at(ctx.body, "addon_service");
  std::string app_part = app_name.value_or("");
  std::string name = wanted;
  if (auto sep = wanted.find("::"); sep != std::string::npos) {
    app_part = wanted.substr(0, sep);
    name = wanted.substr(sep + 2);
  }
  App* app = app_part.empty() ? nullptr : &app_for(ctx, app_part);
  json items = json::array();
  for (auto const& [id, a] : addons) {
    if (!can_access(ctx.account, apps.at(a.app_id))) continue;
    if (service && *service != kAddOnServices[kAddOnPlans[a.plan].service].name) continue;
    bool match = a.id == name || a.name == name;
    if (app != nullptr) {
      bool attached = std::any_of(attachments.begin(), attachments.end(), [&, &a = a](auto& e) {
        return e.second.addon_id == a.id && e.second.app_id == app->id &&
               (match || e.second.name == name);
      });
      match = attached || (match && a.app_id == app->id);
    }
    if (match) items.push_back(render(a));
  }
  if (items.empty()) not_found("add_on", "Couldn't find that add on.");
  return ok(std::move(items));
}

Reply Platform::Impl::addon_config_list(HandlerContext& ctx) {
  AddOn& a = addon_for(ctx, ctx.param("add_on_identity"));
  json items = json::array();
  for (auto const& [suffix, value] : a.config)
    items.push_back({{"name", suffix}, {"value", value}});
  return ok(std::move(items));
}

// --- attachments -------------------------------------------------------------

Reply Platform::Impl::attachment_create(HandlerContext& ctx) {
  AddOn& a = addon_for(ctx, ref_at(ctx.body, "addon").value_or(""));
  App& app = app_for(ctx, ref_at(ctx.body, "app").value_or(""));
  std::string name = upper(
      string_at(ctx.body, "name").value_or(kAddOnServices[kAddOnPlans[a.plan].service].attachment));
  auto& at = attach(*this, app, a, name, string_at(ctx.body, "namespace"), ctx);
  return ok(render(at), 201);
}

Reply Platform::Impl::attachment_info(HandlerContext& ctx) {
  auto const& identity = ctx.param("add_on_attachment_identity");
  auto it = attachments.find(identity);
  if (it == attachments.end() || !can_access(ctx.account, apps.at(it->second.app_id)))
    not_found("add_on attachment", "Couldn't find that add on attachment.");
  return ok(render(it->second));
}

Reply Platform::Impl::attachment_info_by_app(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto const& identity = ctx.param("add_on_attachment_scopedIdentity");
  for (auto const& [id, at] : attachments) {
    if (at.app_id == app.id && (at.id == identity || at.name == identity)) return ok(render(at));
  }
  not_found("add_on attachment", "Couldn't find that add on attachment.");
}

Reply Platform::Impl::attachment_list(HandlerContext& ctx) {
  json items = json::array();
  for (auto const& [id, at] : attachments) {
    if (can_access(ctx.account, apps.at(at.app_id))) items.push_back(render(at));
  }
  return list(std::move(items), {"id"});
}

Reply Platform::Impl::attachment_list_by_addon(HandlerContext& ctx) {
  AddOn& a = addon_for(ctx, ctx.param("add_on_identity"));
  json items = json::array();
  for (auto const& [id, at] : attachments) {
    if (at.addon_id == a.id) items.push_back(render(at));
  }
  return list(std::move(items), {"id"});
}

Reply Platform::Impl::attachment_list_by_app(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& [id, at] : attachments) {
    if (at.app_id == app.id) items.push_back(render(at));
  }
  return list(std::move(items), {"id"});
}

Reply Platform::Impl::attachment_delete(HandlerContext& ctx) {
  auto it = attachments.find(ctx.param("add_on_attachment_identity"));
  if (it == attachments.end() || !can_access(ctx.account, apps.at(it->second.app_id)))
    not_found("add_on attachment", "Couldn't find that add on attachment.");
  json body = render(it->second);
  detach(*this, it->second, ctx);
  return ok(std::move(body));
}

Reply Platform::Impl::attachment_resolve(HandlerContext& ctx) {
  std::string wanted = string_at(ctx.body, "addon_attachment").value_or("");
  std::string app_part = string_at(ctx.body, "app").value_or("");
  auto const service = string_at(ctx.body, "addon_service");
  if (auto sep = wanted.find("::"); sep != std::string::npos) {
    app_part = wanted.substr(0, sep);
    wanted = wanted.substr(sep + 2);
  }
  App* app = app_part.empty() ? nullptr : &app_for(ctx, app_part);
  json items = json::array();
  for (auto const& [id, at] : attachments) {
    if (!can_access(ctx.account, apps.at(at.app_id))) continue;
    if (app != nullptr && at.app_id != app->id) continue;
    auto const& a = addons.at(at.addon_id);
    if (service && *service != kAddOnServices[kAddOnPlans[a.plan].service].name) continue;
    if (at.id == wanted || at.name == wanted) items.push_back(render(at));
  }
  if (items.empty()) not_found("add_on attachment", "Couldn't find that add on attachment.");
  return ok(std::move(items));
}

}  // namespace herokupp::sim
