// Internal: Platform::Impl, shared by the files that implement its endpoints.
#ifndef HEROKUPP_SRC_SIM_PLATFORM_IMPL_HPP
#define HEROKUPP_SRC_SIM_PLATFORM_IMPL_HPP

#include <herokupp/sim/platform.hpp>

#include "catalogue.hpp"
#include "core/short_commit.hpp"
#include "read_cache.hpp"
#include "route_table.hpp"
#include "router.hpp"
#include "state.hpp"
#include "validator.hpp"

#include <nlohmann/json.hpp>

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace herokupp::sim::detail {

/// An answer from an endpoint. A list (non-empty `range_fields`) is sorted
/// and paged by the Platform according to the request's Range header; the
/// first field is the default sort.
struct Reply {
  int status = 200;
  nlohmann::json body;
  std::vector<std::string> range_fields;
  Headers headers;  ///< added to the response (Heroku-Webhook-Secret)
};

/// An answer of `status` (201 for a creation, 202 for work that goes on).
inline Reply ok(nlohmann::json body, int status = 200) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

/// A list, sorted and paged over `fields` (the first is the default sort).
inline Reply list(nlohmann::json items, std::vector<std::string> fields) {
  Reply r;
  r.body = std::move(items);
  r.range_fields = std::move(fields);
  return r;
}

/// Thrown inside Platform::handle by endpoint code to answer with an error;
/// never escapes handle().
struct ApiError {
  int status;
  std::string id;
  std::string message;
  std::string resource;  ///< for a 404: what was not found ("add_on"), as the API says it
};

[[noreturn]] inline void fail(int status, std::string id, std::string message) {
  throw ApiError{status, std::move(id), std::move(message), {}};
}

/// A 404 naming the resource: clients (the official CLI's add-on resolver)
/// branch on the body's "resource" field.
[[noreturn]] inline void not_found(std::string resource, std::string message) {
  throw ApiError{404, "not_found", std::move(message), std::move(resource)};
}

/// What an endpoint sees of one request.
struct HandlerContext {
  Request const& request;
  RouteLink const& link;
  PathParams const& params;
  nlohmann::json const& body;  ///< an object ({} when the request had none)
  Account& account;
  TimePoint now;
  std::string_view query;  ///< the target after '?', still percent-encoded

  std::string const& param(std::string_view name) const;
  /// The decoded value of `name` in the query ("" when absent or malformed).
  std::string query_param(std::string_view name) const;
};

/// A feature of a catalogue (an app's or an account's) with the overrides
/// of its owner, created at `created_at`.
nlohmann::json render_feature(FeatureInfo const& feature,
                              std::map<std::string, FeatureState> const& overrides,
                              TimePoint created_at);

/// "2024-01-01T00:00:00Z" (seconds, as the API writes them).
std::string iso(TimePoint t);
nlohmann::json iso_or_null(std::optional<TimePoint> const& t);
using herokupp::detail::short_commit;

}  // namespace herokupp::sim::detail

namespace herokupp::sim {

#if defined(__GNUC__) && !defined(_WIN32)
#define HEROKUPP_SIM_HIDDEN __attribute__((visibility("hidden")))
#else
#define HEROKUPP_SIM_HIDDEN
#endif

/// Hidden: a shared libherokupp_sim exports only the public API.
struct HEROKUPP_SIM_HIDDEN Platform::Impl {
  using Handler = detail::Reply (Impl::*)(detail::HandlerContext&);
  using TimePoint = detail::TimePoint;

  explicit Impl(PlatformOptions opts);

  // --- the request pipeline (request_pipeline.cpp), stage by stage ---
  /// Counts the request, runs due events, draws a fault and answers.
  Response handle(Request const& request);
  /// Version, credentials, route and rate limit; then respond().
  Response handle_locked(Request const& request, std::string_view path, std::string_view query,
                         TimePoint now);
  /// The routed request: 404/405, the body, the read cache, the endpoint, paging.
  Response respond(Request const& request, std::string_view path, std::string_view query,
                   detail::RouteMatch const& match, detail::Account& account, TimePoint now);
  /// Parses and checks the body; picks the link whose schema it matches, or answers 400/422.
  std::optional<Response> check_body(Request const& request, detail::RouteMatch const& match,
                                     nlohmann::json& body, int& link_index) const;
  /// Applies the faults that spoil an answer already made (malformed JSON, broken delivery).
  void apply_fault(FaultKind fault, Response& res) const;
  /// The simulator's own /__sim/ endpoints (sim_endpoints.cpp).
  Response sim_endpoint(Request const& request, std::string_view path);

