// Endpoints: an app's domains (its own herokuapp.com domain and custom ones),
// SNI endpoints (none are simulated: the list is empty) and log drains.
#include "json_access.hpp"
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

std::string default_hostname(App const& app) {
  return app.name + "-" + app.id.substr(0, 12) + ".herokuapp.com";
}

json render_domain(App const& app, std::string const& id, std::string const& hostname, bool custom,
                   std::string const& cname, TimePoint created, TimePoint updated) {
  return {{"acm_status", nullptr},
          {"acm_status_reason", nullptr},
          {"app", {{"id", app.id}, {"name", app.name}}},
          {"cname", custom ? json(cname) : json(nullptr)},
          {"created_at", iso(created)},
          {"hostname", hostname},
          {"id", id},
          {"kind", custom ? "custom" : "heroku"},
          {"updated_at", iso(updated)},
          {"status", custom ? "succeeded" : "none"},
          {"sni_endpoint", nullptr}};
}

json render_domain(App const& app, Domain const& d) {
  return render_domain(app, d.id, d.hostname, true, d.cname, d.created_at, d.updated_at);
}

/// The app's own domain, with an id derived from the app's so that it is stable.
json render_default_domain(App const& app) {
  std::string id = app.id;
  id.replace(0, 8, "d0d0d0d0");
  return render_domain(app, id, default_hostname(app), false, "", app.created_at, app.created_at);
}

bool valid_hostname(std::string const& h) {
  if (h.empty() || h.size() > 253 || h.front() == '.' || h.back() == '.') return false;
  if (h.find('.') == std::string::npos) return false;
  return std::all_of(h.begin(), h.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '*';
  });
}

Domain* find_domain(App& app, std::string const& identity) {
  for (auto& d : app.domains) {
    if (d.id == identity || d.hostname == identity) return &d;
  }
  return nullptr;
}

}  // namespace

// --- domains -----------------------------------------------------------------

Reply Platform::Impl::domain_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  std::string hostname = string_at(ctx.body, "hostname").value_or("");
  if (!valid_hostname(hostname)) fail(422, "invalid_params", "Hostname is invalid.");
  for (auto const& [id, other] : apps) {
    if (default_hostname(other) == hostname ||
        std::any_of(other.domains.begin(), other.domains.end(),
                    [&](Domain const& d) { return d.hostname == hostname; })) {
      fail(422, "invalid_params", "Domain already added to this app or another app.");
    }
  }
  Domain d;
  d.id = new_id();
  d.hostname = hostname;
  std::string token = new_token();
  d.cname = token.substr(0, 10) + "-" + token.substr(10, 12) + ".herokudns.com";
  d.created_at = d.updated_at = ctx.now;
  app.domains.push_back(std::move(d));
  log_line(app, ctx.now, "app[api]", "Add " + hostname + " domain by user " + ctx.account.email);
  return ok(render_domain(app, app.domains.back()), 201);
}

Reply Platform::Impl::domain_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto const& identity = ctx.param("domain_identity");
  if (identity == default_hostname(app)) return ok(render_default_domain(app));
  Domain* d = find_domain(app, identity);
  if (d == nullptr) not_found("domain", "Couldn't find that domain.");
  return ok(render_domain(app, *d));
}

Reply Platform::Impl::domain_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  items.push_back(render_default_domain(app));
  for (auto const& d : app.domains)
    items.push_back(render_domain(app, d));
  return list(std::move(items), {"id", "hostname"});
}

Reply Platform::Impl::domain_update(HandlerContext& ctx) {
  App& app = app_param(ctx);
  Domain* d = find_domain(app, ctx.param("domain_identity"));
  if (d == nullptr) not_found("domain", "Couldn't find that domain.");
  // Only sni_endpoint may change, and no SNI endpoint exists in the simulator.
  if (auto sni = ref_at(ctx.body, "sni_endpoint"))
    not_found("sni_endpoint", "Couldn't find that SNI endpoint.");
  d->updated_at = ctx.now;
  return ok(render_domain(app, *d));
}

