// The fault matrix: each sub-client call (fault_matrix_calls.cpp) against each
// fault the simulator injects, over loopback HTTP and CurlTransport. For
// every cell: no crash, no hang (CTest's timeout), a write request (POST,
// PATCH) on the wire at most once, at most max_attempts sends of anything,
// and either the same result as without the fault or a typed Error. Set
// HEROKUPP_FAULT_MATRIX=<file> to write the matrix as a Markdown table.
#include "fault_matrix.hpp"

#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

using faults::Call;
using faults::Outcome;
using faults::Setup;
using herokupp::ErrorKind;
using herokupp::Method;
using herokupp::sim::FaultKind;

namespace {

constexpr int kMaxAttempts = 3;
constexpr char const* ops_key = "HRKU-fleet-ops-4f1c2a9e7b3d4c5e8a6f0b1d2c3e4f5a";

// "latency" is a setting, not an injected kind: every request on the path waits.
struct Fault {
  char const* name;
  std::optional<FaultKind> kind;
};

// One fresh simulated fleet, served on loopback, that records every request
// it sees (faulted ones included).
struct World {
  herokupp::sim::Platform platform;
  std::mutex mutex;
  std::vector<std::string> log;
  std::unique_ptr<herokupp::sim::Server> server;
  Setup setup;

  World() {
    REQUIRE(platform.load_seed_file(HEROKUPP_FLEET_SEED).has_value());
    herokupp::sim::ServerOptions so;
    so.access_log = [this](std::string const& line) {
      std::lock_guard<std::mutex> guard(mutex);
      log.push_back(line);
    };
    server = std::make_unique<herokupp::sim::Server>(platform, so);
    prepare();
  }

  herokupp::Client client() const {
    herokupp::ClientOptions opts;
    opts.api_key = ops_key;
    opts.base_url = server->base_url();
    opts.timeout = std::chrono::milliseconds(400);
    opts.retry.max_attempts = kMaxAttempts;
    opts.retry.deadline = std::chrono::seconds(20);
    opts.sleep = [](std::chrono::milliseconds) {};  // retries go at once
    return herokupp::Client(opts);
  }

  // The ids calls need, made before any fault is on.
  void prepare() {
    auto c = client();
    auto app = c.app("shop-staging");
    auto release = app.releases().info(std::int64_t{1});
    REQUIRE(release.has_value());
    setup.release_id = release->id;
    auto build = app.builds().create({"https://example.com/seed.tgz", std::string("seed123"), {}});
    REQUIRE(build.has_value());
    setup.build_id = build->id;
    herokupp::RunOptions run;
    run.command = "bash";
    auto dyno = app.dynos().run(run);
    REQUIRE(dyno.has_value());
    setup.dyno_name = dyno->name;
    auto promotion = c.pipeline("shop").promotions().create("shop-staging", {"shop-production"});
    REQUIRE(promotion.has_value());
    setup.promotion_id = promotion->id;
  }

