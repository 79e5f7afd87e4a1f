// Internal: the simulator's state, one struct per Platform API resource it simulates.
#ifndef HEROKUPP_SRC_SIM_STATE_HPP
#define HEROKUPP_SRC_SIM_STATE_HPP

#include "log_filter.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace herokupp::sim::detail {

using TimePoint = std::chrono::system_clock::time_point;
using Config = std::map<std::string, std::string>;
using ConfigPtr = std::shared_ptr<Config const>;

struct FeatureState {
  bool enabled = false;
  TimePoint updated_at;
};

struct Account {
  std::string id;
  std::string email;
  std::string name;
  std::vector<std::string> api_keys;
  bool allow_tracking = true;
  bool beta = false;
  TimePoint created_at;
  TimePoint updated_at;
  /// GCRA: the theoretical arrival time of the next request.
  TimePoint rate_tat;
  std::map<std::string, FeatureState> features;  ///< account features: overrides of the catalogue
};

struct Slug {
  std::string id;
  std::string app_id;
  std::string commit;  ///< may be empty
  std::string commit_description;
  std::map<std::string, std::string> process_types;
  std::string stack;
  std::int64_t size = 0;
  std::string checksum;
  std::string buildpack_description;
  TimePoint created_at;
  TimePoint updated_at;
};

enum class ReleaseKind { initial, config, deploy, rollback, promote, other };

struct Release {
  std::string id;
  std::int64_t version = 0;
  std::string description;
  std::string status = "succeeded";  ///< succeeded, failed, pending, expired
  ReleaseKind kind = ReleaseKind::other;
  std::string slug_id;  ///< empty: no slug
  std::string user_id;
  ConfigPtr config;
  TimePoint created_at;
  TimePoint updated_at;
};

struct Formation {
  std::string id;
  std::string type;
  int quantity = 0;
  std::string size = "Standard-1X";
  std::string command;
  TimePoint created_at;
  TimePoint updated_at;
};

struct Dyno {
  std::string id;
  std::string name;  ///< "web.1", "run.3"
  std::string type;  ///< "web", "run"
  std::string size;
  std::string command;
  std::string state = "starting";  ///< starting, up, down, crashed, idle
  std::string release_id;
  std::int64_t release_version = 0;
  bool one_off = false;
  bool attach = false;
  TimePoint created_at;
  TimePoint updated_at;
};

struct Build {
  std::string id;
  std::string status = "pending";  ///< pending, succeeded, failed
  std::string source_url;
  std::optional<std::string> source_version;
  std::optional<std::string> source_checksum;
  std::optional<std::string> source_version_description;
  nlohmann::json buildpacks;  ///< null or array
  std::string stack;
  std::string slug_id;
  std::string release_id;
  std::string user_id;
  TimePoint created_at;
  TimePoint updated_at;
};

struct Webhook {
  std::string id;
  std::vector<std::string> include;
  std::string level;
  std::string url;
  std::optional<std::string> authorization;
  std::optional<std::string> secret;
  TimePoint created_at;
  TimePoint updated_at;
};

/// Something that happened to an app, as a webhook subscribed to its
/// entity (`include`, e.g. "api:release") is told about it.
struct WebhookEvent {
  std::string id;
  std::string include;
  nlohmann::json payload;  ///< action, actor, data, resource, version
  TimePoint created_at;
};

/// One event due to one webhook. The simulator never calls out, so a
/// delivery stays pending with no attempt.
struct WebhookDelivery {
  std::string id;
  std::string event_id;
  std::string webhook_id;
  TimePoint created_at;
};

struct Collaborator {
  std::string id;
  std::string account_id;
  std::string role = "collaborator";
  std::vector<std::string> permissions;  ///< team apps only: view, deploy, operate, manage
  TimePoint created_at;
  TimePoint updated_at;
};

/// A custom domain of an app (the app's own herokuapp.com domain is rendered, not stored).
struct Domain {
  std::string id;
  std::string hostname;
  std::string cname;
  TimePoint created_at;
  TimePoint updated_at;
};

