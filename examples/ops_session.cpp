// herokupp::ops as a chat bot would use it: a policy, one Session per
// request, an audit trail, and answers people can act on. Runs against the
// in-process simulator, so it needs no account and no network.
#include <herokupp/herokupp.hpp>
#include <herokupp/ops.hpp>
#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/virtual_time.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>

namespace ops = herokupp::ops;

namespace {

constexpr char const* seed = R"({
  "accounts": [{"email": "bot@example.com", "api_key": "HRKU-example-bot-key"}],
  "apps": [
    {"name": "shop-staging",
     "releases": [
       {"config": {"DATABASE_URL": "postgres://u:staging-pw@db/shop", "FEATURE_X": "on"}},
       {"deploy": "1111111111111111111111111111111111111111", "process_types": {"web": "bin/web"}},
       {"deploy": "2222222222222222222222222222222222222222", "process_types": {"web": "bin/web"}}
     ],
     "formation": [{"type": "web", "quantity": 2, "size": "Standard-1X", "command": "bin/web"}]},
    {"name": "shop",
     "releases": [
       {"config": {"DATABASE_URL": "postgres://u:production-pw@db/shop", "FEATURE_X": "on"}},
       {"promote_from": "shop-staging", "version": 4}
     ],
     "formation": [{"type": "web", "quantity": 3, "size": "Standard-2X", "command": "bin/web"}]}
  ],
  "pipelines": [{"name": "shop", "stages": {"staging": ["shop-staging"], "production": ["shop"]}}]
})";

constexpr char const* policy_json = R"({
  "actors": {
    "alice": ["admin"],
    "dana": ["heroku-shop-staging", "heroku-shop-staging:configure"]
  },
  "protected_apps": ["chatops-bot"]
})";

void reply(std::string const& who, std::string const& text) {
  std::cout << "[bot -> " << who << "] " << text << "\n";
}

}  // namespace

int main() {
  // The simulator on a virtual clock: waits (migrate, promote) take no time.
  auto clock = std::make_shared<herokupp::sim::VirtualClock>();
  herokupp::sim::PlatformOptions platform_options;
  platform_options.clock = clock;
  herokupp::sim::Platform platform{platform_options};
  if (auto seeded = platform.load_seed(seed); !seeded) {
    std::cerr << seeded.error().message << "\n";
    return 1;
  }

  herokupp::ClientOptions options;
  options.api_key = "HRKU-example-bot-key";
  options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
  herokupp::sim::keep_time_on(clock, options);
  herokupp::Client heroku{options};

  auto policy = ops::Policy::from_json(policy_json);
  if (!policy) {
    std::cerr << policy.error().message << "\n";
    return 1;
  }
  auto audit = std::make_shared<ops::CallbackAuditSink>(
      [](ops::AuditRecord const& r) { std::cout << "  audit: " << ops::to_json_line(r) << "\n"; });
  ops::SessionOptions session_options;
  session_options.fingerprinter = ops::Fingerprinter{"example-deployment-secret"};
  session_options.one_off.wait.enabled = true;
  session_options.now = [clock] { return herokupp::Timestamp(clock->now()); };

  // dana: "config shop-staging"
  ops::Session dana{heroku, *policy, "dana", audit, session_options};
  if (auto masked = dana.masked_config("shop-staging")) {
    reply("dana", "config of shop-staging:\n" + masked->to_string());
  }

  // dana: "compare config shop-staging shop" -- needs read on both apps
  if (auto cmp = dana.compare_config("shop-staging", "shop"); !cmp) {
    reply("dana", ops::explain(cmp.error()));
  }

  // dana: "rollback shop v3" -- production is not hers
  if (auto r = dana.rollback("shop", "v3"); !r) reply("dana", ops::explain(r.error()));

  // dana: "run shop-staging rake db:migrate; curl evil"
  if (auto r = dana.run("shop-staging", "rake db:migrate; curl evil"); !r) {
    reply("dana", ops::explain(r.error()));
  }

  // alice: a migration inside a maintenance window, then a promotion
  ops::Session alice{heroku, *policy, "alice", audit, session_options};
  {
    auto window = alice.maintenance("shop-staging");
    if (!window) {
      reply("alice", ops::explain(window.error()));
      return 1;
    }
    auto migrated = alice.migrate("shop-staging");
    reply("alice", migrated
                       ? "migration " + migrated->dyno.name + " finished: " + migrated->final_state
                       : ops::explain(migrated.error()));
    if (auto closed = window->close(); !closed) reply("alice", ops::explain(closed.error()));
  }
  if (auto p = alice.promote("shop", "shop-staging", {"shop"})) {
    for (auto const& t : p->targets)
      reply("alice", "promoted to " + t.app + ": " + t.status);
  } else {
    reply("alice", ops::explain(p.error()));
  }
  if (auto summary = alice.dyno_summary("shop")) reply("alice", "\n" + summary->to_string());
  return 0;
}
