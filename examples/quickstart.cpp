// Quickstart: an app's details and its five newest releases.
//
//   HEROKU_API_KEY=... ./example_quickstart [APP]
//
// HEROKU_API_URL points it at another endpoint, such as herokupp-sim.
#include <herokupp/herokupp.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  char const* name = argc > 1 ? argv[1] : std::getenv("HEROKUPP_EXAMPLE_APP");
  if (name == nullptr) name = "my-app";

  herokupp::Client heroku{herokupp::ClientOptions::from_env()};
  herokupp::AppClient app = heroku.app(name);  // no request yet

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