  // --- events, faults, rate limits (platform.cpp) ---
  void run_events(TimePoint now);
  void schedule(TimePoint at, std::function<void(TimePoint)> fn);
  FaultKind draw_fault(std::string_view path);
  long rate_limit_take(detail::Account& account, TimePoint now, bool consume);
  /// Fills `handlers` from the table in endpoint_bindings.cpp.
  void bind_handlers();

  // --- ids (platform.cpp) and lookups (lookups.cpp) ---
  detail::Account* authenticate(Request const& request);
  std::string new_id();
  std::string new_key();
  std::string new_token();
  detail::Account* account_by_key(std::string_view key);
  detail::Account* account_by_identity(std::string_view identity);
  detail::Account& account_by_id(std::string const& id);
  detail::App* app_by_identity(std::string_view identity);
  bool can_access(detail::Account const& account, detail::App const& app) const;
  /// The app named by the path parameter, or a 404 / 403 ApiError.
  detail::App& app_for(detail::HandlerContext& ctx, std::string_view identity);
  detail::App& app_param(detail::HandlerContext& ctx) {
    return app_for(ctx, ctx.param("app_identity"));
  }
  /// The collaborator of `app` with this id, account id or email, or nullptr.
  detail::Collaborator* collaborator_by_identity(detail::App& app, std::string_view identity);
  /// The same, or a 404 ApiError.
  detail::Collaborator& existing_collaborator(detail::App& app, std::string_view identity);
  /// All collaborators of `app`, as a list reply.
  detail::Reply collaborators_of(detail::App const& app) const;
  /// Adds the account `email` to `app` (a 404 or 422 ApiError when it cannot be one).
  detail::Collaborator& add_collaborator(detail::HandlerContext& ctx, detail::App& app,
                                         std::string const& email,
                                         std::vector<std::string> permissions);
  /// Removes the collaborator `identity` of `app` and returns it, rendered.
  nlohmann::json remove_collaborator(detail::App& app, std::string_view identity);
  detail::Release* current_release(detail::App& app);
  detail::Release* release_by_identity(detail::App& app, std::string_view identity);
  detail::Pipeline& pipeline_for(std::string_view identity);
  detail::Slug* slug_by_id(std::string_view id);

  // --- shared behaviour ---
  detail::App& create_app(std::string name, detail::Account const& owner, TimePoint now,
                          std::string region = "us", std::string stack = "heroku-24");
  void delete_app(std::string const& app_id);
  detail::Release& create_release(detail::App& app, std::string description,
                                  detail::ReleaseKind kind, std::string slug_id,
                                  detail::ConfigPtr config, std::string const& user_id,
                                  TimePoint now);
  /// Applies a merge patch (null unsets); returns the release, or nullptr when nothing changed.
  detail::Release* patch_config(detail::App& app, nlohmann::json const& patch,
                                std::string const& user_id, TimePoint now);
  detail::Release& rollback(detail::App& app, detail::Release const& target,
                            std::string const& user_id, TimePoint now);
  detail::Release& deploy_slug(detail::App& app, detail::Slug const& slug, std::string description,
                               std::string const& user_id, TimePoint now, detail::ReleaseKind kind);
  void scale(detail::App& app, detail::Formation& f, int quantity, TimePoint now);
  void restart_dyno(detail::App& app, detail::Dyno& dyno, TimePoint now);
  /// Whether `dyno` boots the slug armed by crash_next_release.
  bool runs_crashing_slug(detail::App const& app, detail::Dyno const& dyno) const;
  detail::Slug& create_slug(detail::App& app, std::string commit, TimePoint now);
  void log_line(detail::App& app, TimePoint at, std::string const& source, std::string text);
  /// Records an event on `app` and a delivery for each webhook whose
  /// include lists `include` (webhook_events.cpp); no webhook, no event.
  void publish_webhook_event(detail::App& app, std::string const& include, std::string action,
                             nlohmann::json data, std::string const& actor_id, TimePoint now);

