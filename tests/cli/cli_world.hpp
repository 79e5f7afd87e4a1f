// Test support for the herokupp tool and the workflow library: the fleet
// seed in an in-process simulator whose builds, promotions and one-off dynos
// finish at once, and run_cli with captured output.
#ifndef HEROKUPP_TESTS_CLI_CLI_WORLD_HPP
#define HEROKUPP_TESTS_CLI_CLI_WORLD_HPP

#include "commands.hpp"

#include <herokupp/client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/ops/recent_releases.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace clitest {

inline std::vector<std::string> fleet_secrets() {
  return {"staging-secret", "production-secret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
          "HRKU-fleet-ops-4f1c2a9e7b3d4c5e8a6f0b1d2c3e4f5a", "new-value-7c1e"};
}

// Fails POSTs to one path while armed (a one-off dyno that cannot start).
class BreakableTransport : public herokupp::Transport {
 public:
  explicit BreakableTransport(herokupp::sim::Platform& p) : inner_(p) {}
  herokupp::result<herokupp::HttpResponse> send(herokupp::HttpRequest const& r) override {
    ++requests;
    if (r.method != herokupp::Method::get) ++writes;
    if (before_post && r.method == herokupp::Method::post) before_post(r);
    if (answer) {
      if (auto staged = answer(r)) return std::move(*staged);
    }
    if (!fail_post_suffix.empty() && r.method == herokupp::Method::post &&
        r.url.size() >= fail_post_suffix.size() &&
        r.url.compare(r.url.size() - fail_post_suffix.size(), fail_post_suffix.size(),
                      fail_post_suffix) == 0) {
      herokupp::HttpResponse res;
      res.status = fail_status;
      res.headers.set("Content-Type", "application/json");
      res.body = fail_body;
      return res;
    }
    return inner_.send(r);
  }
  std::string fail_post_suffix;
  /// Runs before each POST reaches the platform: a race staged by a test.
  std::function<void(herokupp::HttpRequest const&)> before_post;
  /// Answers a request instead of the platform when it returns one: a
  /// hostile server staged by a test.
  std::function<std::optional<herokupp::HttpResponse>(herokupp::HttpRequest const&)> answer;
  std::string fail_body = R"({"id":"internal_server_error","message":"dyno could not start"})";
  int fail_status = 500;
  std::atomic<int> requests{0};
  std::atomic<int> writes{0};  ///< requests other than GET

 private:
  herokupp::sim::InProcessTransport inner_;
};

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

