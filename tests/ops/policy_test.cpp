#include <herokupp/ops/policy.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using ops::Action;

TEST_CASE("every action has a class and a name") {
  CHECK(ops::class_of(Action::info) == ops::ActionClass::read);
  CHECK(ops::class_of(Action::dynos) == ops::ActionClass::read);
  CHECK(ops::class_of(Action::releases) == ops::ActionClass::read);
  CHECK(ops::class_of(Action::masked_config) == ops::ActionClass::read);
  CHECK(ops::class_of(Action::compare_config) == ops::ActionClass::read);
  for (Action a : {Action::restart, Action::scale, Action::rollback, Action::run, Action::migrate,
                   Action::maintenance, Action::promote, Action::deploy}) {
    CHECK(ops::class_of(a) == ops::ActionClass::operate);
  }
  CHECK(ops::class_of(Action::set_config) == ops::ActionClass::configure);
  CHECK(ops::class_of(Action::unset_config) == ops::ActionClass::configure);
  CHECK(ops::class_of(Action::reveal_config) == ops::ActionClass::reveal);
  CHECK(ops::to_string(Action::set_config) == "set_config");
  CHECK(ops::to_string(Action::deploy) == "deploy");
  CHECK(ops::to_string(ops::ActionClass::operate) == "operate");
}

TEST_CASE("roles grant read and operate, config and reveal separately") {
  ops::Policy p;
  p.grant("dev", "heroku-shop-staging")
      .grant("lead", "heroku-shop")
      .grant("lead", "heroku-shop:configure")
      .grant("root", "admin")
      .grant("auditor", "heroku-shop:reveal");

  CHECK(p.check("dev", Action::restart, "shop-staging"));
  CHECK(p.check("dev", Action::masked_config, "SHOP-STAGING"));  // names are case-insensitive
  CHECK_FALSE(p.check("dev", Action::set_config, "shop-staging"));
  CHECK_FALSE(p.check("dev", Action::restart, "shop"));

  CHECK(p.check("lead", Action::rollback, "shop"));
  CHECK(p.check("lead", Action::set_config, "shop"));
  CHECK_FALSE(p.check("lead", Action::reveal_config, "shop"));

  CHECK(p.check("root", Action::promote, "anything"));
  CHECK(p.check("root", Action::unset_config, "anything"));
  // Seeing values needs the reveal role itself, even for admin.
  auto admin_reveal = p.check("root", Action::reveal_config, "shop");
  REQUIRE_FALSE(admin_reveal);
  CHECK(admin_reveal.error().message.find("heroku-shop:reveal") != std::string::npos);

  CHECK(p.check("auditor", Action::reveal_config, "shop"));
  CHECK_FALSE(p.check("auditor", Action::info, "shop"));
}

TEST_CASE("a denial names the role that would allow it") {
  ops::Policy p;
  p.grant("dev", "heroku-shop-staging");
  auto no = p.check("dev", Action::rollback, "shop");
  REQUIRE_FALSE(no);
  CHECK(no.error().kind == ErrorKind::policy_denied);
  CHECK(no.error().message.find("heroku-shop ") != std::string::npos);
  CHECK(no.error().message.find("admin") != std::string::npos);
  CHECK(no.error().message.find("dev") != std::string::npos);

  auto cfg = p.check("dev", Action::set_config, "shop-staging");
  REQUIRE_FALSE(cfg);
  CHECK(cfg.error().message.find("heroku-shop-staging:configure") != std::string::npos);

  CHECK(ops::Policy::role_for(Action::unset_config, "Shop") == "heroku-shop:configure");
  CHECK(ops::Policy::role_for(Action::info, "shop") == "heroku-shop");
  CHECK(ops::Policy::role_for(Action::reveal_config, "shop") == "heroku-shop:reveal");
  // An app whose name ends like an old suffix is named without ambiguity.
  CHECK(ops::Policy::role_for(Action::restart, "shop-reveal") == "heroku-shop-reveal:operate");
  CHECK(ops::Policy::role_for(Action::set_config, "shop-config") == "heroku-shop-config:configure");
}

