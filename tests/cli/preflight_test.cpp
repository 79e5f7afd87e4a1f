// Issue 17, item 2: the promotion preflight. Missing config keys (names
// only), feature flags, the change set between the slugs' commits and its
// migrations; missing keys block until acknowledged, and the code covers the
// acknowledgement. In the workflow library and through the tool.
#include "cli_world.hpp"

#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/workflow.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace wf = herokupp::workflow;
namespace ops = herokupp::ops;
using clitest::code_in;
using clitest::current_version;
using clitest::ship_staging;
using clitest::World;
using herokupp::ErrorKind;
using json = nlohmann::json;

namespace {

bool has(std::vector<std::string> const& v, std::string const& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void no_secrets(std::string const& text) {
  for (auto const& secret : clitest::fleet_secrets())
    CHECK_MESSAGE(text.find(secret) == std::string::npos, "a value leaked: " << text);
}

// The platform as it sometimes answers: a config the key may not read, a
// slug that records no commit.
class Unhelpful : public herokupp::Transport {
 public:
  explicit Unhelpful(herokupp::sim::Platform& p) : inner_(p) {}
  herokupp::result<herokupp::HttpResponse> send(herokupp::HttpRequest const& r) override {
    if (!forbid_config_of.empty() && r.method == herokupp::Method::get &&
        r.url.find("/apps/" + forbid_config_of + "/config-vars") != std::string::npos) {
      herokupp::HttpResponse res;
      res.status = 403;
      res.headers.set("Content-Type", "application/json");
      res.body = R"({"id":"forbidden","message":"You do not have access to the app."})";
      return res;
    }
    auto res = inner_.send(r);
    if (res && strip_commits && r.url.find("/slugs/") != std::string::npos && res->status == 200) {
      auto j = json::parse(res->body);
      j["commit"] = nullptr;
      res->body = j.dump();
      res->headers.erase("ETag");
    }
    return res;
  }
  std::string forbid_config_of;
  bool strip_commits = false;

 private:
  herokupp::sim::InProcessTransport inner_;
};

herokupp::Client client_over(World& w, std::shared_ptr<herokupp::Transport> t) {
  herokupp::ClientOptions o;
  o.api_key = w.api_key();
  o.base_url = "http://127.0.0.1";
  o.transport = std::move(t);
  o.sleep = [](std::chrono::milliseconds) {};
  return herokupp::Client{o};
}

}  // namespace

TEST_CASE("feature-flag names") {
  for (auto k :
       {"FEATURE_CHECKOUT_V2", "feature_x", "FLAG_NEW_CART", "FF_SEARCH", "ENABLE_BETA",
        "DISABLE_LEGACY", "SEARCH_ENABLED", "OLD_UI_DISABLED", "CART_FLAG", "BETA_FEATURE"}) {
    CHECK_MESSAGE(wf::looks_like_feature_flag(k), k);
  }
  for (auto k : {"DATABASE_URL", "FEATURE", "ENABLED", "FEATUREX", "RAILS_ENV", "FLAGSHIP_URL",
                 "_ENABLED"}) {
    CHECK_MESSAGE(!wf::looks_like_feature_flag(k), k);
  }
}

TEST_CASE("preflight: missing keys by name, both sides by fingerprint, no value") {
  World w;
  ship_staging(w);
  auto pf = wf::promotion_preflight(w.client(), "shop-staging", "shop-production");
  REQUIRE_MESSAGE(pf, pf.error().message);
  CHECK_FALSE(pf->up_to_date);
  CHECK(has(pf->missing, "FEATURE_CHECKOUT_V2"));
  CHECK(has(pf->feature_flags, "FEATURE_CHECKOUT_V2"));
  CHECK_FALSE(has(pf->missing, "DATABASE_URL"));
  CHECK(pf->blocks());
  for (auto const& k : pf->keys) {
    if (k.key == "DATABASE_URL" || k.key == "RAILS_ENV") CHECK(k.status == "differs");
    if (k.key == "SECRET_KEY_BASE") CHECK(k.status == "only_downstream");
    if (k.key == "FEATURE_CHECKOUT_V2") CHECK(k.status == "missing");
  }
  CHECK(pf->upstream_commit == "c1827ba000000000000000000000000000000001");
  CHECK(!pf->downstream_commit.empty());
  // Without a change set or a checkout, migrations cannot be ruled out.
  CHECK(pf->migrations == "unknown");
  CHECK_FALSE(pf->change_set_known);
  bool warned = false;
  for (auto const& line : pf->warnings)
    warned = warned || line.find("not the database") != std::string::npos;
  CHECK(warned);
  no_secrets(pf->to_json());
  no_secrets(pf->summary());
  CHECK(pf->summary().find("BLOCKED") != std::string::npos);
  auto back = wf::Preflight::from_json(pf->to_json());
  REQUIRE(back);
  CHECK(back->to_json() == pf->to_json());

  wf::PreflightOptions o;
  o.changes = wf::ChangeSet{{"db/migrations/0042_orders.rb", "app/models/order.rb"}, {"Index"}};
  o.acknowledge_missing = pf->missing;
  auto acked = wf::promotion_preflight(w.client(), "shop-staging", "shop-production", o);
  REQUIRE(acked);
  CHECK_FALSE(acked->blocks());
  CHECK(acked->migrations == "yes");
  CHECK(acked->migration_files == std::vector<std::string>{"db/migrations/0042_orders.rb"});
  CHECK(acked->summary().find("a rollback restores code and config, not the database") !=
        std::string::npos);

  o.changes = wf::ChangeSet{{"app/models/order.rb"}, {"Tidy"}};
  auto plain = wf::promotion_preflight(w.client(), "shop-staging", "shop-production", o);
  REQUIRE(plain);
  CHECK(plain->migrations == "no");
  CHECK(plain->warnings.empty());

  o.acknowledge_missing = {"DATABASE_URL"};
  auto wrong = wf::promotion_preflight(w.client(), "shop-staging", "shop-production", o);
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().kind == ErrorKind::invalid_argument);
  CHECK(wrong.error().message.find("DATABASE_URL is not missing") != std::string::npos);
}

