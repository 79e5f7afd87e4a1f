#include "catalogue.hpp"

#include <iterator>

namespace herokupp::sim::detail {

FeatureInfo const kFeatures[] = {
    {"2d6a8f1c-3b4e-4f5a-8c9d-0e1f2a3b4c5d", "preboot", "Preboot",
     "Start new dynos before old ones are stopped when deploying.", "general", false},
    {"3e7b9a2d-4c5f-4a6b-9d0e-1f2a3b4c5d6e", "runtime-dyno-metadata", "Runtime Dyno Metadata",
     "Expose dyno and release metadata as environment variables.", "general", false},
    {"4f8c0b3e-5d6a-4b7c-8e1f-2a3b4c5d6e7f", "log-runtime-metrics", "Log Runtime Metrics",
     "Emit dyno memory and load metrics into the log stream.", "general", false},
    {"5a9d1c4f-6e7b-4c8d-9f2a-3b4c5d6e7f8a", "http-session-affinity", "Session Affinity",
     "Route requests from one client to the same dyno.", "general", false},
    {"6b0e2d5a-7f8c-4d9e-8a3b-4c5d6e7f8a9b", "spaces-dns-discovery", "DNS Service Discovery",
     "Resolve dynos by name inside a private space.", "general", false},
};
std::size_t const kFeatureCount = std::size(kFeatures);

FeatureInfo const kAccountFeatures[] = {
    {"7c1f3e6b-8a9d-4e0f-9b4c-5d6e7f8a9b0c", "spaces-strict-tls", "Strict TLS for Spaces",
     "Refuse TLS versions older than 1.2 on apps in private spaces.", "beta", false},
    {"8d2a4f7c-9b0e-4f1a-8c5d-6e7f8a9b0c1d", "dashboard-metrics-beta", "Metrics Beta",
     "Try new charts on the dashboard's metrics page.", "beta", false},
    {"9e3b5a8d-0c1f-4a2b-9d6e-7f8a9b0c1d2e", "two-factor-reminders", "Two-factor reminders",
     "Remind the account to turn on two-factor authentication.", "general", true},
};
std::size_t const kAccountFeatureCount = std::size(kAccountFeatures);

TeamPermissionInfo const kTeamPermissions[] = {
    {"deploy", "Create releases, scale dynos and run one-off dynos on the app."},
    {"manage", "Manage the app's collaborators, add-ons, domains and settings."},
    {"operate", "Restart dynos and roll back releases of the app."},
    {"view", "See the app, its releases, config vars and logs."},
};
std::size_t const kTeamPermissionCount = std::size(kTeamPermissions);

bool is_team_permission(std::string_view name) {
  for (auto const& p : kTeamPermissions) {
    if (name == p.name) return true;
  }
  return false;
}

AddOnServiceInfo const kAddOnServices[] = {
    {"6c67493d-8fc2-4cd4-9161-4f1ec11cbe69", "heroku-postgresql", "Heroku Postgres", "DATABASE",
     "postgresql", "postgres"},
    {"8a2c2b36-3b4f-4d3e-9f0c-3a6a1d1e9b11", "heroku-redis", "Heroku Key-Value Store", "REDIS",
     "redis", "redis"},
    {"b9c7f2a4-1f0e-4c8d-8e2b-5d6f7a8b9c01", "papertrail", "Papertrail", "PAPERTRAIL", "papertrail",
     ""},
    {"c0d8e3b5-2a1f-4d9e-9f3c-6e7a8b9c0d12", "scheduler", "Heroku Scheduler", "SCHEDULER",
     "scheduler", ""},
};
std::size_t const kAddOnServiceCount = std::size(kAddOnServices);

AddOnPlanInfo const kAddOnPlans[] = {
    {"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01", 0, "heroku-postgresql:essential-0", "Essential 0", 500,
     true},
    {"a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a02", 0, "heroku-postgresql:essential-1", "Essential 1", 900,
     false},
    {"a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a03", 0, "heroku-postgresql:standard-0", "Standard 0", 5000,
     false},
    {"a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a04", 1, "heroku-redis:mini", "Mini", 300, true},
    {"a1b2c3d4-0005-4e5f-8a9b-0c1d2e3f4a05", 1, "heroku-redis:premium-0", "Premium 0", 1500, false},
    {"a1b2c3d4-0006-4e5f-8a9b-0c1d2e3f4a06", 2, "papertrail:choklad", "Choklad", 0, true},
    {"a1b2c3d4-0007-4e5f-8a9b-0c1d2e3f4a07", 2, "papertrail:fixa", "Fixa", 700, false},
    {"a1b2c3d4-0008-4e5f-8a9b-0c1d2e3f4a08", 3, "scheduler:standard", "Standard", 0, true},
};
std::size_t const kAddOnPlanCount = std::size(kAddOnPlans);

RegionInfo const kRegions[] = {
    {"59accabd-516d-4f0e-83e6-6e3757701145", "us", "United States", "Virginia", "United States",
     "us-east-1"},
    {"ed30241c-ed8c-4bb6-9714-61953675d0b4", "eu", "Ireland", "Dublin", "Europe", "eu-west-1"},
};
std::size_t const kRegionCount = std::size(kRegions);

// heroku-20 and heroku-18 are past their prime, so hygiene checks have
// something to find: the API marks such stacks `deprecated` and, after their
// end of life, `retired` (new apps cannot use a retired stack).
StackInfo const kStacks[] = {
    {"3c7a9e21-5b8d-4f60-a1c2-7d4e8f9a0b18", "heroku-18", "retired", false},
    {"5e1b0d93-7c4a-4e2f-b8d6-9a0c1e2f3a20", "heroku-20", "deprecated", false},
    {"ee582d3c-717d-4a57-ba5f-8b3a39f3a817", "heroku-22", "supported", false},
    {"b90b5d4e-2a53-4a9c-9b6e-1d5f9a0c3e21", "heroku-24", "supported", true},
};
std::size_t const kStackCount = std::size(kStacks);

DynoSizeInfo const kDynoSizes[] = {
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e01", "Eco", 1, 0.5, 0, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e02", "Basic", 1, 0.5, 1, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e03", "Standard-1X", 1, 0.5, 1, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e04", "Standard-2X", 2, 1, 2, false, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e05", "Performance-M", 2, 2.5, 8, true, false},
    {"e2b3c8a1-6d4f-4e2a-9b1c-0a1b2c3d4e06", "Performance-L", 8, 14, 16, true, false},
};
std::size_t const kDynoSizeCount = std::size(kDynoSizes);

}  // namespace herokupp::sim::detail
