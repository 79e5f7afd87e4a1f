// The tool's hygiene command and the notices of deploy, promote and
// rollback: a loopback webhook receiver and a command writing a file.
#include "cli_world.hpp"

#include <herokupp/ops/rollback.hpp>
#include <herokupp/workflow/environments.hpp>
#include <herokupp/workflow/notifier.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <mutex>
#include <set>
#include <thread>

using clitest::code_in;
using clitest::json_of;
using clitest::World;
using nlohmann::json;

namespace {

/// An incoming-webhook stand-in on 127.0.0.1 that keeps what it was sent.
class Receiver {
 public:
  explicit Receiver(int status = 200) {
    server_.Post("/hook/T000/secret-path",
                 [this, status](httplib::Request const& req, httplib::Response& res) {
                   std::lock_guard<std::mutex> lock(mutex_);
                   bodies_.push_back(req.body);
                   content_types_.push_back(req.get_header_value("Content-Type"));
                   authorizations_.push_back(req.get_header_value("Authorization"));
                   res.status = status;
                   res.set_content(status == 200 ? "ok" : "no_service", "text/plain");
                 });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Receiver() {
    server_.stop();
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/hook/T000/secret-path";
  }
  std::vector<std::string> bodies() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return bodies_;
  }
  std::vector<std::string> content_types() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return content_types_;
  }
  std::vector<std::string> authorizations() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return authorizations_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> bodies_, content_types_, authorizations_;
};

std::string environments_with(std::string const& notices) {
  return R"(environments:
  - label: staging
    app_name: shop-staging
    branch: main
    pipeline: shop
  - label: production
    app_name: shop-production
    pipeline: shop
    upstream: staging
protected: [production]
)" + notices;
}