  // --- rendering (render.cpp) ---
  nlohmann::json render(detail::Account const& a) const;
  nlohmann::json render(detail::App const& app) const;
  nlohmann::json render_release(detail::App const& app, detail::Release const& r) const;
  nlohmann::json render(detail::App const& app, detail::Formation const& f) const;
  nlohmann::json render(detail::App const& app, detail::Dyno const& d) const;
  nlohmann::json render(detail::App const& app, detail::Build const& b) const;
  nlohmann::json render(detail::Slug const& s) const;
  nlohmann::json render(detail::App const& app, detail::Webhook const& w) const;
  nlohmann::json render(detail::App const& app, detail::Collaborator const& c) const;
  nlohmann::json render_feature(detail::App const& app, std::size_t catalogue_index) const;
  nlohmann::json render(detail::Pipeline const& p) const;
  nlohmann::json render(detail::Coupling const& c) const;
  nlohmann::json render(detail::Promotion const& p) const;
  nlohmann::json render(detail::Promotion const& p, detail::PromotionTarget const& t) const;
  nlohmann::json render_config(detail::Config const& config) const;

  // --- endpoints (handlers_*.cpp) ---
  detail::Reply account_info(detail::HandlerContext&);
  detail::Reply account_update(detail::HandlerContext&);
  detail::Reply account_info_by_user(detail::HandlerContext&);
  detail::Reply rate_limit_info(detail::HandlerContext&);
  detail::Reply app_create(detail::HandlerContext&);
  detail::Reply app_info(detail::HandlerContext&);
  detail::Reply app_list(detail::HandlerContext&);
  detail::Reply app_list_by_user(detail::HandlerContext&);
  detail::Reply app_update(detail::HandlerContext&);
  detail::Reply app_delete(detail::HandlerContext&);
  detail::Reply feature_info(detail::HandlerContext&);
  detail::Reply feature_list(detail::HandlerContext&);
  detail::Reply feature_update(detail::HandlerContext&);
  detail::Reply webhook_create(detail::HandlerContext&);
  detail::Reply webhook_info(detail::HandlerContext&);
  detail::Reply webhook_list(detail::HandlerContext&);
  detail::Reply webhook_update(detail::HandlerContext&);
  detail::Reply webhook_delete(detail::HandlerContext&);
  detail::Reply buildpack_list(detail::HandlerContext&);
  detail::Reply buildpack_update(detail::HandlerContext&);
  /// Restarts the dynos of the process type a dyno parameter names, where
  /// the real API reads it so; false when it names a dyno (or nothing).
  bool restart_process_type(detail::HandlerContext& ctx, detail::App& app);
  detail::Reply webhook_event_info(detail::HandlerContext&);
  detail::Reply webhook_event_list(detail::HandlerContext&);
  detail::Reply webhook_delivery_info(detail::HandlerContext&);
  detail::Reply webhook_delivery_list(detail::HandlerContext&);
  detail::Reply collaborator_create(detail::HandlerContext&);
  detail::Reply collaborator_info(detail::HandlerContext&);
  detail::Reply collaborator_list(detail::HandlerContext&);
  detail::Reply collaborator_delete(detail::HandlerContext&);
  detail::Reply config_info(detail::HandlerContext&);
  detail::Reply config_release_info(detail::HandlerContext&);
  detail::Reply config_update(detail::HandlerContext&);
  detail::Reply release_info(detail::HandlerContext&);
  detail::Reply release_list(detail::HandlerContext&);
  detail::Reply release_create(detail::HandlerContext&);
  detail::Reply release_rollback(detail::HandlerContext&);
  detail::Reply build_create(detail::HandlerContext&);
  detail::Reply build_info(detail::HandlerContext&);
  detail::Reply build_list(detail::HandlerContext&);
  detail::Reply build_delete_cache(detail::HandlerContext&);
  detail::Reply slug_info(detail::HandlerContext&);
  detail::Reply slug_create(detail::HandlerContext&);
  detail::Reply formation_info(detail::HandlerContext&);
  detail::Reply formation_list(detail::HandlerContext&);
  detail::Reply formation_update(detail::HandlerContext&);
  detail::Reply formation_batch_update(detail::HandlerContext&);
  detail::Reply dyno_create(detail::HandlerContext&);
  detail::Reply dyno_info(detail::HandlerContext&);
  detail::Reply dyno_list(detail::HandlerContext&);
  detail::Reply dyno_restart(detail::HandlerContext&);
  detail::Reply dyno_restart_formation(detail::HandlerContext&);
  detail::Reply dyno_restart_all(detail::HandlerContext&);
  detail::Reply dyno_stop(detail::HandlerContext&);
  detail::Reply dyno_stop_formation(detail::HandlerContext&);
  detail::Reply log_session_create(detail::HandlerContext&);
  detail::Reply pipeline_create(detail::HandlerContext&);
  detail::Reply pipeline_info(detail::HandlerContext&);
  detail::Reply pipeline_list(detail::HandlerContext&);
  detail::Reply pipeline_update(detail::HandlerContext&);
  detail::Reply pipeline_delete(detail::HandlerContext&);
  detail::Reply coupling_create(detail::HandlerContext&);
  detail::Reply coupling_info(detail::HandlerContext&);
  detail::Reply coupling_info_by_app(detail::HandlerContext&);
  detail::Reply coupling_list(detail::HandlerContext&);
  detail::Reply coupling_list_by_pipeline(detail::HandlerContext&);
  detail::Reply coupling_update(detail::HandlerContext&);
  detail::Reply coupling_delete(detail::HandlerContext&);
  detail::Reply pipeline_latest_releases(detail::HandlerContext&);
  detail::Reply pipeline_latest_deployments(detail::HandlerContext&);
  detail::Reply promotion_create(detail::HandlerContext&);
  detail::Reply promotion_info(detail::HandlerContext&);
  detail::Reply promotion_target_list(detail::HandlerContext&);
  detail::Reply region_info(detail::HandlerContext&);
  detail::Reply region_list(detail::HandlerContext&);
  detail::Reply stack_info(detail::HandlerContext&);
  detail::Reply stack_list(detail::HandlerContext&);
  detail::Reply dyno_size_info(detail::HandlerContext&);
  detail::Reply dyno_size_list(detail::HandlerContext&);