  std::vector<std::string> take_log() {
    std::lock_guard<std::mutex> guard(mutex);
    auto out = std::move(log);
    log.clear();
    return out;
  }
};

bool is_write(std::string const& line) {
  return line.rfind("POST ", 0) == 0 || line.rfind("PATCH ", 0) == 0;
}

bool typed(ErrorKind k) {
  return k == ErrorKind::server || k == ErrorKind::rate_limited || k == ErrorKind::transport ||
         k == ErrorKind::timeout || k == ErrorKind::decode || k == ErrorKind::protocol;
}

std::map<std::string, std::map<std::string, std::string>>& matrix() {
  static std::map<std::string, std::map<std::string, std::string>> m;
  return m;
}

Outcome run_cell(Call const& call, Fault const& fault, std::vector<std::string>* wire) {
  World world;
  world.take_log();
  if (fault.kind) {
    herokupp::sim::FaultOptions f;
    f.slow_body_duration = std::chrono::milliseconds(1500);
    world.platform.set_faults(f);
    world.platform.inject(*fault.kind, 1, call.path);
  } else if (std::string(fault.name) == "latency") {
    herokupp::sim::FaultOptions f;
    f.latency = std::chrono::milliseconds(30);
    f.path_prefix = call.path;
    world.platform.set_faults(f);
  }
  Outcome o = call.run(world.client(), world.setup);
  if (wire) *wire = world.take_log();
  return o;
}

// The call without any fault: its result, and how many requests it sent.
struct Baseline {
  std::string summary;
  std::size_t requests = 0;
};

Baseline const& baseline(Call const& call) {
  static std::map<std::string, Baseline> cache;
  auto it = cache.find(call.name);
  if (it != cache.end()) return it->second;
  std::vector<std::string> wire;
  Outcome o = run_cell(call, Fault{"none", std::nullopt}, &wire);
  INFO(call.name << ": " << o.error.describe());
  REQUIRE(o.ok);
  return cache.emplace(call.name, Baseline{o.summary, wire.size()}).first->second;
}

void check_fault(Fault const& fault) {
  for (Call const& call : faults::calls()) {
    CAPTURE(call.name);
    Baseline const& expected = baseline(call);
    std::vector<std::string> wire;
    Outcome o = run_cell(call, fault, &wire);
    CAPTURE(o.error.describe());
    // On the wire: a write at most once; nothing more often than the retries allow.
    int writes = 0;
    for (auto const& line : wire)
      writes += is_write(line) ? 1 : 0;
    CHECK(writes <= 1);
    // One fault costs at most the retries of the one request it hit.
    CHECK(wire.size() <= expected.requests + kMaxAttempts - 1);
    bool const idempotent = herokupp::is_idempotent(call.method);
    std::string cell;
    if (o.ok) {
      CHECK(o.summary == expected.summary);
      cell = "ok";
    } else {
      CHECK(typed(o.error.kind));
      CHECK_FALSE(o.error.message.empty());
      cell = std::string(herokupp::to_string(o.error.kind));
    }
    // One fault, three attempts: idempotent calls recover from everything
    // but a malformed answer (not retried: the server did answer); a write
    // never retries, so only latency leaves it untouched (and a malformed or
    // slow body where the call reads none: `dynos().stop()` answers empty).
    std::string const name = fault.name;
    if (idempotent && name != "malformed_json") CHECK(o.ok);
    if (name == "malformed_json" && !o.ok) CHECK(o.error.kind == ErrorKind::decode);
    if (name == "latency") CHECK(o.ok);
    if (!idempotent && name != "latency" && name != "malformed_json" && name != "slow_body") {
      CHECK_FALSE(o.ok);
    }
    if (!idempotent && name == "slow_body" && !o.ok) CHECK(o.error.kind == ErrorKind::timeout);
    matrix()[call.name][name] = cell;
  }
}

}  // namespace

// The generated table: one case per fault, each over every call.
#define HEROKUPP_FAULT_CASE(fault_name, fault_kind)         \
  TEST_CASE("fault matrix: " fault_name " on every call") { \
    check_fault(Fault{fault_name, fault_kind});             \
  }

HEROKUPP_FAULT_CASE("latency", std::nullopt)
HEROKUPP_FAULT_CASE("error_500", FaultKind::error_500)
HEROKUPP_FAULT_CASE("error_503", FaultKind::error_503)
HEROKUPP_FAULT_CASE("reset", FaultKind::reset)
HEROKUPP_FAULT_CASE("truncated_body", FaultKind::truncated_body)
HEROKUPP_FAULT_CASE("malformed_json", FaultKind::malformed_json)
HEROKUPP_FAULT_CASE("slow_body", FaultKind::slow_body)
HEROKUPP_FAULT_CASE("error_429", FaultKind::error_429)

TEST_CASE("zz the fault matrix as a table") {
  char const* out = std::getenv("HEROKUPP_FAULT_MATRIX");
  if (out == nullptr || matrix().empty()) return;
  std::vector<std::string> names = {"latency",        "error_500",      "error_503", "reset",
                                    "truncated_body", "malformed_json", "slow_body", "error_429"};
  std::ofstream f(out);
  f << "| call |";
  for (auto const& n : names)
    f << " " << n << " |";
  f << "\n|---|";
  for (std::size_t i = 0; i < names.size(); ++i)
    f << "---|";
  f << "\n";
  for (auto const& call : faults::calls()) {
    f << "| `" << call.name << "` |";
    for (auto const& n : names)
      f << " " << matrix()[call.name][n] << " |";
    f << "\n";
  }
  CHECK(f.good());
}
