// A transport of your own: a decorator around any herokupp::Transport that
// adds a header to every request and records what was sent, for an audit log
// or a test. The Client still does auth, retries, paging and JSON; a transport
// only moves bytes.
//
// In production the decorated transport is the default CurlTransport:
//   auto inner = std::make_shared<herokupp::CurlTransport>();
// Here it is an in-memory MockTransport, so the example runs anywhere.
#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/testing/mock_transport.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace {

/// One line of the record: what was asked and what came back. It holds no
/// header values and no bodies, so it can never leak the API key or config.
struct Exchange {
  herokupp::Method method;
  std::string path;
  int status = 0;  // 0: no HTTP answer
  std::chrono::microseconds duration{0};
};

class TaggingTransport : public herokupp::Transport {
 public:
  TaggingTransport(std::shared_ptr<herokupp::Transport> inner, std::string tool)
      : inner_(std::move(inner)), tool_(std::move(tool)) {}

  herokupp::result<herokupp::HttpResponse> send(herokupp::HttpRequest const& request) override {
    herokupp::HttpRequest tagged = request;  // requests are const: copy, then add
    tagged.headers.set("X-Deploy-Tool", tool_);

    auto start = std::chrono::steady_clock::now();
    auto response = inner_->send(tagged);
    auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);

    std::lock_guard<std::mutex> lock(mutex_);  // send() may run on many threads
    exchanges_.push_back({request.method, herokupp::testing::path_of(request.url),
                          response ? response.value().status : 0, elapsed});
    return response;
  }

  std::vector<Exchange> exchanges() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return exchanges_;
  }

 private:
  std::shared_ptr<herokupp::Transport> inner_;
  std::string tool_;
  mutable std::mutex mutex_;
  std::vector<Exchange> exchanges_;
};

}  // namespace

int main() {
  // The stand-in for api.heroku.com: two scripted answers.
  auto api = std::make_shared<herokupp::testing::MockTransport>();
  api->on(herokupp::Method::get, "/account",
          herokupp::testing::MockTransport::json(200, R"({"email":"dev@example.com"})"));
  api->on(herokupp::Method::get, "/apps/no-such-app",
          herokupp::testing::MockTransport::json(
              404, R"({"id":"not_found","message":"Couldn't find that app."})"));

  auto tagging = std::make_shared<TaggingTransport>(api, "deploy-bot/1.4");

  herokupp::ClientOptions options;
  options.api_key = "example-key-not-a-secret";
  options.transport = tagging;
  herokupp::Client heroku{options};

  auto account = heroku.raw(herokupp::Method::get, "/account");
  if (!account) {
    std::cerr << "GET /account failed: " << account.error().describe() << "\n";
    return 1;
  }
  auto missing = heroku.raw(herokupp::Method::get, "/apps/no-such-app");
  if (missing) {
    std::cerr << "expected a 404\n";
    return 1;
  }
  std::cout << "the missing app: " << to_string(missing.error().kind) << " - "
            << missing.error().hint() << "\n";

  // The header reached the API on every request...
  for (auto const& sent : api->requests()) {
    if (sent.headers.get("X-Deploy-Tool") != "deploy-bot/1.4") {
      std::cerr << "the header was not added\n";
      return 1;
    }
  }
  // ...and the record lists each exchange.
  std::cout << "recorded exchanges:\n";
  for (auto const& e : tagging->exchanges()) {
    std::cout << "  " << herokupp::to_string(e.method) << " " << e.path << " -> " << e.status
              << "\n";
  }
  return tagging->exchanges().size() == 2 ? 0 : 1;
}
