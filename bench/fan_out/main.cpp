// Masked config of a fleet at a bounded concurrency, against the simulator
// with a fixed latency per answer.
//
//   bench_fan_out [apps=1000] [in_flight=16] [latency_ms=20]
//
// Prints:
//   fan_out apps N in_flight K seconds S ideal_seconds I ratio R
// where ideal = apps x latency x requests-per-app / in_flight: what the
// calls would take if the client added nothing and waited on nothing else.
#include <herokupp/herokupp.hpp>
#include <herokupp/ops/fleet.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  int const apps = argc > 1 ? std::atoi(argv[1]) : 1000;
  int const in_flight = argc > 2 ? std::atoi(argv[2]) : 16;
  int const latency_ms = argc > 3 ? std::atoi(argv[3]) : 20;

  std::string const key = "HRKU-bench-fan-out-0000000000000000000000000000";
  nlohmann::json seed;
  seed["accounts"] = {{{"email", "fleet@example.com"}, {"name", "Fleet"}, {"api_key", key}}};
  std::vector<std::string> names;
  for (int i = 0; i < apps; ++i) {
    names.push_back("fleet-app-" + std::to_string(i));
    seed["apps"].push_back({{"name", names.back()},
                            {"owner", "fleet@example.com"},
                            {"releases",
                             {{{"config",
                                {{"DATABASE_URL", "postgres://u:p@db/" + names.back()},
                                 {"RAILS_ENV", "production"},
                                 {"SECRET_KEY_BASE", std::string(64, 'k')}}}}}}});
  }
  herokupp::sim::Platform platform;
  if (auto loaded = platform.load_seed(seed.dump()); !loaded) {
    std::fprintf(stderr, "seed: %s\n", loaded.error().message.c_str());
    return 1;
  }
  herokupp::sim::FaultOptions faults;
  faults.latency = std::chrono::milliseconds(latency_ms);
  platform.set_faults(faults);
  herokupp::sim::ServerOptions server_options;
  server_options.threads = 2;
  herokupp::sim::Server server{platform, server_options};

  herokupp::ClientOptions opts;
  opts.api_key = key;
  opts.base_url = server.base_url();
  herokupp::Client heroku{opts};
  herokupp::FanOutOptions fan;
  fan.in_flight = static_cast<std::size_t>(in_flight);
  herokupp::ops::ConfigOptions config;
  config.fingerprinter = herokupp::ops::Fingerprinter{"bench-fingerprint-key"};

  auto const start = std::chrono::steady_clock::now();
  auto results = herokupp::ops::fleet_masked_config(heroku, names, config, fan);
  double const seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t failed = 0;
  for (auto const& r : results)
    failed += r ? 0 : 1;
  if (failed != 0) std::fprintf(stderr, "%zu apps failed\n", failed);
  double const requests_per_app = 1;  // GET /apps/{app}/config-vars
  double const ideal = apps * (latency_ms / 1000.0) * requests_per_app / in_flight;
  std::printf("fan_out apps %d in_flight %d seconds %.3f ideal_seconds %.3f ratio %.3f\n", apps,
              in_flight, seconds, ideal, seconds / ideal);
  server.stop();
  return failed == 0 ? 0 : 1;
}
