// A planned, confirmed deploy with herokupp::workflow: the plan says what will
// happen (the release, one-off commands inferred from the changed files, a
// maintenance window) and carries a confirmation code; execute() refuses any
// other code and changes nothing. Runs against an in-process simulator on a
// virtual clock.
#include <herokupp/herokupp.hpp>
#include <herokupp/ops.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/virtual_time.hpp>
#include <herokupp/workflow.hpp>

#include <chrono>
#include <iostream>
#include <memory>

namespace {

constexpr char const* kEnvironments = R"(
environments:
  - label: staging
    app_name: shop-staging
    pipeline: shop
  - label: production
    app_name: shop
    pipeline: shop
    upstream: staging
commands:
  migrate: rake db:migrate
path_rules:
  - contains: /migrations/
    actions: [migrate]
    maintenance: true
)";

}  // namespace

int main() {
  auto clock = std::make_shared<herokupp::sim::VirtualClock>();
  herokupp::sim::PlatformOptions platform_options;
  platform_options.clock = clock;
  herokupp::sim::Platform platform{platform_options};
  platform
      .load_seed(R"({"accounts": [{"email": "dev@example.com", "api_key": "HRKU-example"}],
        "apps": [{"name": "shop-staging", "releases": [{"deploy": "1a2b3c4d"}, {"deploy": "5e6f7a8b"}]},
                 {"name": "shop", "releases": [{"promote_from": "shop-staging", "version": 3}]}],
        "pipelines": [{"name": "shop", "stages": {"staging": ["shop-staging"],
                                                  "production": ["shop"]}}]})")
      .value();

  herokupp::ClientOptions options;
  options.api_key = "HRKU-example";
  options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
  herokupp::sim::keep_time_on(clock, options);
  herokupp::Client heroku{options};

  auto file = herokupp::workflow::EnvironmentsFile::parse(kEnvironments);
  if (!file) {
    std::cerr << file.error().describe() << "\n";
    return 1;
  }
  auto audit =
      std::make_shared<herokupp::ops::CallbackAuditSink>([](herokupp::ops::AuditRecord const& r) {
        std::cout << "  audit: " << herokupp::ops::to_json_line(r) << "\n";
      });
  herokupp::workflow::Deployer deployer{heroku, *file, std::nullopt, "dana", audit};

  // Promote staging to production; the change adds a migration.
  herokupp::workflow::ChangeSet changes;
  changes.files = {"db/migrations/0042_orders.rb"};
  changes.subjects = {"Index orders by customer"};
  auto plan =
      deployer.plan_deploy("production", herokupp::workflow::DeployTarget::promotion(), changes);
  if (!plan) {
    std::cerr << herokupp::ops::explain(plan.error()) << "\n";
    return 1;
  }
  std::cout << plan->summary() << "\n";

  auto wrong = deployer.execute(*plan, "NOT-IT");
  std::cout << "with a wrong code: " << herokupp::ops::explain(wrong.error()) << "\n";

  auto done = deployer.execute(*plan, plan->confirmation_code);
  if (!done) {
    std::cerr << herokupp::ops::explain(done.error()) << "\n";
    return 1;
  }
  std::cout << "deployed: " << done->app << " " << done->tag << "\n" << done->release_note;
  return 0;
}
