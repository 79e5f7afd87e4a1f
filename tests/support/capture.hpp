// Test support: everything the suite shows a person (errors, exception texts,
// log records) is captured here, so a final test can prove the API key never
// appears in any of it.
#ifndef HEROKUPP_TESTS_SUPPORT_CAPTURE_HPP
#define HEROKUPP_TESTS_SUPPORT_CAPTURE_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace herokupp::test {

/// The key every test client uses; it must never show up in captured text.
inline constexpr char const* api_key = "hk-SECRET-0c1d2e3f-do-not-print";

inline std::mutex& capture_mutex() {
  static std::mutex m;
  return m;
}
inline std::vector<std::string>& captured() {
  static std::vector<std::string> texts;
  return texts;
}
inline void capture(std::string text) {
  std::lock_guard<std::mutex> guard(capture_mutex());
  captured().push_back(std::move(text));
}
inline void capture(Error const& e) {
  capture(e.message);
  capture(e.describe());
  capture(e.hint());
  capture(e.request);
  capture(e.id);
  capture(e.url);
}

/// A logger that captures every record as text.
inline Logger capturing_logger() {
  return [](LogRecord const& r) {
    capture(std::string(to_string(r.method)) + " " + r.path + " " + std::to_string(r.status) + " " +
            r.request_id + " " + r.message);
  };
}

/// Options for a Client over `transport`, with virtual sleeps recorded in `slept`.
inline ClientOptions mock_options(std::shared_ptr<Transport> transport,
                                  std::shared_ptr<std::vector<long long>> slept = nullptr) {
  ClientOptions opts;
  opts.api_key = api_key;
  opts.base_url = "https://api.heroku.com";
  opts.transport = std::move(transport);
  opts.logger = capturing_logger();
  auto clock = std::make_shared<std::chrono::steady_clock::time_point>();
  opts.now = [clock] { return *clock; };
  opts.sleep = [clock, slept](std::chrono::milliseconds d) {
    *clock += d;
    if (slept) slept->push_back(d.count());
  };
  return opts;
}

}  // namespace herokupp::test

#endif  // HEROKUPP_TESTS_SUPPORT_CAPTURE_HPP