TEST_CASE("deny by default: an actor the policy does not name holds nothing") {
  ops::Policy p;
  CHECK_FALSE(p.check("stranger", Action::info, "shop"));
  CHECK_FALSE(p.check("", Action::info, "shop"));
}

TEST_CASE("protected apps refuse configure for everyone, admin included") {
  ops::Policy p;
  p.grant("root", "admin").grant("lead", "heroku-bot:configure").protect("Chatops-Bot");
  p.protect("bot");
  for (auto const& actor : {"root", "lead"}) {
    auto r = p.check(actor, Action::set_config, "chatops-bot");
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::protected_app);
  }
  CHECK(p.check("lead", Action::unset_config, "bot").error().kind == ErrorKind::protected_app);
  CHECK(p.check("root", Action::restart, "chatops-bot"));  // operate is not configure
  CHECK(p.is_protected("CHATOPS-BOT"));
  CHECK(p.protected_apps() == std::vector<std::string>{"bot", "chatops-bot"});
}

TEST_CASE("Policy::from_json reads actors and protected apps") {
  auto p = ops::Policy::from_json(R"({
    "version": 1,
    "actors": {
      "alice@example.com": ["admin"],
      "bob": ["heroku-shop-staging", "Heroku-Shop-Staging:Configure"],
      "carol": [],
      "dave": {"roles": ["heroku-shop"], "apps": {"shop-staging": ["read", "reveal"]}}
    },
    "protected_apps": ["chatops-bot"]
  })");
  REQUIRE(p);
  CHECK(p->roles("bob") ==
        std::vector<std::string>{"heroku-shop-staging", "heroku-shop-staging:configure"});
  CHECK(p->actors() == std::vector<std::string>{"alice@example.com", "bob", "carol", "dave"});
  CHECK(p->roles("dave") == std::vector<std::string>{"heroku-shop", "heroku-shop-staging:read",
                                                     "heroku-shop-staging:reveal"});
  CHECK(p->check("dave", Action::masked_config, "shop-staging"));
  CHECK(p->check("dave", Action::reveal_config, "shop-staging"));
  CHECK_FALSE(p->check("dave", Action::restart, "shop-staging"));  // read only
  CHECK(p->check("dave", Action::restart, "shop"));
  CHECK(p->check("alice@example.com", Action::promote, "shop"));
  CHECK(p->check("bob", Action::set_config, "shop-staging"));
  CHECK_FALSE(p->check("carol", Action::info, "shop"));
  CHECK(p->is_protected("chatops-bot"));
}

TEST_CASE("Policy::from_json refuses what it does not understand") {
  char const* bad[] = {
      "not json",
      "[]",
      R"({"actors": {"bob": "admin"}})",
      R"({"actors": {"bob": [42]}})",
      R"({"actors": {"bob": ["root"]}})",
      R"({"actors": {"bob": ["heroku-"]}})",
      R"({"actors": {"bob": ["heroku-shop prod"]}})",
      R"({"actors": {"": ["admin"]}})",
      R"({"actor": {"bob": ["admin"]}})",
      R"({"protected_apps": "bot"})",
      R"({"protected_apps": [""]})",
      R"({"version": 2})",
      // Ambiguous hubot-auth names: the app shop-config, or configure on shop?
      R"({"actors": {"bob": ["heroku-shop-config"]}})",
      R"({"actors": {"bob": ["heroku-shop-reveal"]}})",
      R"({"actors": {"bob": ["heroku-shop:admin"]}})",
      R"({"actors": {"bob": ["heroku-shop:"]}})",
      R"({"actors": {"bob": ["heroku-:operate"]}})",
      R"({"actors": {"bob": ["heroku-sh:op:operate"]}})",
      R"({"actors": {"bob": {"apps": {"shop": ["admin"]}}}})",
      R"({"actors": {"bob": {"apps": {"shop:reveal": ["operate"]}}}})",
      R"({"actors": {"bob": {"apps": ["shop"]}}})",
      R"({"actors": {"bob": {"role": ["admin"]}}})",
      R"({"commands": "rake db:migrate"})",
      R"({"rollback_config_exceptions": [1]})",
  };
  for (char const* text : bad) {
    CAPTURE(text);
    auto p = ops::Policy::from_json(text);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == ErrorKind::invalid_argument);
  }
}

