// herokupp-sim: the simulated Heroku Platform API as a server on 127.0.0.1.
//
//   herokupp-sim --port 0 --seed tests/fixtures/fleet.json
//   HEROKU_API_URL=http://127.0.0.1:41234 HEROKU_API_KEY=HRKU-...
//
// The first line of output gives the base URL and an API key, ready for
// `export`. The server runs until SIGINT or SIGTERM.
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr char const* kUsage = R"(usage: herokupp-sim [options]

Serves a simulated Heroku Platform API on 127.0.0.1 until SIGINT or SIGTERM.
The first line of output is "HEROKU_API_URL=<url> HEROKU_API_KEY=<key>".

  --port N                 port to listen on (default 0: any free port)
  --seed FILE              load accounts, apps and pipelines from a seed file
  --threads N              I/O threads (default 2)
  --access-log             print one line per request to stderr (never headers or bodies)
  --build-seconds N        how long builds stay pending (default 30)
  --promotion-seconds N    how long promotion targets stay pending (default 10)
  --dyno-boot-seconds N    how long dynos stay starting (default 5)
  --one-off-seconds N      how long one-off dynos run (default 60)
  --rate-limit N           request tokens per account (default 4500)
  --rate-refill N          tokens refilled per minute (default 75)
Faults (each deterministic under --fault-seed):
  --fault-seed N           seed of the fault generator (default 0)
  --latency-ms N           added before every answer
  --fault-500 RATE         share of answers replaced by a 500 (0..1)
  --fault-503 RATE         share of answers replaced by a 503
  --fault-reset RATE       share of connections reset before the answer
  --fault-truncate RATE    share of bodies cut short
  --fault-malformed RATE   share of bodies that are not valid JSON
  --fault-slow RATE        share of bodies sent slowly
  --slow-body-ms N         how long a slow body takes (default 2000)
  --fault-path PREFIX      only requests whose path starts with PREFIX
Broken releases (after the seed loads; each may be given more than once):
  --fail-next-release APP[=MESSAGE]   the next release of APP fails
  --crash-next-release APP[=MESSAGE]  the next deploy or promotion to APP
                                      succeeds, but its dynos crash on boot
  --fail-next-run APP[=STATUS]        the next one-off dyno of APP (run,
                                      migrate) exits with STATUS (default 1)
)";

[[noreturn]] void usage_error(std::string const& message) {
  std::cerr << "herokupp-sim: " << message << "\n\n" << kUsage;
  std::exit(2);
}

