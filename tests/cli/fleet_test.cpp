// The fleet commands: many apps at once, each under the policy, values masked.
#include "cli_world.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

using clitest::World;
using json = nlohmann::json;

namespace {

std::map<std::string, std::string> fingerprints_of(json const& app) {
  std::map<std::string, std::string> out;
  for (auto const& v : app.at("config"))
    out[v.at("key").get<std::string>()] = v.at("fingerprint").get<std::string>();
  return out;
}

}  // namespace

TEST_CASE("fleet:config: fingerprints compare across apps and runs") {
  World w;
  auto r = w.run({"fleet:config", "shop-staging", "shop-production", "--json"});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto doc = json::parse(r.out);
  REQUIRE(doc["apps"].size() == 2);
  CHECK(doc["apps"][0]["app"] == "shop-staging");
  auto staging = fingerprints_of(doc["apps"][0]);
  auto production = fingerprints_of(doc["apps"][1]);
  auto staging_values = *w.platform().config_vars("shop-staging");
  auto production_values = *w.platform().config_vars("shop-production");
  int compared = 0;
  for (auto const& entry : staging_values) {
    auto const& key = entry.first;
    if (!production_values.count(key)) continue;
    ++compared;
    CAPTURE(key);
    CHECK((staging.at(key) == production.at(key)) == (entry.second == production_values.at(key)));
  }
  CHECK(compared > 0);
  // The same key on the next run: the same fingerprints.
  auto again = json::parse(w.run({"fleet:config", "shop-staging", "--json"}).out);
  CHECK(fingerprints_of(again["apps"][0]) == staging);
}

TEST_CASE("fleet:config: an app the actor may not read is reported, the others shown") {
  World w;
  auto r = w.run({"fleet:config", "shop-staging", "legacy-billing", "--json"});
  CHECK(r.code != 0);
  auto doc = json::parse(r.out);
  REQUIRE(doc["apps"].size() == 2);
  CHECK(doc["apps"][0].contains("config"));
  CHECK(doc["apps"][1]["app"] == "legacy-billing");
  CHECK(doc["apps"][1]["error"]["kind"] == "policy_denied");
  // Each app read is audited, the refusal too.
  auto audit = w.read("audit.jsonl");
  CHECK(audit.find("\"shop-staging\"") != std::string::npos);
  CHECK(audit.find("legacy-billing") != std::string::npos);
}

TEST_CASE("fleet:config and fleet:status default to every app the actor may read") {
  World w;
  auto config = w.run({"fleet:config", "--json"});
  REQUIRE_MESSAGE(config.code == 0, config.err);
  std::set<std::string> names;
  auto const doc = json::parse(config.out);
  for (auto const& a : doc.at("apps"))
    names.insert(a.at("app").get<std::string>());
  CHECK(names == std::set<std::string>{"shop-production", "shop-staging", "shop-worker"});

  auto status = w.run({"fleet:status", "--in-flight", "2", "--json"});
  REQUIRE_MESSAGE(status.code == 0, status.err);
  auto apps = json::parse(status.out)["apps"];
  REQUIRE(apps.size() == 3);
  for (auto const& a : apps) {
    CHECK(a["release"].is_number());
    CHECK(a["dynos"].is_array());
  }
  auto text = w.run({"fleet:status", "shop-staging"});
  CHECK(text.code == 0);
  CHECK(text.out.find("shop-staging v") != std::string::npos);
}

TEST_CASE("fleet commands refuse a bad --in-flight and an app flag before any request") {
  World w;
  for (auto const& bad : {"0", "65", "x", "8x", "-1"}) {
    int const before = w.transport->requests;
    auto r = w.run({"fleet:status", "--in-flight", bad});
    CHECK(r.code == 2);
    CHECK(w.transport->requests == before);
  }
  CHECK(w.run({"fleet:config", "-a", "shop-staging"}).code == 2);
  auto unknown = w.run({"fleet:status", "no-such-app", "--json"});
  CHECK(unknown.code != 0);
  CHECK(unknown.out.find("no-such-app") != std::string::npos);
}
