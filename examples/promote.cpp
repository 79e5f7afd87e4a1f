// Promoting what runs on staging to production with herokupp::ops::promote:
// the slug of the source app is promoted down the pipeline and the call waits
// until every target has its release. Runs against an in-process simulator
// on a virtual clock, so the wait takes no time.
#include <herokupp/herokupp.hpp>
#include <herokupp/ops.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/virtual_time.hpp>

#include <chrono>
#include <iostream>
#include <memory>

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
  // Polling waits on the simulator's virtual clock.
  herokupp::sim::keep_time_on(clock, options);
  herokupp::Client heroku{options};

  herokupp::ops::PromoteOptions promote_options;  // waits until every target has its release
  promote_options.wait.now = options.now;
  promote_options.wait.sleep = options.sleep;
  auto promoted =
      herokupp::ops::promote(heroku.pipeline("shop"), "shop-staging", {"shop"}, promote_options);
  if (!promoted) {
    std::cerr << herokupp::ops::explain(promoted.error()) << "\n";
    return 1;
  }
  std::cout << "promoted slug " << promoted->slug_id << " from shop-staging\n";
  for (auto const& target : promoted->targets) {
    std::cout << "  " << target.app << ": " << target.status << "\n";
  }
  auto current = heroku.app("shop").info();
  std::cout << "shop now runs the code of shop-staging's newest release\n";
  return promoted->succeeded() && current ? 0 : 1;
}