Reply Platform::Impl::domain_delete(HandlerContext& ctx) {
  App& app = app_param(ctx);
  auto const& identity = ctx.param("domain_identity");
  if (identity == default_hostname(app))
    fail(422, "invalid_params", "The app's own herokuapp.com domain cannot be removed.");
  Domain* d = find_domain(app, identity);
  if (d == nullptr) not_found("domain", "Couldn't find that domain.");
  json body = render_domain(app, *d);
  std::string const id = d->id;
  log_line(app, ctx.now, "app[api]",
           "Remove " + d->hostname + " domain by user " + ctx.account.email);
  app.domains.erase(std::remove_if(app.domains.begin(), app.domains.end(),
                                   [&](Domain const& x) { return x.id == id; }),
                    app.domains.end());
  return ok(std::move(body));
}

Reply Platform::Impl::sni_endpoint_list(HandlerContext& ctx) {
  app_param(ctx);
  return list(json::array(), {"id", "name"});
}

// --- log drains ----------------------------------------------------------------

namespace {

json render_drain(Platform::Impl const& impl, App const& app, LogDrain const& d) {
  json addon = nullptr;
  if (auto it = impl.addons.find(d.addon_id); it != impl.addons.end()) {
    addon = {{"id", it->second.id},
             {"name", it->second.name},
             {"app", {{"id", app.id}, {"name", app.name}}}};
  }
  return {{"addon", addon},
          {"app", {{"id", app.id}, {"name", app.name}}},
          {"created_at", iso(d.created_at)},
          {"id", d.id},
          {"token", d.token},
          {"updated_at", iso(d.updated_at)},
          {"url", d.url}};
}

LogDrain* find_drain(App& app, std::string const& identity) {
  for (auto& d : app.log_drains) {
    if (d.id == identity || d.url == identity || d.token == identity) return &d;
  }
  return nullptr;
}

}  // namespace

Reply Platform::Impl::log_drain_create(HandlerContext& ctx) {
  App& app = app_param(ctx);
  std::string url = string_at(ctx.body, "url").value_or("");
  bool scheme_ok = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 ||
                   url.rfind("syslog://", 0) == 0 || url.rfind("syslog+tls://", 0) == 0;
  if (!scheme_ok || url.size() > 2048)
    fail(422, "invalid_params", "Url must be a syslog, syslog+tls, http or https URL.");
  if (find_drain(app, url) != nullptr) fail(422, "invalid_params", "Url has already been taken.");
  LogDrain d;
  d.id = new_id();
  d.url = url;
  d.token = "d." + new_id();
  d.created_at = d.updated_at = ctx.now;
  app.log_drains.push_back(std::move(d));
  return ok(render_drain(*this, app, app.log_drains.back()), 201);
}

Reply Platform::Impl::log_drain_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  LogDrain* d = find_drain(app, ctx.param("log_drain_query_identity"));
  if (d == nullptr) not_found("log_drain", "Couldn't find that log drain.");
  return ok(render_drain(*this, app, *d));
}

Reply Platform::Impl::log_drain_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& d : app.log_drains)
    items.push_back(render_drain(*this, app, d));
  return list(std::move(items), {"id", "url"});
}

Reply Platform::Impl::log_drain_delete(HandlerContext& ctx) {
  App& app = app_param(ctx);
  LogDrain* d = find_drain(app, ctx.param("log_drain_query_identity"));
  if (d == nullptr) not_found("log_drain", "Couldn't find that log drain.");
  json body = render_drain(*this, app, *d);
  std::string const id = d->id;
  app.log_drains.erase(std::remove_if(app.log_drains.begin(), app.log_drains.end(),
                                      [&](LogDrain const& x) { return x.id == id; }),
                       app.log_drains.end());
  return ok(std::move(body));
}

}  // namespace herokupp::sim
