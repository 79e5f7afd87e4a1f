// Helpers for the generated tests: a Client over MockTransport, request
// checks, and comparisons that tolerate optionals and enums.
#ifndef HEROKUPP_TESTS_GENERATED_SUPPORT_HPP
#define HEROKUPP_TESTS_GENERATED_SUPPORT_HPP

#include <herokupp/client.hpp>
#include <herokupp/enumerated.hpp>
#include <herokupp/error.hpp>
#include <herokupp/paging.hpp>
#include <herokupp/testing/mock_transport.hpp>
#include <herokupp/timestamp.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace herokupp_generated_tests {

/// A Client whose transport is a MockTransport; sleeps between retries are
/// skipped so that a test never waits.
struct Harness {
  std::shared_ptr<herokupp::testing::MockTransport> mock =
      std::make_shared<herokupp::testing::MockTransport>();
  herokupp::Client client{options(mock)};

  static herokupp::ClientOptions options(std::shared_ptr<herokupp::Transport> transport) {
    herokupp::ClientOptions opts;
    opts.api_key = "test-key";
    opts.base_url = "https://api.heroku.com";
    opts.transport = std::move(transport);
    opts.sleep = [](std::chrono::milliseconds) {};
    return opts;
  }

  /// Scripts a 200 answer with a JSON body.
  void answer(herokupp::Method method, std::string path, std::string body) const {
    mock->on(method, std::move(path), herokupp::testing::MockTransport::json(200, std::move(body)));
  }

  /// The last request asked for a page: it carried a Range header.
  void check_paged() const { CHECK(last().headers.get("Range").has_value()); }

  herokupp::HttpRequest last() const {
    auto requests = mock->requests();
    REQUIRE_FALSE(requests.empty());
    return requests.back();
  }

  /// Exactly one request was sent, with this method, path, query and body
  /// (JSON compared as values; null: no body at all).
  void check(herokupp::Method method, std::string const& path, std::string const& query,
             char const* body) const {
    auto requests = mock->requests();
    REQUIRE(requests.size() == 1);
    auto const& r = requests.front();
    CHECK(r.method == method);
    CHECK(herokupp::testing::path_of(r.url) == path);
    CHECK(r.url == "https://api.heroku.com" + path + query);
    if (body == nullptr) {
      CHECK(r.body.empty());
    } else {
      auto sent = nlohmann::json::parse(r.body, nullptr, false);
      INFO("body sent: " << r.body);
      CHECK(sent == nlohmann::json::parse(body));
      CHECK(r.headers.get("Content-Type") == std::optional<std::string_view>("application/json"));
    }
    CHECK(mock->unexpected().empty());
  }
};

template <class T>
std::string describe(herokupp::result<T> const& r) {
  return r ? std::string("ok") : r.error().describe();
}

/// Checks that `r` holds a value; the message is the Error when it does not.
/// (Helpers instead of macros at every call site keep the generated suites
/// quick to compile.)
inline void expect_ok(bool ok, herokupp::Error const* error) {
  CHECK_MESSAGE(ok, (error != nullptr ? error->describe() : std::string("ok")));
}
template <class T>
void expect_ok(herokupp::result<T> const& r) {
  expect_ok(r.has_value(), r.has_value() ? nullptr : &r.error());
}
/// Iterates a list far enough to send its first request.
template <class T>
void expect_ok(herokupp::Paged<T>&& pages) {
  expect_ok(pages.take(1));
}

template <class T, class U>
bool same(T const& a, U const& b) {
  return a == b;
}
template <class E, class U>
bool same(herokupp::Enumerated<E> const& a, U const& b) {
  return a.raw == b;
}
template <class T, class U>
bool same(std::optional<T> const& a, U const& b) {
  return a.has_value() && same(*a, b);
}
inline bool same_time(herokupp::Timestamp const& a, char const* b) {
  auto t = herokupp::Timestamp::parse(b);
  return t.has_value() && a == *t;
}
inline bool same_time(std::optional<herokupp::Timestamp> const& a, char const* b) {
  return a.has_value() && same_time(*a, b);
}

template <class T, class U>
void expect_same(T const& actual, U const& expected, char const* field) {
  CHECK_MESSAGE(same(actual, expected), field);
}
template <class T>
void expect_same_time(T const& actual, char const* expected, char const* field) {
  CHECK_MESSAGE(same_time(actual, expected), field);
}
template <class T>
void expect_absent(std::optional<T> const& actual, char const* field) {
  CHECK_MESSAGE(!actual.has_value(), field);
}
template <class T>
void expect_size(T const& actual, std::size_t size, char const* field) {
  CHECK_MESSAGE(actual.size() == size, field);
}

/// Whether `actual` holds everything `expected` does (objects may have more
/// members); timestamps compare as instants.
inline bool contains(nlohmann::json const& actual, nlohmann::json const& expected) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      auto found = actual.find(it.key());
      if (found == actual.end()) {
        if (it.value().is_null()) continue;  // an unset optional is left out
        return false;
      }
      if (!contains(*found, it.value())) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!contains(actual[i], expected[i])) return false;
    }
    return true;
  }
  if (expected.is_string() && actual.is_string() && actual != expected) {
    auto a = herokupp::Timestamp::parse(actual.get<std::string>());
    auto b = herokupp::Timestamp::parse(expected.get<std::string>());
    return a && b && *a == *b;
  }
  return actual == expected;
}

/// The JSON text `encoded` holds everything the JSON text `expected` does.
inline void expect_contains(std::string const& encoded, char const* expected) {
  INFO("encoded: " << encoded);
  CHECK(contains(nlohmann::json::parse(encoded), nlohmann::json::parse(expected)));
}

}  // namespace herokupp_generated_tests

#endif  // HEROKUPP_TESTS_GENERATED_SUPPORT_HPP
