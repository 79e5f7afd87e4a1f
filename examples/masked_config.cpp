// Showing an app's config without revealing it: herokupp::ops::masked_config
// lists every key with a fixed mask (never a value, never its length) and,
// with a deployment secret, a fingerprint per value, so two apps can be
// compared without anyone seeing either. Runs against an in-process simulator.
#include <herokupp/herokupp.hpp>
#include <herokupp/ops.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>

#include <iostream>
#include <memory>

int main() {
  herokupp::sim::Platform platform;
  platform
      .load_seed(R"({"accounts": [{"email": "dev@example.com", "api_key": "HRKU-example"}],
        "apps": [
          {"name": "shop-staging", "releases": [{"config": {
             "DATABASE_URL": "postgres://shop:staging-secret@db/shop", "FEATURE_X": "on"}}]},
          {"name": "shop", "releases": [{"config": {
             "DATABASE_URL": "postgres://shop:production-secret@db/shop", "FEATURE_X": "on"}}]}]})")
      .value();
  herokupp::ClientOptions options;
  options.api_key = "HRKU-example";
  options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
  herokupp::Client heroku{options};

  herokupp::ops::ConfigOptions config;
  config.fingerprinter = herokupp::ops::Fingerprinter{"example-deployment-secret"};

  auto masked = herokupp::ops::masked_config(heroku.app("shop"), config);
  if (!masked) {
    std::cerr << herokupp::ops::explain(masked.error()) << "\n";
    return 1;
  }
  std::cout << "config of shop:\n" << masked->to_string() << "\n";
  for (auto const& var : masked->vars) {
    if (var.mask.find("production-secret") != std::string::npos) return 1;  // never a value
  }

  // Same value or not, by fingerprint: FEATURE_X matches, DATABASE_URL differs.
  auto staging = herokupp::ops::masked_config(heroku.app("shop-staging"), config).value();
  for (auto const& var : masked->vars) {
    auto const* other = staging.find(var.key);
    std::cout << var.key << ": "
              << (other && other->fingerprint == var.fingerprint ? "same" : "differs")
              << " in shop-staging\n";
  }
  return 0;
}