std::vector<json> lines_of(std::string const& text) {
  std::vector<json> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(json::parse(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

std::vector<json> notice_records(World const& w) {
  std::vector<json> out;
  for (auto const& r : lines_of(w.read("audit.jsonl"))) {
    if (r["action"] == "notice") out.push_back(r);
  }
  return out;
}

constexpr char const* secret_value = "notice-secret-value-3b7e91";

}  // namespace

TEST_CASE("notices: deploy, rollback and promote tell the webhook and the command, no value") {
  World w;
  Receiver receiver;
  w.write("environments.yml",
          environments_with("notices:\n  webhook_url: " + receiver.url() +
                            "\n  command: [sh, -c, 'cat >> \"$0\"; echo >> \"$0\"', " +
                            w.path("notices.txt") + "]\n"));
  // A secret set before the deploy: its release is what a rollback undoes.
  auto set = w.run({"config:set", "shop-staging", std::string("NOTICE_SECRET=") + secret_value});
  REQUIRE_MESSAGE(set.code == 0, set.err);
  auto before = json_of(w.run({"--json", "releases", "shop-staging", "-n", "1"}).out);
  auto const v_before = before["releases"][0]["version"].get<int>();

  auto plan = w.run({"deploy", "staging", "--source", "https://ci.example.com/shop.tgz", "--commit",
                     "7a8b9c0d1e2f30415263748596a7b8c9d0e1f203", "--subject", "Show prices"});
  REQUIRE_MESSAGE(plan.code == 4, plan.err);
  auto done = w.run({"deploy", "staging", "--confirm", code_in(plan.out)});
  REQUIRE_MESSAGE(done.code == 0, done.err);
  CHECK(done.err.find("warning") == std::string::npos);

  auto bodies = receiver.bodies();
  REQUIRE(bodies.size() == 1);
  auto n = json_of(bodies[0]);
  CHECK(n["kind"] == "deploy");
  CHECK(n["app"] == "shop-staging");
  CHECK(n["environment"] == "staging");
  CHECK(n["actor"] == "dana");
  CHECK(n["from_version"] == v_before);
  CHECK(n["to_version"] == v_before + 1);
  CHECK(n["commit"] == "7a8b9c0d1e2f30415263748596a7b8c9d0e1f203");
  CHECK(n["note"] == "- Show prices\n");
  CHECK(n["links"]["activity"] == "https://dashboard.heroku.com/apps/shop-staging/activity");
  auto const text = n["text"].get<std::string>();
  CHECK(text.find("dana deployed shop-staging (staging) v" + std::to_string(v_before) + " -> v" +
                  std::to_string(v_before + 1)) == 0);
  CHECK(receiver.content_types()[0] == "application/json");
  CHECK(receiver.authorizations()[0].empty());  // the API key never goes to a webhook

  // Promote staging to production (dana operates both).
  // Staging has keys production lacks: acknowledged, as the preflight asks.
  std::string keys;
  auto const staging_vars = *w.platform().config_vars("shop-staging");
  auto const production_vars = *w.platform().config_vars("shop-production");
  for (auto const& k : staging_vars)
    if (!production_vars.count(k.first)) keys += (keys.empty() ? "" : ",") + k.first;
  auto promoted = w.run({"promote", "shop", "-a", "shop-staging", "--acknowledge-missing", keys});
  REQUIRE_MESSAGE(promoted.code == 0, promoted.err);
  bodies = receiver.bodies();
  REQUIRE(bodies.size() == 2);
  auto p = json_of(bodies[1]);
  CHECK(p["kind"] == "promotion");
  CHECK(p["app"] == "shop-production");
  CHECK(p["from_version"].is_number_integer());
  CHECK(p["to_version"].get<int>() == p["from_version"].get<int>() + 1);

  // Roll back to the release before the secret: the notice says so.
  auto rb = w.run({"rollback", "shop-staging", "v" + std::to_string(v_before - 1)});
  REQUIRE_MESSAGE(rb.code == 0, rb.err);
  bodies = receiver.bodies();
  REQUIRE(bodies.size() == 3);
  auto r = json_of(bodies[2]);
  CHECK(r["kind"] == "rollback");
  CHECK(r["from_version"] == v_before + 1);
  CHECK(r["to_version"] == v_before + 2);
  CHECK(r["description"].get<std::string>().find("Rollback to v" + std::to_string(v_before - 1)) !=
        std::string::npos);
  CHECK(r["note"] == std::string(herokupp::ops::rollback_reminder));

  // The command got the same three notices, one JSON line each.
  auto lines = lines_of(w.read("notices.txt"));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["kind"] == "deploy");
  CHECK(lines[1]["kind"] == "promotion");
  CHECK(lines[2]["kind"] == "rollback");

  // Never a config value, anywhere a notice went.
  auto const everything = bodies[0] + bodies[1] + bodies[2] + w.read("notices.txt");
  CHECK(everything.find(secret_value) == std::string::npos);
  for (auto const& s : clitest::fleet_secrets())
    CHECK(everything.find(s) == std::string::npos);

  // Audited, with the sinks named by host and program, never the webhook's path.
  auto records = notice_records(w);
  REQUIRE(records.size() == 3);
  CHECK(records[0]["outcome"] == "ok");
  CHECK(records[0]["actor"] == "dana");
  auto const audit = w.read("audit.jsonl");
  CHECK(audit.find("secret-path") == std::string::npos);
  CHECK(audit.find("webhook at 127.0.0.1") != std::string::npos);
  CHECK(audit.find(secret_value) == std::string::npos);
}

TEST_CASE("notices: a failed notice is a warning and an audit record; the change stands") {
  World w;
  Receiver receiver(500);
  w.write("environments.yml", environments_with("notices:\n  webhook_url: " + receiver.url() +
                                                "\n  command: [false]\n"));
  auto before = json_of(w.run({"--json", "releases", "shop-staging", "-n", "2"}).out);
  auto const current = before["releases"][0]["version"].get<int>();
  auto const previous = before["releases"][1]["version"].get<int>();
  auto rb = w.run({"rollback", "shop-staging", "v" + std::to_string(previous)});
  CHECK_MESSAGE(rb.code == 0, rb.err);  // the rollback happened: the exit says so
  CHECK(rb.err.find("warning: the notice was not sent to the webhook at 127.0.0.1: the webhook at "
                    "127.0.0.1 answered HTTP 500") != std::string::npos);
  CHECK(rb.err.find("warning: the notice was not sent to the command false: false exited with "
                    "status 1") != std::string::npos);
  CHECK(rb.err.find("secret-path") == std::string::npos);
  auto after = json_of(w.run({"--json", "releases", "shop-staging", "-n", "1"}).out);
  CHECK(after["releases"][0]["version"] == current + 1);
  CHECK(receiver.bodies().size() == 1);
  auto records = notice_records(w);
  REQUIRE(records.size() == 1);
  CHECK(records[0]["outcome"] == "error");
  CHECK(records[0]["message"].get<std::string>().find("HTTP 500") != std::string::npos);

  // A webhook nobody listens on: a warning too.
  w.write("environments.yml",
          environments_with("notices:\n  webhook_url: http://127.0.0.1:9/hook/T000/secret-path\n"));
  auto again = w.run({"rollback", "shop-staging", "v" + std::to_string(current)});
  CHECK_MESSAGE(again.code == 0, again.err);
  CHECK(again.err.find("warning: the notice was not sent to the webhook at 127.0.0.1") !=
        std::string::npos);
  CHECK(again.err.find("secret-path") == std::string::npos);
}

TEST_CASE("notices: the webhook is https, or http to loopback only unless allowed") {
  using herokupp::workflow::NoticeSinks;
  auto plain = NoticeSinks::from_json(R"({"webhook_url": "http://hooks.example.com/T0/sekrit"})");
  REQUIRE_FALSE(plain);
  CHECK(plain.error().kind == herokupp::ErrorKind::invalid_argument);
  CHECK(plain.error().message.find("hooks.example.com") != std::string::npos);
  CHECK(plain.error().message.find("sekrit") == std::string::npos);
  CHECK(NoticeSinks::from_json(
      R"({"webhook_url": "http://hooks.example.com/x", "allow_insecure_http": true})"));
  CHECK(NoticeSinks::from_json(R"({"webhook_url": "https://hooks.example.com/x"})"));
  CHECK(NoticeSinks::from_json(R"({"webhook_url": "http://127.0.0.1:8080/x"})"));
  CHECK(NoticeSinks::from_json(R"({"webhook_url": "http://[::1]:8080/x"})"));
  // Look-alikes of loopback are not loopback.
  CHECK_FALSE(NoticeSinks::from_json(R"({"webhook_url": "http://127.0.0.1.evil.example/x"})"));
  CHECK_FALSE(NoticeSinks::from_json(R"({"webhook_url": "http://localhost.evil.example/x"})"));
  CHECK_FALSE(NoticeSinks::from_json(R"({"webhook_url": "http://127.1/x"})"));
  CHECK_FALSE(NoticeSinks::from_json(R"({"webhook_url": "ftp://hooks.example.com/x"})"));
  CHECK_FALSE(NoticeSinks::from_json(R"({"webhook": "https://hooks.example.com/x"})"));
  CHECK_FALSE(NoticeSinks::from_json(R"({"command": "notify --all"})"));
  CHECK_FALSE(NoticeSinks::from_json(R"({"timeout_seconds": 0})"));

  // In an environments file, a plain http webhook elsewhere refuses the file.
  auto file = herokupp::workflow::EnvironmentsFile::parse(
      environments_with("notices:\n  webhook_url: http://hooks.example.com/T0/sekrit\n"));
  REQUIRE_FALSE(file);
  CHECK(file.error().message.find("sekrit") == std::string::npos);
  World w;
  w.write("environments.yml",
          environments_with("notices:\n  webhook_url: http://hooks.example.com/T0/sekrit\n"));
  auto refused = w.run({"releases", "shop-staging"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find("sekrit") == std::string::npos);

  // A webhook URL from a variable that is not set: a warning at send time.
  NoticeSinks from_env;
  from_env.webhook_url_env = "HEROKUPP_TEST_UNSET_WEBHOOK_9d1c";
  herokupp::workflow::Notifier notifier{from_env};
  herokupp::workflow::Notice n;
  n.app = "shop-staging";
  auto report = notifier.send(n);
  REQUIRE(report.deliveries.size() == 1);
  CHECK_FALSE(report.ok());
  CHECK(report.warnings()[0].find("HEROKUPP_TEST_UNSET_WEBHOOK_9d1c is not set") !=
        std::string::npos);
}

TEST_CASE("notices: the command gets the notice on stdin, without the API key") {
  World w;
  ::setenv("HEROKU_API_KEY", "HRKU-notice-test-key-must-not-leak", 1);
  herokupp::workflow::NoticeSinks sinks;
  sinks.command = {"sh", "-c", "cat > \"$0\"; echo \"key=${HEROKU_API_KEY:-unset}\" >> \"$0\"",
                   w.path("stdin.txt")};
  herokupp::workflow::Notice n;
  n.kind = herokupp::workflow::NoticeKind::rollback;
  n.app = "shop";
  n.actor = "dana";
  n.from_version = 45;
  n.to_version = 46;
  n.description = "Rollback to v42\x1b[2J";
  n.links = herokupp::workflow::dashboard_links("shop");
  auto report = herokupp::workflow::Notifier{sinks}.send(n);
  ::unsetenv("HEROKU_API_KEY");
  CHECK(report.ok());
  auto const text = w.read("stdin.txt");
  CHECK(text.find("key=unset") != std::string::npos);
  CHECK(text.find("HRKU-notice-test-key-must-not-leak") == std::string::npos);
  auto j = json::parse(text.substr(0, text.find('\n')));
  CHECK(j["text"] ==
        "dana rolled back shop v45 -> v46: Rollback to v42 [2J "
        "https://dashboard.heroku.com/apps/shop/activity");
  CHECK(j["links"]["dashboard"] == "https://dashboard.heroku.com/apps/shop");

  // A program that does not exist is a failed delivery, not a crash.
  sinks.command = {"/nonexistent/notify-deploys"};
  auto missing = herokupp::workflow::Notifier{sinks}.send(n);
  REQUIRE(missing.deliveries.size() == 1);
  CHECK_FALSE(missing.ok());
  CHECK(missing.deliveries[0].sink == "command notify-deploys");
}

TEST_CASE("hygiene: scopes, --json, --fail-on exit codes, rules from the environments file") {
  World w;
  auto report = w.run({"--json", "hygiene", "--pipeline", "shop"});
  REQUIRE_MESSAGE(report.code == 0, report.err);
  auto j = json_of(report.out);
  CHECK(j["ok"] == true);
  CHECK(j["apps"].size() == 2);
  std::set<std::string> drains;
  for (auto const& f : j["findings"]) {
    if (f["rule"] == "log-drain") drains.insert(f["app"].get<std::string>());
  }
  CHECK(drains == std::set<std::string>{"shop-production", "shop-staging"});
  CHECK(j["counts"]["error"] == 0);

  auto gate = w.run({"hygiene", "--pipeline", "shop", "--fail-on", "warning"});
  CHECK(gate.code == 5);
  CHECK(gate.out.find("fix: heroku drains:add") != std::string::npos);
  CHECK(w.run({"hygiene", "--pipeline", "shop", "--fail-on", "error"}).code == 0);
  CHECK(w.run({"hygiene", "--pipeline", "shop", "--fail-on", "fatal"}).code == 2);
  CHECK(w.run({"hygiene"}).code == 2);
  CHECK(w.run({"hygiene", "--pipeline", "no-such-pipeline"}).code == 1);

  // Apps the policy gives dana no read on, and apps nobody has: not visible.
  auto hidden = w.run({"--json", "hygiene", "legacy-billing", "no-such-app", "-a", "shop-worker"});
  REQUIRE_MESSAGE(hidden.code == 0, hidden.err);
  auto hj = json_of(hidden.out);
  std::set<std::string> invisible;
  for (auto const& a : hj["apps"]) {
    if (a["visible"] == false) invisible.insert(a["app"].get<std::string>());
  }
  CHECK(invisible == std::set<std::string>{"legacy-billing", "no-such-app"});
  CHECK(w.run({"hygiene", "legacy-billing", "--fail-on", "warning"}).code == 5);

  // The environments file's hygiene section: drains only for production, as errors.
  w.write("environments.yml", environments_with(R"(hygiene:
  rules:
    log-drain: {severity: error, stages: [production]}
    not-visible: {enabled: false}
)"));
  auto configured = w.run({"--json", "hygiene", "--pipeline", "shop", "--fail-on", "error"});
  CHECK(configured.code == 5);
  auto cj = json_of(configured.out);
  REQUIRE(cj["findings"].size() == 1);
  CHECK(cj["findings"][0]["app"] == "shop-production");
  CHECK(cj["findings"][0]["severity"] == "error");
  CHECK(cj["passed"] == false);
  CHECK(w.run({"hygiene", "no-such-app", "--fail-on", "info"}).code == 0);

  // A mistake in that section refuses the file, naming the field.
  w.write("environments.yml", environments_with("hygiene:\n  rules: {preboot: {severity: 3}}\n"));
  auto bad = w.run({"hygiene", "--pipeline", "shop"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("rules.preboot.severity") != std::string::npos);
}
