// The platform-api gem's throttle benchmark, in virtual time: a GCRA server
// (4,500 tokens refilled at 4,500 an hour) and 10 clients, each calling as
// fast as its throttle allows. Nothing sleeps; it runs in well under a second.
//
//   bench_throttle [latency_s] [seed]
//
// Prints one line per strategy:
//   strategy NAME retry_pct X max_sleep_s Y stdev_requests Z clear_s W
// retry_pct: mean over clients of 429s / requests (in %); max_sleep_s: the
// longest single pause of any client; stdev_requests: standard deviation of
// the clients' request counts; these over 30 simulated minutes from an empty
// bucket. clear_s: simulated time for the 10 clients to get 4,500 requests
// through, starting from a full bucket with a first pause of 1 s.
#include <herokupp/exponential_increase_proportional_remaining_decrease.hpp>
#include <herokupp/reserve_pacing.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <vector>

namespace {

constexpr double kCapacity = 4500;
constexpr double kInterval = 3600.0 / 4500;  // seconds per token
constexpr int kClients = 10;

// Generic cell rate algorithm, as the Platform API applies it per account.
struct Gcra {
  double tat = 0;  // theoretical arrival time
  double tolerance = kCapacity * kInterval;
  explicit Gcra(double remaining_at_zero) { tat = tolerance - remaining_at_zero * kInterval; }
  // The remaining count after taking one token at `now`, or nothing (429).
  std::optional<long> take(double now) {
    double const t = std::max(tat, now);
    double const next = t + kInterval;
    if (next - now > tolerance) return std::nullopt;
    tat = next;
    return static_cast<long>((tolerance - (next - now)) / kInterval);
  }
};

struct Client {
  std::unique_ptr<herokupp::PacingStrategy> strategy;
  double next_send = 0;
  long requests = 0;
  long retries = 0;
  double max_sleep = 0;
};

using Factory = std::function<std::unique_ptr<herokupp::PacingStrategy>(double starting, int i)>;

// Runs until `stop` says so; returns the time of the last answer.
double run(std::vector<Client>& clients, Gcra& server, double latency,
           std::function<bool(double now, long successes)> const& stop) {
  using Event = std::pair<double, int>;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> queue;
  for (int i = 0; i < static_cast<int>(clients.size()); ++i) {
    double pause = clients[i].strategy->before_request().count();
    clients[i].max_sleep = std::max(clients[i].max_sleep, pause);
    queue.emplace(pause, i);
  }
  long successes = 0;
  double now = 0;
  while (!queue.empty()) {
    auto [t, i] = queue.top();
    queue.pop();
    now = t;
    if (stop(now, successes)) break;
    Client& c = clients[i];
    auto remaining = server.take(t);
    ++c.requests;
    double pause = 0;
    if (!remaining) {
      ++c.retries;
      pause = c.strategy->after_response(429, 0L).count();
    } else {
      ++successes;
      c.strategy->after_response(200, remaining).count();
      pause = c.strategy->before_request().count();
    }
    c.max_sleep = std::max(c.max_sleep, pause);
    queue.emplace(t + latency + pause, i);
    if (stop(t + latency, successes)) return t + latency;
  }
  return now;
}

void measure(char const* name, Factory const& make, double latency) {
  // 30 minutes from an empty bucket.
  std::vector<Client> clients(kClients);
  for (int i = 0; i < kClients; ++i)
    clients[i].strategy = make(0, i);
  Gcra empty(0);
  run(clients, empty, latency, [](double now, long) { return now > 1800; });
  double retry_sum = 0, max_sleep = 0, mean = 0;
  for (auto const& c : clients) {
    retry_sum += c.requests ? static_cast<double>(c.retries) / c.requests : 0;
    max_sleep = std::max(max_sleep, c.max_sleep);
    mean += static_cast<double>(c.requests) / kClients;
  }
  double var = 0;
  for (auto const& c : clients)
    var += (c.requests - mean) * (c.requests - mean) / kClients;

  // 4,500 requests from a full bucket, a first pause of 1 s.
  std::vector<Client> workers(kClients);
  for (int i = 0; i < kClients; ++i)
    workers[i].strategy = make(1.0, i + 100);
  Gcra full(kCapacity);
  double clear = run(workers, full, latency, [](double, long done) { return done >= 4500; });

  std::printf("strategy %s retry_pct %.2f max_sleep_s %.2f stdev_requests %.2f clear_s %.2f\n",
              name, 100.0 * retry_sum / kClients, max_sleep, std::sqrt(var), clear);
}

}  // namespace

int main(int argc, char** argv) {
  // The time one request takes, answer included. The gem's harness spent
  // about 0.19 simulated seconds a request (Ruby threads at 10x time scale);
  // 0.05 s is a request to the API from nearby.
  double const latency = argc > 1 ? std::atof(argv[1]) : 0.05;
  std::uint64_t const seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 42;
  measure(
      "ExponentialIncreaseProportionalRemainingDecrease",
      [seed](double starting, int i) {
        return std::make_unique<herokupp::ExponentialIncreaseProportionalRemainingDecrease>(
            starting, seed * 1000 + static_cast<std::uint64_t>(i) + 1);
      },
      latency);
  measure(
      "ReservePacing",
      [seed](double starting, int i) {
        herokupp::ReservePacingOptions o;
        o.starting_pause_s = starting;
        o.seed = seed * 1000 + static_cast<std::uint64_t>(i) + 1;
        return std::make_unique<herokupp::ReservePacing>(o);
      },
      latency);
  return 0;
}
