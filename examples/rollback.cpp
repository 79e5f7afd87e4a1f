// Rolling an app back to an earlier release with herokupp::ops::rollback: the
// target must exist, have succeeded and not be current, or nothing changes.
// Runs against an in-process simulator: no account, no network.
#include <herokupp/herokupp.hpp>
#include <herokupp/ops.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>

#include <cstdint>
#include <iostream>
#include <memory>

int main() {
  herokupp::sim::Platform platform;
  platform
      .load_seed(R"({"accounts": [{"email": "dev@example.com", "api_key": "HRKU-example"}],
        "apps": [{"name": "shop", "releases": [{"config": {"RAILS_ENV": "production"}},
                 {"deploy": "1a2b3c4d"}, {"deploy": "5e6f7a8b"}]}]})")
      .value();
  herokupp::ClientOptions options;
  options.api_key = "HRKU-example";
  options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
  herokupp::Client heroku{options};
  herokupp::AppClient shop = heroku.app("shop");

  // The newest release is broken: back to the one before it.
  herokupp::ListOptions newest;
  newest.max = 2;
  newest.order = herokupp::Order::descending;
  newest.sort_field = "version";
  auto last_two = shop.releases().list(newest).take(2);
  if (!last_two || last_two->size() < 2) return 1;
  std::int64_t const previous = last_two->at(1).version;

  auto rolled = herokupp::ops::rollback(shop, previous);
  if (!rolled) {
    std::cerr << herokupp::ops::explain(rolled.error()) << "\n";
    return 1;
  }
  std::cout << "shop: v" << rolled->from_version << " -> v" << rolled->release.version
            << " (the code and config of v" << rolled->to_version << ")\n"
            << rolled->reminder << "\n";

  // Refusals change nothing and say why: a release that does not exist, and
  // the release that is already current.
  for (std::int64_t target : {std::int64_t{99}, rolled->release.version}) {
    auto refused = herokupp::ops::rollback(shop, target);
    if (refused) return 1;
    std::cout << "rollback to v" << target << ": " << herokupp::ops::explain(refused.error())
              << "\n";
  }
  return 0;
}
