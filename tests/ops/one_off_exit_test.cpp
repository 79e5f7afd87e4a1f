// A one-off's real exit status, read from its log, decides success; its
// output is shown masked.
#include "ops_world.hpp"

namespace ops = herokupp::ops;
using herokupp::ErrorKind;
using herokupp::Method;
using opstest::World;

namespace {

ops::OneOffOptions waiting(World const& w) {
  ops::OneOffOptions o;
  o.wait = w.virtual_wait();
  return o;
}

herokupp::sim::PlatformOptions short_runs() {
  herokupp::sim::PlatformOptions p;
  p.one_off_duration = std::chrono::seconds(30);
  return p;
}

}  // namespace

TEST_CASE("a migration that succeeds reports status 0 and its output") {
  World w(short_runs());
  std::vector<std::string> seen;
  auto o = waiting(w);
  o.on_output = [&](std::string const& line) { seen.push_back(line); };
  auto r = ops::migrate(w.app("shop-staging"), o);
  REQUIRE(r);
  REQUIRE(r->exit_status);
  CHECK(*r->exit_status == 0);
  CHECK(r->finished);
  REQUIRE_FALSE(r->output.empty());
  CHECK(r->output.back().find("migrated") != std::string::npos);
  CHECK(seen == r->output);
  for (auto const& line : r->output)
    w.capture(line);
}

TEST_CASE("a migration that fails is an Error with its exit status, output masked") {
  World w(short_runs());
  REQUIRE(w.platform->fail_next_run("shop-staging", 3));
  std::vector<std::string> seen;
  auto o = waiting(w);
  o.on_output = [&](std::string const& line) { seen.push_back(line); };
  auto r = ops::migrate(w.app("shop-staging"), o);
  REQUIRE_FALSE(r);
  CHECK(r.error().id == ops::one_off_failed_id);
  CHECK(r.error().message.find("exited with status 3") != std::string::npos);
  CHECK(r.error().message.find("rake db:migrate") != std::string::npos);
  w.capture(r);
  // The simulated failure prints DATABASE_URL; what reaches us is masked.
  bool masked = false;
  for (auto const& line : seen) {
    w.capture(line);
    if (line.find("ConnectionNotEstablished") != std::string::npos) {
      masked = line.find(std::string(ops::value_mask)) != std::string::npos;
    }
  }
  CHECK(masked);
  // The next one-off runs normally again.
  auto again = ops::run(w.app("shop-staging"), "rake assets:precompile", waiting(w));
  REQUIRE(again);
  CHECK(*again->exit_status == 0);
}

TEST_CASE("fail_next_run with 0 still fails, and names only known apps") {
  World w(short_runs());
  CHECK_FALSE(w.platform->fail_next_run("no-such-app"));
  REQUIRE(w.platform->fail_next_run("shop-staging", 0));
  auto r = ops::run(w.app("shop-staging"), "rake assets:precompile", waiting(w));
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("exited with status 1") != std::string::npos);
}

TEST_CASE("the exit line is read from the app's log through a log session") {
  World w(short_runs());
  REQUIRE(w.platform->fail_next_run("shop-staging", 2));
  auto r = ops::run(w.app("shop-staging"), "rake assets:precompile", waiting(w));
  REQUIRE_FALSE(r);
  // A log session was made for that dyno, without the API key in the log fetch.
  CHECK(w.transport->count(Method::post, "/apps/shop-staging/log-sessions") >= 2);
  bool fetched = false;
  for (auto const& seen : w.transport->seen()) {
    if (seen.path.find("/__sim/logs/") == std::string::npos) continue;
    fetched = true;
    CHECK_FALSE(seen.headers.get("Authorization"));
  }
  CHECK(fetched);
}

TEST_CASE("a session's run and migrate fail with the status and are audited as errors") {
  World w(short_runs());
  ops::SessionOptions o;
  o.now = w.now();
  o.protect_own_app = false;
  o.one_off.wait = w.virtual_wait();
  ops::Session s{w.client(), std::nullopt, "sam", w.audit(), o};
  REQUIRE(w.platform->fail_next_run("shop-staging", 1));
  auto r = s.migrate("shop-staging");
  REQUIRE_FALSE(r);
  CHECK(w.records->back().outcome == "error");
  CHECK(w.records->back().message.find("exited with status 1") != std::string::npos);
  w.capture(r);
  auto ok = s.migrate("shop-staging");
  REQUIRE(ok);
  CHECK(w.records->back().outcome == "ok");
  CHECK(w.records->back().message.find("status 0") != std::string::npos);
}

TEST_CASE("the masker hides values and URL passwords, and neutralises control characters") {
  ops::ValueMasker mask{{{"DATABASE_URL", "postgres://u:Pw-9x-long@db.internal/x"},
                         {"SHORT", "on"},
                         {"TOKEN", "tok-123456"}}};
  CHECK(mask("to postgres://u:Pw-9x-long@db.internal/x failed") == "to ******** failed");
  CHECK(mask("password Pw-9x-long rejected") == "password ******** rejected");
  CHECK(mask("turned on with tok-123456") == "turned on with ********");
  CHECK(mask("\x1b[31mred\x1b[0m\r") == "\\x1b[31mred\\x1b[0m\\x0d");
}
