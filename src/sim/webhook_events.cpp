// Webhook events and deliveries: what `heroku webhooks:events` and
// `webhooks:deliveries` list. Events are recorded as they happen to an app
// (every release, for now) for the webhooks subscribed to them.
#include "platform_impl.hpp"

#include <algorithm>

namespace herokupp::sim {

using namespace detail;
using nlohmann::json;

namespace {

json render_event(WebhookEvent const& e) {
  return {{"created_at", iso(e.created_at)},
          {"id", e.id},
          {"include", e.include},
          {"payload", e.payload},
          {"updated_at", iso(e.created_at)}};
}

WebhookEvent const& event_by_id(App const& app, std::string_view id) {
  for (auto const& e : app.webhook_events) {
    if (e.id == id) return e;
  }
  not_found("app_webhook_event", "Couldn't find that webhook event.");
}

json render_delivery(App const& app, WebhookDelivery const& d) {
  WebhookEvent const& event = event_by_id(app, d.event_id);
  std::string level = "notify";
  for (auto const& w : app.webhooks) {
    if (w.id == d.webhook_id) level = w.level;
  }
  return {{"created_at", iso(d.created_at)},
          {"event", {{"id", event.id}, {"include", event.include}}},
          {"id", d.id},
          {"num_attempts", 0},
          {"next_attempt_at", nullptr},
          {"last_attempt", nullptr},
          {"status", "pending"},
          {"updated_at", iso(d.created_at)},
          {"webhook", {{"id", d.webhook_id}, {"level", level}}}};
}

}  // namespace

void Platform::Impl::publish_webhook_event(App& app, std::string const& include, std::string action,
                                           json data, std::string const& actor_id, TimePoint now) {
  std::vector<std::string> subscribers;
  for (auto const& w : app.webhooks) {
    if (std::find(w.include.begin(), w.include.end(), include) != w.include.end())
      subscribers.push_back(w.id);
  }
  if (subscribers.empty()) return;

  json actor = json::object();
  if (auto it = accounts.find(actor_id); it != accounts.end())
    actor = {{"email", it->second.email}, {"id", it->second.id}};
  WebhookEvent event;
  event.id = new_id();
  event.include = include;
  event.created_at = now;
  event.payload = {{"action", std::move(action)},
                   {"actor", std::move(actor)},
                   {"data", std::move(data)},
                   {"previous_data", json::object()},
                   {"published_at", iso(now)},
                   {"resource", include.substr(include.find(':') + 1)},
                   {"version", "application/vnd.heroku+json; version=3"}};
  for (auto const& webhook_id : subscribers)
    app.webhook_deliveries.push_back({new_id(), event.id, webhook_id, now});
  app.webhook_events.push_back(std::move(event));
}

Reply Platform::Impl::webhook_event_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  return ok(render_event(event_by_id(app, ctx.param("app_webhook_event_identity"))));
}

Reply Platform::Impl::webhook_event_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  json items = json::array();
  for (auto const& e : app.webhook_events)
    items.push_back(render_event(e));
  return list(std::move(items), {"id", "created_at"});
}

Reply Platform::Impl::webhook_delivery_info(HandlerContext& ctx) {
  App& app = app_param(ctx);
  std::string const id = ctx.param("app_webhook_delivery_identity");
  for (auto const& d : app.webhook_deliveries) {
    if (d.id == id) return ok(render_delivery(app, d));
  }
  not_found("app_webhook_delivery", "Couldn't find that webhook delivery.");
}

Reply Platform::Impl::webhook_delivery_list(HandlerContext& ctx) {
  App& app = app_param(ctx);
  // `heroku webhooks:deliveries --status S` filters with ?eq[status]=S.
  std::string const status = ctx.query_param("eq[status]");
  json items = json::array();
  for (auto const& d : app.webhook_deliveries) {
    if (status.empty() || status == "pending") items.push_back(render_delivery(app, d));
  }
  // The CLI pages by `seq`: creation order, which is the order kept here.
  return list(std::move(items), {"id", "seq", "created_at"});
}

}  // namespace herokupp::sim