struct LogDrain {
  std::string id;
  std::string url;
  std::string token;     ///< "d.<uuid>"
  std::string addon_id;  ///< empty unless an add-on provided it
  TimePoint created_at;
  TimePoint updated_at;
};

struct App {
  std::string id;
  std::string name;
  std::string owner_id;
  std::string region = "us";
  std::string stack = "heroku-24";
  std::string build_stack = "heroku-24";
  bool maintenance = false;
  bool acm = false;
  TimePoint created_at;
  TimePoint updated_at;
  std::optional<TimePoint> released_at;
  ConfigPtr config;
  std::vector<Release> releases;  ///< ascending versions
  std::int64_t current_version = 0;
  std::map<std::string, Formation> formation;  ///< by process type
  std::vector<Dyno> dynos;
  std::vector<Build> builds;
  std::map<std::string, FeatureState> features;  ///< overrides of the catalogue's defaults
  std::vector<Webhook> webhooks;
  std::vector<Collaborator> collaborators;
  std::vector<std::string> buildpacks;       ///< names or URLs, in order
  std::vector<WebhookEvent> webhook_events;  ///< only those some webhook subscribed to
  std::vector<WebhookDelivery> webhook_deliveries;
  std::vector<Domain> domains;
  std::vector<LogDrain> log_drains;
  std::string team_id;  ///< empty: a personal app
  bool locked = false;  ///< team apps: only members with explicit access may join
  int next_run = 1;
  std::optional<std::string> fail_next_release;
  std::optional<int> fail_next_run;               ///< the exit status of the next one-off dyno
  std::optional<std::string> crash_next_release;  ///< armed by the next deploy or promotion
  std::string crashing_slug_id;                   ///< dynos booting this slug crash...
  std::string crash_message;                      ///< ...and log this
  std::deque<std::string> log;                    ///< recent log lines, for log sessions
};

/// A provisioned add-on. Its billing app holds the first attachment.
struct AddOn {
  std::string id;
  std::string name;  ///< "postgresql-curved-12345"
  std::string app_id;
  std::size_t plan = 0;  ///< index into kAddOnPlans
  std::string state = "provisioned";
  std::map<std::string, std::string> config;  ///< config vars it sets, by suffix ("URL")
  TimePoint created_at;
  TimePoint updated_at;
};

/// An add-on attached to an app under a name ("DATABASE" sets DATABASE_URL).
struct AddOnAttachment {
  std::string id;
  std::string addon_id;
  std::string app_id;
  std::string name;
  std::optional<std::string> namespace_;
  TimePoint created_at;
  TimePoint updated_at;
};

struct TeamMember {
  std::string id;
  std::string account_id;
  std::string role = "member";  ///< admin, member, viewer, collaborator
  TimePoint created_at;
  TimePoint updated_at;
};

/// A feature enabled on a team.
struct TeamFeature {
  std::string id;
  std::string name;
};

struct Team {
  std::string id;
  std::string name;
  std::vector<TeamMember> members;
  std::vector<TeamFeature> features;  ///< the enabled ones, e.g. org-access-controls
  TimePoint created_at;
  TimePoint updated_at;
};

struct Pipeline {
  std::string id;
  std::string name;
  std::string owner_id;
  std::string owner_type = "user";
  TimePoint created_at;
  TimePoint updated_at;
};

struct Coupling {
  std::string id;
  std::string pipeline_id;
  std::string app_id;
  std::string stage;
  TimePoint created_at;
  TimePoint updated_at;
};

struct PromotionTarget {
  std::string id;
  std::string app_id;
  std::string status = "pending";  ///< pending, succeeded, failed
  std::optional<std::string> error_message;
  std::string release_id;
};

struct Promotion {
  std::string id;
  std::string pipeline_id;
  std::string source_app_id;
  std::string source_release_id;
  std::string user_id;
  std::string status = "pending";  ///< pending, completed
  TimePoint created_at;
  std::optional<TimePoint> updated_at;
  std::vector<PromotionTarget> targets;
};

struct LogSession {
  std::string id;
  std::string app_id;
  LogFilter filter;
  int lines = 100;
  TimePoint created_at;
};

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_STATE_HPP