TEST_CASE("Policy::load reads a file and names it in errors") {
  std::string const path = "ops_policy_test.json";
  {
    std::ofstream out(path);
    out << R"({"actors": {"bob": ["heroku-shop"]}})";
  }
  auto p = ops::Policy::load(path);
  REQUIRE(p);
  CHECK(p->check("bob", Action::restart, "shop"));
  {
    std::ofstream out(path);
    out << R"({"actors": {"bob": ["nope"]}})";
  }
  auto bad = ops::Policy::load(path);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find(path) != std::string::npos);
  std::remove(path.c_str());
  CHECK_FALSE(ops::Policy::load("does-not-exist.json"));
}

TEST_CASE("role names cannot collide: operate on shop-reveal never reveals shop") {
  // Every way of granting operate on the app shop-reveal (or shop-config).
  for (auto const* suffix : {"reveal", "config"}) {
    CAPTURE(suffix);
    std::string const app = std::string("shop-") + suffix;
    auto from_role = ops::Policy().grant("eve", "heroku-" + app + ":operate");
    auto structured =
        ops::Policy::from_json(R"({"actors": {"eve": {"apps": {")" + app + R"(": ["operate"]}}}})");
    REQUIRE(structured);
    auto hubot_style = ops::Policy().grant("eve", "heroku-" + app);  // ambiguous: grants nothing
    for (ops::Policy const* p : {&from_role, &structured.value()}) {
      CHECK(p->check("eve", Action::restart, app));
      CHECK(p->check("eve", Action::masked_config, app));
      for (Action a : {Action::reveal_config, Action::set_config, Action::unset_config,
                       Action::restart, Action::info}) {
        CHECK_FALSE(p->check("eve", a, "shop"));
      }
      CHECK_FALSE(p->check("eve", Action::reveal_config, app));
      CHECK_FALSE(p->check("eve", Action::set_config, app));
    }
    for (Action a : {Action::reveal_config, Action::set_config, Action::restart, Action::info}) {
      CHECK_FALSE(hubot_style.check("eve", a, "shop"));
      CHECK_FALSE(hubot_style.check("eve", a, app));
    }
    auto why = ops::Grant::parse("heroku-" + app);
    REQUIRE_FALSE(why);
    CHECK(why.error().message.find("heroku-" + app + ":operate") != std::string::npos);
  }

  // And the other way round: reveal or configure on shop is nothing on shop-reveal.
  auto p = ops::Policy().grant("rita", "heroku-shop:reveal").grant("rita", "heroku-shop:configure");
  CHECK(p.check("rita", Action::reveal_config, "shop"));
  CHECK(p.check("rita", Action::set_config, "shop"));
  for (auto const* app : {"shop-reveal", "shop-config", "shop-staging", "sho", "shop2"}) {
    CHECK_FALSE(p.check("rita", Action::reveal_config, app));
    CHECK_FALSE(p.check("rita", Action::set_config, app));
    CHECK_FALSE(p.check("rita", Action::info, app));
  }
  // operate on shop gives nothing on apps whose names extend it.
  auto shop = ops::Policy().grant("sam", "heroku-shop");
  CHECK(shop.check("sam", Action::restart, "shop"));
  CHECK_FALSE(shop.check("sam", Action::restart, "shop-reveal"));
  CHECK_FALSE(shop.check("sam", Action::reveal_config, "shop"));
}

