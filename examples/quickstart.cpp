// Quickstart: an app's details and its five newest releases.
//
//   HEROKU_API_KEY=... example_quickstart [APP]
//
// HEROKU_API_URL points it at another endpoint, such as herokupp-sim. Without
// HEROKU_API_KEY it runs against an in-process simulator instead.
#include <herokupp/herokupp.hpp>
#ifdef HEROKUPP_HAVE_SIM
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#endif

#include <iostream>

int main(int argc, char** argv) {
  herokupp::ClientOptions options = herokupp::ClientOptions::from_env();
#ifdef HEROKUPP_HAVE_SIM
  herokupp::sim::Platform platform;
  if (options.api_key.empty()) {
    platform
        .load_seed(R"({"accounts": [{"email": "dev@example.com", "api_key": "HRKU-demo"}],
      "apps": [{"name": "shop-staging", "releases": [{"deploy": "1a2b3c4d"},
               {"config": {"RAILS_ENV": "staging"}}, {"deploy": "5e6f7a8b"}]}]})")
        .value();
    options.api_key = platform.default_api_key();
    options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
  }
#endif
  herokupp::Client heroku{options};
  herokupp::AppClient app = heroku.app(argc > 1 ? argv[1] : "shop-staging");  // no request yet

  herokupp::result<herokupp::App> info = app.info();
  if (!info) {
    std::cerr << info.error().message << "\n" << info.error().hint() << "\n";
    return 1;
  }
  std::cout << info->name << " runs on " << info->build_stack.name << "\n";

  herokupp::ListOptions newest;
  newest.max = 5;
  newest.order = herokupp::Order::descending;
  newest.sort_field = "version";
  auto releases = app.releases().list(newest).take(5);
  if (!releases) {
    std::cerr << releases.error().message << "\n";
    return 1;
  }
  for (auto const& release : *releases) {
    std::cout << "v" << release.version << "  " << release.description << "\n";
  }
  return 0;
}