class World {
 public:
  World() : platform_(options()) {
    REQUIRE(platform_.load_seed_file(HEROKUPP_FLEET_SEED));
    transport = std::make_shared<BreakableTransport>(platform_);
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::current_path() /
           ("cli-world-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    write("policy.json", R"({"actors": {
        "dana": ["heroku-shop-staging", "heroku-shop-staging:configure", "heroku-shop-production",
                 "heroku-shop-worker"],
        "olive": ["admin"]},
      "protected_apps": ["shop-production"],
      "act_for_others": ["ops@example.com"]})");
    write("environments.yml", R"(environments:
  - label: staging
    app_name: shop-staging
    branch: main
    pipeline: shop
    settings: {RAILS_ENV: staging, RACK_ENV: development, WEB_CONCURRENCY: "2"}
  - label: production
    app_name: shop-production
    pipeline: shop
    upstream: staging
commands:
  migrate: rake db:migrate
  collectstatic: rake assets:precompile
protected: [production]
)");
  }
  ~World() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  herokupp::sim::Platform& platform() { return platform_; }
  std::string path(std::string const& name) const { return (dir_ / name).string(); }
  void write(std::string const& name, std::string const& text) const {
    std::ofstream(dir_ / name) << text;
  }
  std::string read(std::string const& name) const {
    std::ifstream f(dir_ / name);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
  }
  std::string api_key() { return platform_.default_api_key(); }

  herokupp::Client client() {
    herokupp::ClientOptions o;
    o.api_key = api_key();
    o.base_url = "http://127.0.0.1";
    o.transport = transport;
    o.sleep = [](std::chrono::milliseconds) {};
    return herokupp::Client{o};
  }

  // Runs `herokupp --actor dana --policy ... --audit ... ARGS`.
  Run run(std::vector<std::string> args, bool with_policy = true) {
    std::vector<std::string> argv = {"herokupp",
                                     "--audit",
                                     path("audit.jsonl"),
                                     "--environments",
                                     path("environments.yml"),
                                     "--state-dir",
                                     path("state")};
    if (with_policy) {
      argv.insert(argv.end(), {"--actor", "dana", "--policy", path("policy.json")});
    }
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char const*> raw;
    for (auto const& a : argv)
      raw.push_back(a.c_str());
    herokupp::cli::Environment env;
    std::map<std::string, std::string> vars = {{"HEROKU_API_KEY", api_key()},
                                               {"HEROKU_API_URL", "http://127.0.0.1"},
                                               {"XDG_CONFIG_HOME", path("config")}};
    for (auto const& kv : extra_env)
      vars[kv.first] = kv.second;
    env.getenv = [vars](std::string const& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
    env.transport = transport;
    env.sleep = [](std::chrono::milliseconds) {};
    std::ostringstream out, err;
    Run r;
    r.code = herokupp::cli::run_cli(static_cast<int>(raw.size()), raw.data(), out, err, env);
    r.out = out.str();
    r.err = err.str();
    for (auto const& secret : fleet_secrets()) {
      CHECK_MESSAGE(r.out.find(secret) == std::string::npos, "secret in output: " << r.out);
      CHECK_MESSAGE(r.err.find(secret) == std::string::npos, "secret in errors: " << r.err);
    }
    return r;
  }

  std::shared_ptr<BreakableTransport> transport;
  std::map<std::string, std::string> extra_env;

 private:
  static herokupp::sim::PlatformOptions options() {
    herokupp::sim::PlatformOptions o;
    o.build_duration = std::chrono::seconds(0);
    o.promotion_duration = std::chrono::seconds(0);
    o.one_off_duration = std::chrono::seconds(0);
    o.dyno_boot_duration = std::chrono::seconds(0);
    return o;
  }

  herokupp::sim::Platform platform_;
  std::filesystem::path dir_;
};

/// The version of the release `app` runs now (-1 when none is current).
inline std::int64_t current_version(World& w, std::string const& app) {
  auto list = herokupp::ops::recent_releases(w.client().app(app), 5);
  REQUIRE(list);
  for (auto const& r : *list)
    if (r.current) return r.version;
  return -1;
}

/// The confirmation code the tool printed ("... --confirm CODE").
inline std::string code_in(std::string const& text) {
  auto at = text.rfind("--confirm ");
  REQUIRE(at != std::string::npos);
  auto end = text.find_first_of(" \n\"", at + 10);
  return text.substr(at + 10, end - at - 10);
}

/// The tool's JSON output, parsed; a test fails with the text when it is not JSON.
inline nlohmann::json json_of(std::string const& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  REQUIRE_MESSAGE(!j.is_discarded(), "not JSON: " << text);
  return j;
}

/// Ships staging with code production does not run yet: a build from source,
/// planned and then confirmed.
inline void ship_staging(World& w) {
  auto plan = w.run({"deploy", "staging", "--source", "https://ci.example.com/new.tgz", "--commit",
                     "c1827ba000000000000000000000000000000001"});
  REQUIRE_MESSAGE(plan.code == 4, plan.err);
  auto done = w.run({"deploy", "staging", "--confirm", code_in(plan.out)});
  REQUIRE_MESSAGE(done.code == 0, done.err);
}

/// The audit file's records.
inline std::vector<nlohmann::json> audit_lines(World& w) {
  std::vector<nlohmann::json> out;
  std::istringstream in(w.read("audit.jsonl"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace clitest

#endif  // HEROKUPP_TESTS_CLI_CLI_WORLD_HPP
