// MockTransport: a scripted, recording Transport for testing code that uses herokupp.
#ifndef HEROKUPP_TESTING_MOCK_TRANSPORT_HPP
#define HEROKUPP_TESTING_MOCK_TRANSPORT_HPP

#include <herokupp/export.hpp>
#include <herokupp/transport.hpp>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herokupp::testing {

/// Answers requests from a script and records every request it receives.
///
/// Answers are scripted per method and path (the path as sent, without
/// scheme, host or query: "/apps/my-app"). Several answers for one route are
/// served in order and the last one repeats. A request nobody scripted gets
/// an Error with id "unexpected_request" and is listed by
/// `unexpected()`, so a test can fail clearly on it. That Error has kind
/// unknown, which the Client never retries.
///
/// @par Example
/// @code
/// auto mock = std::make_shared<herokupp::testing::MockTransport>();
/// mock->on(herokupp::Method::get, "/apps/my-app",
///          herokupp::testing::MockTransport::json(200, R"({"name":"my-app"})"));
/// herokupp::ClientOptions opts;
/// opts.api_key = "test-key";
/// opts.transport = mock;
/// herokupp::Client heroku{opts};
/// assert(heroku.app("my-app").info()->name == "my-app");
/// auto sent = mock->requests().at(0);  // requests() returns a copy
/// assert(sent.headers.get("Accept") == "application/vnd.heroku+json; version=3");
/// @endcode
class HEROKUPP_API MockTransport : public Transport {
 public:
  /// Computes the answer to a request.
  using Handler = std::function<result<HttpResponse>(HttpRequest const&)>;

  /// Scripts `response` as the answer to `method` on `path` (without the query).
  MockTransport& on(Method method, std::string path, HttpResponse response);
  /// Scripts a transport failure (no HTTP answer), e.g. a timeout.
  MockTransport& on(Method method, std::string path, Error error);
  /// Scripts a computed answer.
  MockTransport& on(Method method, std::string path, Handler handler);

  /// Records the request and answers as scripted; an unscripted request is an Error (id
  /// `unexpected_request`).
  result<HttpResponse> send(HttpRequest const& request) override;

  /// Every request received, in order (scripted or not).
  std::vector<HttpRequest> requests() const;
  /// "GET /apps/x" for each request nothing was scripted for.
  std::vector<std::string> unexpected() const;
  /// How many requests were received.
  std::size_t request_count() const;
  /// Forgets the script and the recordings.
  void reset();

  /// An answer with a JSON body and the Content-Type the API sends.
  static HttpResponse json(int status, std::string body, Headers headers = {});

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Handler>> script_;
  std::map<std::string, std::size_t> served_;
  std::vector<HttpRequest> requests_;
  std::vector<std::string> unexpected_;
};

/// The path of an absolute URL, without scheme, host or query ("/apps/x").
HEROKUPP_API std::string path_of(std::string_view url);

}  // namespace herokupp::testing

#endif  // HEROKUPP_TESTING_MOCK_TRANSPORT_HPP