  // add-ons, their services, plans and attachments (handlers_addons.cpp)
  detail::Reply addon_service_info(detail::HandlerContext&);
  detail::Reply addon_service_list(detail::HandlerContext&);
  detail::Reply plan_info(detail::HandlerContext&);
  detail::Reply plan_list(detail::HandlerContext&);
  detail::Reply addon_create(detail::HandlerContext&);
  detail::Reply addon_info(detail::HandlerContext&);
  detail::Reply addon_info_by_app(detail::HandlerContext&);
  detail::Reply addon_list(detail::HandlerContext&);
  detail::Reply addon_list_by_app(detail::HandlerContext&);
  detail::Reply addon_update(detail::HandlerContext&);
  detail::Reply addon_delete(detail::HandlerContext&);
  detail::Reply addon_resolve(detail::HandlerContext&);
  detail::Reply addon_config_list(detail::HandlerContext&);
  detail::Reply attachment_create(detail::HandlerContext&);
  detail::Reply attachment_info(detail::HandlerContext&);
  detail::Reply attachment_info_by_app(detail::HandlerContext&);
  detail::Reply attachment_list(detail::HandlerContext&);
  detail::Reply attachment_list_by_addon(detail::HandlerContext&);
  detail::Reply attachment_list_by_app(detail::HandlerContext&);
  detail::Reply attachment_delete(detail::HandlerContext&);
  detail::Reply attachment_resolve(detail::HandlerContext&);
  /// Removes the add-ons billed to an app and every attachment to it.
  void drop_addons_of(std::string const& app_id);
  detail::AddOn& addon_for(detail::HandlerContext& ctx, std::string_view identity);
  nlohmann::json render(detail::AddOn const& a) const;
  nlohmann::json render(detail::AddOnAttachment const& a) const;