double number(char const* option, char const* text) {
  char* end = nullptr;
  double v = std::strtod(text, &end);
  if (end == text || *end != '\0' || v < 0) usage_error(std::string("bad value for ") + option);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  herokupp::sim::PlatformOptions platform_options;
  herokupp::sim::ServerOptions server_options;
  herokupp::sim::FaultOptions& faults = platform_options.faults;
  std::string seed;
  bool access_log = false;
  struct Breakage {
    bool crash;  ///< crash on boot, rather than fail the release
    std::string app;
    std::string message;
  };
  std::vector<Breakage> breakages;
  struct FailedRun {
    std::string app;
    int status;
  };
  std::vector<FailedRun> failed_runs;

  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--access-log") {
      access_log = true;
      continue;
    }
    if (i + 1 >= argc) usage_error("missing value for " + std::string(arg));
    char const* value = argv[++i];
    auto seconds = [&] {
      return std::chrono::seconds(static_cast<long>(number(argv[i - 1], value)));
    };
    auto millis = [&] {
      return std::chrono::milliseconds(static_cast<long>(number(argv[i - 1], value)));
    };
    auto rate = [&] {
      double r = number(argv[i - 1], value);
      if (r > 1) usage_error(std::string("a rate is between 0 and 1: ") + argv[i - 1]);
      return r;
    };
    if (arg == "--port") {
      double p = number("--port", value);
      if (p > 65535) usage_error("bad port");
      server_options.port = static_cast<std::uint16_t>(p);
    } else if (arg == "--seed") {
      seed = value;
    } else if (arg == "--threads") {
      server_options.threads = static_cast<int>(number("--threads", value));
    } else if (arg == "--build-seconds") {
      platform_options.build_duration = seconds();
    } else if (arg == "--promotion-seconds") {
      platform_options.promotion_duration = seconds();
    } else if (arg == "--dyno-boot-seconds") {
      platform_options.dyno_boot_duration = seconds();
    } else if (arg == "--one-off-seconds") {
      platform_options.one_off_duration = seconds();
    } else if (arg == "--rate-limit") {
      platform_options.rate_limit_capacity = static_cast<long>(number("--rate-limit", value));
    } else if (arg == "--rate-refill") {
      platform_options.rate_limit_refill_per_minute = number("--rate-refill", value);
    } else if (arg == "--fault-seed") {
      faults.seed = static_cast<std::uint64_t>(std::strtoull(value, nullptr, 10));
    } else if (arg == "--latency-ms") {
      faults.latency = millis();
    } else if (arg == "--fault-500") {
      faults.error_500_rate = rate();
    } else if (arg == "--fault-503") {
      faults.error_503_rate = rate();
    } else if (arg == "--fault-reset") {
      faults.reset_rate = rate();
    } else if (arg == "--fault-truncate") {
      faults.truncated_body_rate = rate();
    } else if (arg == "--fault-malformed") {
      faults.malformed_json_rate = rate();
    } else if (arg == "--fault-slow") {
      faults.slow_body_rate = rate();
    } else if (arg == "--slow-body-ms") {
      faults.slow_body_duration = millis();
    } else if (arg == "--fault-path") {
      faults.path_prefix = value;
    } else if (arg == "--fail-next-release" || arg == "--crash-next-release") {
      std::string_view spec = value;
      auto equals = spec.find('=');
      Breakage b{arg == "--crash-next-release", std::string(spec.substr(0, equals)), {}};
      if (b.app.empty())
        usage_error("an app name is needed: " + std::string(arg) + " APP[=MESSAGE]");
      if (equals != std::string_view::npos) b.message = std::string(spec.substr(equals + 1));
      if (b.message.empty()) {
        b.message = b.crash ? "Error: the app crashed on boot" : "Release command failed.";
      }
      breakages.push_back(std::move(b));
    } else if (arg == "--fail-next-run") {
      std::string_view spec = value;
      auto equals = spec.find('=');
      FailedRun f{std::string(spec.substr(0, equals)), 1};
      if (f.app.empty()) usage_error("an app name is needed: --fail-next-run APP[=STATUS]");
      if (equals != std::string_view::npos) {
        std::string status(spec.substr(equals + 1));
        char* end = nullptr;
        long n = std::strtol(status.c_str(), &end, 10);
        if (status.empty() || *end != '\0' || n < 1 || n > 255) {
          usage_error("--fail-next-run: the status must be 1..255, not \"" + status + "\"");
        }
        f.status = static_cast<int>(n);
      }
      failed_runs.push_back(std::move(f));
    } else {
      usage_error("unknown option " + std::string(arg));
    }
  }

  herokupp::sim::Platform platform{platform_options};
  if (!seed.empty()) {
    auto loaded = platform.load_seed_file(seed);
    if (!loaded) {
      std::cerr << "herokupp-sim: " << loaded.error().message << "\n";
      return 1;
    }
  }
  for (auto const& b : breakages) {
    bool const known = b.crash ? platform.crash_next_release(b.app, b.message)
                               : platform.fail_next_release(b.app, b.message);
    if (!known) usage_error("no app called " + b.app + " (seed one with --seed)");
  }
  for (auto const& f : failed_runs) {
    if (!platform.fail_next_run(f.app, f.status)) {
      usage_error("no app called " + f.app + " (seed one with --seed)");
    }
  }
  std::string const key = platform.default_api_key();

  // Signals are taken by sigwait below, not by whichever thread they hit.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::mutex log_mutex;
  if (access_log) {
    server_options.access_log = [&log_mutex](std::string const& line) {
      std::lock_guard<std::mutex> lock(log_mutex);
      std::fprintf(stderr, "%s\n", line.c_str());
    };
  }

  try {
    herokupp::sim::Server server{platform, server_options};
    std::printf("HEROKU_API_URL=%s HEROKU_API_KEY=%s\n", server.base_url().c_str(), key.c_str());
    std::fflush(stdout);
    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "herokupp-sim: %s, stopping after %zu requests\n",
                 received == SIGINT ? "interrupted" : "terminated", platform.request_count());
    server.stop();
  } catch (herokupp::Exception const& e) {
    std::cerr << "herokupp-sim: " << e.error().message << "\n";
    return 1;
  }
  return 0;
}
