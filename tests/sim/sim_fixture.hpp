// Shared set-up for the simulator's tests: a Platform on a virtual clock and
// Clients that reach it in-process or over loopback HTTP.
#ifndef HEROKUPP_TESTS_SIM_FIXTURE_HPP
#define HEROKUPP_TESTS_SIM_FIXTURE_HPP

#include <herokupp/client.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/virtual_time.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>

namespace simtest {

using nlohmann::json;

inline std::string fleet_seed_path() {
  return HEROKUPP_FLEET_SEED;
}

/// Options for a Client that never sleeps for real: waits between retries
/// move the virtual clock instead.
inline herokupp::ClientOptions client_options(std::string key,
                                              std::shared_ptr<herokupp::sim::VirtualClock> clock) {
  herokupp::ClientOptions opts;
  opts.api_key = std::move(key);
  opts.base_url = "https://api.heroku.com";
  return herokupp::sim::keep_time_on(std::move(clock), opts);
}

struct World {
  std::shared_ptr<herokupp::sim::VirtualClock> clock =
      std::make_shared<herokupp::sim::VirtualClock>();
  std::unique_ptr<herokupp::sim::Platform> platform;
  std::shared_ptr<herokupp::sim::InProcessTransport> transport;
  std::string key;

  explicit World(herokupp::sim::PlatformOptions opts = {}) {
    opts.clock = clock;
    platform = std::make_unique<herokupp::sim::Platform>(opts);
    transport = std::make_shared<herokupp::sim::InProcessTransport>(*platform);
    key = platform->default_api_key();
  }

  herokupp::Client client(std::optional<std::string> api_key = std::nullopt) const {
    auto opts = client_options(api_key.value_or(key), clock);
    opts.transport = transport;
    return herokupp::Client{opts};
  }

  /// Sends one request with the default key; returns the answer whatever its status.
  herokupp::sim::Response send(herokupp::Method method, std::string target, std::string body = {},
                               std::optional<std::string> api_key = {}) {
    herokupp::sim::Request req;
    req.method = method;
    req.target = std::move(target);
    req.headers.set("Accept", "application/vnd.heroku+json; version=3");
    req.headers.set("Authorization", "Bearer " + api_key.value_or(key));
    if (!body.empty()) req.headers.set("Content-Type", "application/json");
    req.body = std::move(body);
    return platform->handle(req);
  }

  json get(std::string const& target) {
    return json::parse(send(herokupp::Method::get, target).body);
  }
  json post(std::string const& target, json const& body) {
    return json::parse(send(herokupp::Method::post, target, body.dump()).body);
  }
  json patch(std::string const& target, json const& body) {
    return json::parse(send(herokupp::Method::patch, target, body.dump()).body);
  }
};

}  // namespace simtest

#endif  // HEROKUPP_TESTS_SIM_FIXTURE_HPP
