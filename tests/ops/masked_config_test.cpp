#include "ops_world.hpp"

namespace ops = herokupp::ops;
using opstest::World;

TEST_CASE("masked_config lists every key, sorted, and never a value or its length") {
  World w;
  auto masked = ops::masked_config(w.app("shop-staging"));
  REQUIRE(masked);
  w.capture(masked.value());
  std::vector<std::string> keys;
  for (auto const& v : masked->vars) {
    keys.push_back(v.key);
    CHECK(v.mask == ops::value_mask);  // the same whatever the value's length
    CHECK(v.fingerprint.empty());      // no key, no fingerprints
  }
  CHECK(keys == std::vector<std::string>{"DATABASE_URL", "FEATURE_X", "ONLY_STAGING", "RAILS_ENV",
                                         "SECRET_KEY_BASE", "SHARED_TOKEN"});
  CHECK(masked->app == "shop-staging");
  CHECK(masked->contains("DATABASE_URL"));
  CHECK_FALSE(masked->contains("NOPE"));
  CHECK(masked->to_string().find("DATABASE_URL=********\n") != std::string::npos);
  CHECK(w.transport->count() == 1);
}

TEST_CASE("fingerprints tell equal values apart from different ones, without the values") {
  World w;
  ops::ConfigOptions o;
  o.fingerprinter = ops::Fingerprinter{"per-deployment-fingerprint-key"};
  auto staging = ops::masked_config(w.app("shop-staging"), o);
  auto production = ops::masked_config(w.app("shop-production"), o);
  REQUIRE(staging);
  REQUIRE(production);
  w.capture(staging.value());
  w.capture(production.value());
  for (auto const& v : staging->vars)
    CHECK(v.fingerprint.size() == ops::Fingerprinter::length);
  CHECK(staging->find("SHARED_TOKEN")->fingerprint ==
        production->find("SHARED_TOKEN")->fingerprint);
  CHECK(staging->find("DATABASE_URL")->fingerprint !=
        production->find("DATABASE_URL")->fingerprint);
  CHECK(staging->to_string().find(staging->find("SHARED_TOKEN")->fingerprint) != std::string::npos);
}

TEST_CASE("compare_config: same, differs, only in A, only in B") {
  World w;
  auto cmp = ops::compare_config(w.app("shop-staging"), w.app("shop-production"));
  REQUIRE(cmp);
  CHECK(cmp->app_a == "shop-staging");
  CHECK(cmp->app_b == "shop-production");
  CHECK(cmp->keys_with(ops::KeyStatus::same) == std::vector<std::string>{"SHARED_TOKEN"});
  CHECK(cmp->keys_with(ops::KeyStatus::differs) ==
        std::vector<std::string>{"DATABASE_URL", "RAILS_ENV", "SECRET_KEY_BASE"});
  CHECK(cmp->keys_with(ops::KeyStatus::only_in_a) ==
        std::vector<std::string>{"FEATURE_X", "ONLY_STAGING"});
  CHECK(cmp->keys_with(ops::KeyStatus::only_in_b) == std::vector<std::string>{"ONLY_PRODUCTION"});
  CHECK(cmp->count(ops::KeyStatus::differs) == 3);
  for (auto const& k : cmp->keys) {
    // Fingerprints from a one-off random key are not shown.
    CHECK(k.fingerprint_a.empty());
    CHECK(k.fingerprint_b.empty());
    w.capture(k.key + " " + std::string(ops::to_string(k.status)));
  }

  ops::ConfigOptions o;
  o.fingerprinter = ops::Fingerprinter{"per-deployment-fingerprint-key"};
  auto keyed = ops::compare_config(w.app("shop-staging"), w.app("shop-production"), o);
  REQUIRE(keyed);
  for (auto const& k : keyed->keys) {
    CHECK(k.fingerprint_a.empty() == (k.status == ops::KeyStatus::only_in_b));
    CHECK(k.fingerprint_b.empty() == (k.status == ops::KeyStatus::only_in_a));
    w.capture(k.fingerprint_a + k.fingerprint_b);
  }
}

TEST_CASE("masked_config and compare_config pass API errors on") {
  World w;
  auto missing = ops::masked_config(w.app("no-such-app"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == herokupp::ErrorKind::not_found);
  w.capture(missing);
  auto cmp = ops::compare_config(w.app("shop-staging"), w.app("no-such-app"));
  REQUIRE_FALSE(cmp);
  CHECK(cmp.error().kind == herokupp::ErrorKind::not_found);
  w.capture(cmp);
}