TEST_CASE("roles read back canonically, one spelling per meaning") {
  for (auto const* role : {"admin", "heroku-shop", "heroku-shop:configure", "heroku-shop:reveal",
                           "heroku-shop:read", "heroku-shop-reveal:operate"}) {
    CAPTURE(role);
    auto g = ops::Grant::parse(role);
    REQUIRE(g);
    CHECK(g->to_string() == role);
  }
  CHECK(ops::Grant::parse("heroku-shop:operate")->to_string() == "heroku-shop");
  CHECK(ops::Grant::parse("HEROKU-Shop")->app == "shop");
  auto p = ops::Policy().grant("x", "heroku-shop:operate").grant("x", "heroku-shop");
  CHECK(p.roles("x") == std::vector<std::string>{"heroku-shop"});
}

TEST_CASE("approve is its own class: named people only, admin not implied") {
  auto g = ops::Grant::parse("heroku-shop-production:approve");
  REQUIRE(g);
  CHECK(g->action_class == ops::ActionClass::approve);
  CHECK(g->to_string() == "heroku-shop-production:approve");
  CHECK(ops::class_of(Action::approve) == ops::ActionClass::approve);
  CHECK(ops::to_string(Action::approve) == "approve");
  CHECK(ops::to_string(ops::ActionClass::approve) == "approve");

  ops::Policy p;
  p.grant("erin", "heroku-shop-production:approve")
      .grant("root", "admin")
      .grant("dana", "heroku-shop-production")
      .require_four_eyes("Shop-Production");
  CHECK(p.check("erin", Action::approve, "shop-production"));
  // Approving is not operating, and operating is not approving.
  CHECK_FALSE(p.check("erin", Action::restart, "shop-production"));
  auto dana = p.check("dana", Action::approve, "shop-production");
  REQUIRE_FALSE(dana);
  CHECK(dana.error().kind == ErrorKind::policy_denied);
  CHECK(dana.error().message.find("heroku-shop-production:approve") != std::string::npos);
  CHECK(dana.error().message.find("admin") == std::string::npos);
  CHECK_FALSE(p.check("root", Action::approve, "shop-production"));
  // Approve on one app says nothing about another.
  CHECK_FALSE(p.check("erin", Action::approve, "shop-production-eu"));
  CHECK(p.approvers("shop-production") == std::vector<std::string>{"erin"});
  CHECK(p.approvers("shop-staging").empty());
  CHECK(p.requires_four_eyes("shop-production"));
  CHECK_FALSE(p.requires_four_eyes("shop-staging"));
  CHECK(p.four_eyes_apps() == std::vector<std::string>{"shop-production"});
}

TEST_CASE("Policy::from_json reads approve grants and four_eyes, and refuses bad ones") {
  auto p = ops::Policy::from_json(R"({
    "actors": {"erin": ["heroku-shop:approve"],
               "frank": {"apps": {"shop": ["approve", "read"]}},
               "dana": ["heroku-shop"]},
    "four_eyes": ["shop"]})");
  REQUIRE(p);
  CHECK(p->approvers("shop") == std::vector<std::string>{"erin", "frank"});
  CHECK(p->requires_four_eyes("SHOP"));
  CHECK(p->roles("frank") == std::vector<std::string>{"heroku-shop:approve", "heroku-shop:read"});
  CHECK(ops::Policy::from_json(R"({"four_eyes": "shop"})").error().kind ==
        ErrorKind::invalid_argument);
  CHECK(ops::Policy::from_json(R"({"four_eyes": [""]})").error().kind ==
        ErrorKind::invalid_argument);
  CHECK(ops::Policy::from_json(R"({"actors": {"x": ["heroku-shop:approves"]}})").error().kind ==
        ErrorKind::invalid_argument);
  CHECK(ops::Policy::from_json(R"({"actors": {"x": {"apps": {"shop": ["approver"]}}}})")
            .error()
            .message.find("approve") != std::string::npos);
}