  // domains and log drains (handlers_domains.cpp)
  detail::Reply domain_create(detail::HandlerContext&);
  detail::Reply domain_info(detail::HandlerContext&);
  detail::Reply domain_list(detail::HandlerContext&);
  detail::Reply domain_update(detail::HandlerContext&);
  detail::Reply domain_delete(detail::HandlerContext&);
  detail::Reply sni_endpoint_list(detail::HandlerContext&);
  detail::Reply log_drain_create(detail::HandlerContext&);
  detail::Reply log_drain_info(detail::HandlerContext&);
  detail::Reply log_drain_list(detail::HandlerContext&);
  detail::Reply log_drain_delete(detail::HandlerContext&);

  // teams, account features and app filters (handlers_teams.cpp)
  detail::Reply account_feature_info(detail::HandlerContext&);
  detail::Reply account_feature_list(detail::HandlerContext&);
  detail::Reply account_feature_update(detail::HandlerContext&);
  detail::Reply team_create(detail::HandlerContext&);
  detail::Reply team_info(detail::HandlerContext&);
  detail::Reply team_list(detail::HandlerContext&);
  detail::Reply team_member_list(detail::HandlerContext&);
  detail::Reply team_member_create(detail::HandlerContext&);
  detail::Reply team_member_delete(detail::HandlerContext&);
  detail::Reply team_app_create(detail::HandlerContext&);
  detail::Reply team_app_info(detail::HandlerContext&);
  detail::Reply team_app_list(detail::HandlerContext&);
  detail::Reply team_feature_list(detail::HandlerContext&);
  detail::Reply team_feature_info(detail::HandlerContext&);
  /// The team app named by the path (422 for a personal app).
  detail::App& team_app_param(detail::HandlerContext& ctx);
  detail::Reply team_app_update(detail::HandlerContext&);
  detail::Reply team_app_collaborator_create(detail::HandlerContext&);
  detail::Reply team_app_collaborator_info(detail::HandlerContext&);
  detail::Reply team_app_collaborator_list(detail::HandlerContext&);
  detail::Reply team_app_collaborator_update(detail::HandlerContext&);
  detail::Reply team_app_collaborator_delete(detail::HandlerContext&);
  detail::Reply team_permission_list(detail::HandlerContext&);
  detail::Reply filter_apps(detail::HandlerContext&);
  detail::Team& team_for(detail::HandlerContext& ctx, std::string_view identity);
  nlohmann::json render(detail::Team const& t, detail::Account const& viewer) const;

  void complete_build(std::string const& app_id, std::string const& build_id, TimePoint at);
  void complete_promotion(std::string const& promotion_id, TimePoint at);

  // --- seeds (seed.cpp) ---
  void load_seed(nlohmann::json const& seed, TimePoint now);

  // --- data ---
  PlatformOptions options;
  std::shared_ptr<Clock> clock;
  mutable std::mutex mutex;
  detail::RouteTables const& tables;
  detail::Router router;
  detail::Validator validator;
  std::vector<Handler> handlers;  ///< per link; null: not simulated

  std::uint64_t id_state;
  std::map<std::string, detail::Account> accounts;  ///< by id
  std::vector<std::string> account_order;           ///< ids, in creation order
  std::unordered_map<std::string, std::string> account_by_key_;
  std::map<std::string, detail::App> apps;  ///< by id
  std::unordered_map<std::string, std::string> app_ids_by_name;
  std::map<std::string, detail::Slug> slugs;  ///< by id
  std::map<std::string, detail::Pipeline> pipelines;
  std::map<std::string, detail::Coupling> couplings;
  std::map<std::string, detail::Promotion> promotions;
  std::map<std::string, detail::LogSession> log_sessions;      ///< by secret token
  std::map<std::string, detail::AddOn> addons;                 ///< by id
  std::map<std::string, detail::AddOnAttachment> attachments;  ///< by id
  std::map<std::string, detail::Team> teams;                   ///< by id
  std::multimap<TimePoint, std::function<void(TimePoint)>> events;

  FaultOptions faults;
  std::mt19937_64 fault_rng;
  struct Injected {
    FaultKind kind;
    int count;
    std::string path_prefix;
  };
  std::deque<Injected> injected;

  /// Bumped by every change of state; a cached read is valid for one generation.
  std::uint64_t generation = 0;
  detail::ReadCache read_cache;

  std::unordered_map<std::string, std::size_t> request_counts;  ///< "GET /path"
  std::size_t total_requests = 0;
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SRC_SIM_PLATFORM_IMPL_HPP
