// A status report of every app the key can see: region, maintenance, dynos
// and the current release, then the last releases of one app.
//
//   HEROKU_API_URL=http://127.0.0.1:41234 HEROKU_API_KEY=... example_fleet_status [app]
//
// scripts/demo runs it against herokupp-sim loaded with tests/fixtures/fleet.json.
// Without HEROKU_API_KEY it starts a small simulator in-process instead.
#include <herokupp/client.hpp>
#ifdef HEROKUPP_HAVE_SIM
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#endif

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

namespace {

using nlohmann::json;

/// GET `path` as JSON, or an Error.
herokupp::result<json> get(herokupp::Client const& heroku, std::string const& path) {
  auto response = heroku.raw(herokupp::Method::get, path);
  if (!response) return std::move(response).error();
  auto body = json::parse(response->body, nullptr, false);
  if (body.is_discarded()) return herokupp::Error(herokupp::ErrorKind::decode, path + ": not JSON");
  return body;
}

}  // namespace

#ifdef HEROKUPP_HAVE_SIM
// A two-app estate for when no API is configured.
constexpr char const* kSeed = R"({
  "accounts": [{"email": "demo@example.com", "api_key": "HRKU-demo"}],
  "apps": [
    {"name": "shop-staging", "releases": [{"deploy": "1a2b3c4d"}, {"config": {"RAILS_ENV": "staging"}},
                                         {"deploy": "5e6f7a8b"}],
     "formation": [{"type": "web", "quantity": 1}]},
    {"name": "shop-production", "releases": [{"promote_from": "shop-staging", "version": 3},
                                            {"promote_from": "shop-staging", "version": 5}],
     "formation": [{"type": "web", "quantity": 2}]}
  ],
  "pipelines": [{"name": "shop", "stages": {"staging": ["shop-staging"],
                                            "production": ["shop-production"]}}]
})";
#endif

int main(int argc, char** argv) {
  herokupp::ClientOptions options = herokupp::ClientOptions::from_env();
#ifdef HEROKUPP_HAVE_SIM
  herokupp::sim::Platform platform;
  if (options.api_key.empty()) {
    platform.load_seed(kSeed).value();
    options.api_key = platform.default_api_key();
    options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
    std::cout << "(no HEROKU_API_KEY: using an in-process simulator)\n";
  }
#endif
  if (options.api_key.empty()) {
    std::cerr << "set HEROKU_API_KEY (and HEROKU_API_URL to use the simulator)\n";
    return 2;
  }
  herokupp::Client heroku{options};

  auto account = get(heroku, "/account");
  if (!account) {
    std::cerr << account.error().describe() << "\n" << account.error().hint() << "\n";
    return 1;
  }
  std::cout << "Signed in as " << account->at("email").get<std::string>() << "\n\n";

  auto apps = get(heroku, "/apps");
  if (!apps) {
    std::cerr << apps.error().describe() << "\n";
    return 1;
  }
  std::printf("%-20s %-6s %-12s %-6s %s\n", "app", "region", "maintenance", "dynos", "release");
  for (auto const& app : *apps) {
    std::string const name = app.at("name");
    auto dynos = get(heroku, "/apps/" + name + "/dynos");
    auto releases = get(heroku, "/apps/" + name + "/releases");
    std::string current = "?";
    if (releases) {
      for (auto const& r : *releases) {
        if (r.at("current").get<bool>()) {
          current = "v" + std::to_string(r.at("version").get<long>()) + " " +
                    r.at("description").get<std::string>();
        }
      }
    }
    std::printf("%-20s %-6s %-12s %-6zu %s\n", name.c_str(),
                app.at("region").at("name").get<std::string>().c_str(),
                app.at("maintenance").get<bool>() ? "on" : "off", dynos ? dynos->size() : 0,
                current.c_str());
  }

  std::string const focus = argc > 1 ? argv[1] : "shop-production";
  auto releases = get(heroku, "/apps/" + focus + "/releases");
  if (!releases) {
    std::cerr << "\n" << focus << ": " << releases.error().describe() << "\n";
    return 1;
  }
  std::cout << "\nLast releases of " << focus << ":\n";
  std::size_t const first = releases->size() > 6 ? releases->size() - 6 : 0;
  for (std::size_t i = first; i < releases->size(); ++i) {
    auto const& r = (*releases)[i];
    std::printf("  v%-4ld %-10s %s\n", r.at("version").get<long>(),
                r.at("status").get<std::string>().c_str(),
                r.at("description").get<std::string>().c_str());
  }
  if (auto limit = heroku.rate_limit_remaining()) {
    std::cout << "\nRate limit remaining: " << *limit << " requests\n";
  }
  return 0;
}
