// fan_out: order, per-item results, the in-flight bound, stop, progress, cancel.
#include <herokupp/fan_out.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using herokupp::Error;
using herokupp::ErrorKind;
using herokupp::result;

TEST_CASE("fan_out keeps input order and gives each item its own result") {
  std::vector<int> inputs;
  for (int i = 0; i < 100; ++i)
    inputs.push_back(i);
  herokupp::FanOutOptions o;
  o.in_flight = 7;
  auto out = herokupp::fan_out(
      inputs,
      [](int i) -> result<std::string> {
        if (i % 10 == 3) return Error(ErrorKind::not_found, "no " + std::to_string(i));
        std::this_thread::sleep_for(std::chrono::microseconds((100 - i) * 10));
        return std::to_string(i * 2);
      },
      o);
  REQUIRE(out.size() == 100);
  for (int i = 0; i < 100; ++i) {
    if (i % 10 == 3) {
      REQUIRE_FALSE(out[i]);
      CHECK(out[i].error().message == "no " + std::to_string(i));
    } else {
      REQUIRE(out[i]);
      CHECK(out[i].value() == std::to_string(i * 2));
    }
  }
}

TEST_CASE("fan_out never has more calls in flight than asked") {
  std::vector<int> inputs(64, 0);
  std::atomic<int> now{0}, peak{0};
  herokupp::FanOutOptions o;
  o.in_flight = 5;
  auto out = herokupp::fan_out(
      inputs,
      [&](int) -> result<int> {
        int n = ++now;
        int p = peak.load();
        while (n > p && !peak.compare_exchange_weak(p, n)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        --now;
        return 1;
      },
      o);
  CHECK(out.size() == 64);
  CHECK(peak.load() <= 5);
  CHECK(peak.load() >= 1);
}

TEST_CASE("fan_out stops starting items after the first error when asked") {
  std::vector<int> inputs(50, 0);
  for (int i = 0; i < 50; ++i)
    inputs[i] = i;
  herokupp::FanOutOptions o;
  o.in_flight = 1;  // one at a time: the order of events is certain
  o.stop_on_first_error = true;
  std::atomic<int> calls{0};
  auto out = herokupp::fan_out(
      inputs,
      [&](int i) -> result<int> {
        ++calls;
        if (i == 4) return Error(ErrorKind::server, "boom");
        return i;
      },
      o);
  CHECK(calls.load() == 5);
  CHECK(out[3]);
  CHECK(out[4].error().message == "boom");
  for (int i = 5; i < 50; ++i) {
    REQUIRE_FALSE(out[i]);
    CHECK(out[i].error().kind == ErrorKind::precondition_failed);
  }
}

TEST_CASE("fan_out reports progress once per item and honours cancellation") {
  std::vector<int> inputs(20, 0);
  herokupp::Cancellation stop;
  herokupp::FanOutOptions o;
  o.in_flight = 1;
  o.cancel = stop;
  std::vector<herokupp::FanOutProgress> seen;
  o.on_progress = [&](herokupp::FanOutProgress const& p) { seen.push_back(p); };
  int calls = 0;
  auto out = herokupp::fan_out(
      inputs,
      [&](int) -> result<int> {
        if (++calls == 3) stop.cancel();
        return calls;
      },
      o);
  CHECK(calls == 3);
  REQUIRE(seen.size() == 20);
  CHECK(seen.back().done == 20);
  CHECK(seen.back().total == 20);
  CHECK(seen.back().failed == 17);
  CHECK(out[2]);
  CHECK_FALSE(out[3]);

  std::vector<int> none;
  CHECK(herokupp::fan_out(none, [](int) -> result<int> { return 1; }).empty());
}