TEST_CASE("preflight: what the platform cannot answer is an Error or an unknown, never a pass") {
  World w;
  ship_staging(w);
  auto t = std::make_shared<Unhelpful>(w.platform());
  auto client = client_over(w, t);
  SUBCASE("a config the key cannot read") {
    t->forbid_config_of = "shop-production";
    auto pf = wf::promotion_preflight(client, "shop-staging", "shop-production");
    REQUIRE_FALSE(pf);
    CHECK(pf.error().kind == ErrorKind::forbidden);
    CHECK(pf.error().message.find("cannot be checked") != std::string::npos);
  }
  SUBCASE("slugs that record no commit") {
    t->strip_commits = true;
    auto pf = wf::promotion_preflight(client, "shop-staging", "shop-production");
    REQUIRE(pf);
    CHECK(pf->upstream_commit.empty());
    CHECK_FALSE(pf->change_set_known);
    CHECK(pf->migrations == "unknown");
    bool said = false;
    for (auto const& line : pf->warnings)
      said = said || line.find("records no commit") != std::string::npos;
    CHECK(said);
    CHECK(pf->summary().find("(unknown)") != std::string::npos);
  }
  CHECK(wf::promotion_preflight(client, "shop-staging", "no-such-app").error().kind ==
        ErrorKind::not_found);
}

TEST_CASE("promote: the preflight is shown, and missing keys block until acknowledged") {
  World w;
  ship_staging(w);
  auto const before = current_version(w, "shop-production");
  auto blocked = w.run({"--json", "promote", "shop", "--from", "shop-staging"});
  CHECK(blocked.code == 1);
  auto j = json::parse(blocked.out);
  CHECK(j["ok"] == false);
  CHECK(j["error"]["message"].get<std::string>().find("blocked") != std::string::npos);
  auto missing = j["preflight"][0]["missing"].get<std::vector<std::string>>();
  REQUIRE(!missing.empty());
  CHECK(current_version(w, "shop-production") == before);
  auto text = w.run({"promote", "shop", "--from", "shop-staging"});
  CHECK(text.code == 1);
  CHECK(text.out.find("BLOCKED") != std::string::npos);
  CHECK(text.out.find("missing FEATURE_CHECKOUT_V2 (feature flag)") != std::string::npos);

  // Acknowledging a key that is not missing is a usage error.
  CHECK(
      w.run({"promote", "shop", "--from", "shop-staging", "--acknowledge-missing", "DATABASE_URL"})
          .code == 2);
  std::string keys;
  for (auto const& k : missing)
    keys += (keys.empty() ? "" : ",") + k;
  auto done =
      w.run({"--json", "promote", "shop", "--from", "shop-staging", "--acknowledge-missing", keys});
  REQUIRE_MESSAGE(done.code == 0, done.err);
  auto dj = json::parse(done.out);
  CHECK(dj["succeeded"] == true);
  CHECK(dj["preflight"][0]["acknowledged"].get<std::vector<std::string>>() == missing);
  CHECK(current_version(w, "shop-production") != before);
}

TEST_CASE("deploy plans carry the preflight; the code covers the acknowledgements") {
  World w;
  ship_staging(w);
  auto blocked = w.run({"--json", "deploy", "production"});
  CHECK(blocked.code == 1);
  auto bj = json::parse(blocked.out);
  CHECK(bj["plan"]["preflight"]["blocks"] == true);
  CHECK_FALSE(bj["plan"].contains("confirmation_code"));
  auto missing = bj["plan"]["preflight"]["missing"].get<std::vector<std::string>>();
  REQUIRE(missing.size() >= 2);
  std::string keys;
  for (auto const& k : missing)
    keys += (keys.empty() ? "" : ",") + k;
  auto const before = current_version(w, "shop-production");

  auto plan = w.run({"deploy", "production", "--acknowledge-missing", keys, "--changed",
                     "db/migrations/0042_orders.rb", "--subject", "Index orders"});
  REQUIRE_MESSAGE(plan.code == 4, plan.err);
  CHECK(plan.out.find("Preflight shop-staging -> shop-production") != std::string::npos);
  CHECK(plan.out.find("not the database") != std::string::npos);
  auto code = code_in(plan.out);

  // The acknowledgement edited after review: one key fewer.
  std::string file;
  for (auto const& e : std::filesystem::directory_iterator(w.path("state")))
    if (e.path().filename().string().rfind("deploy-production", 0) == 0) file = e.path().string();
  REQUIRE(!file.empty());
  std::string original;
  {
    std::ifstream in(file);
    original.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto edited = json::parse(original);
  edited["acknowledged_missing"].erase(edited["acknowledged_missing"].begin());
  std::ofstream(file) << edited.dump();
  auto refused = w.run({"deploy", "production", "--confirm", code});
  CHECK(refused.code == 4);
  CHECK(refused.err.find("does not match") != std::string::npos);
  CHECK(current_version(w, "shop-production") == before);

  std::ofstream(file) << original;
  auto done = w.run({"deploy", "production", "--confirm", code});
  CHECK_MESSAGE(done.code == 0, done.err);
  CHECK(current_version(w, "shop-production") != before);
}
