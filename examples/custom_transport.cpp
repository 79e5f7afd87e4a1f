// A transport of your own: a decorator around any herokupp::Transport that
// adds a header to every request and records what was sent, for an audit log
// or a test. The Client still does auth, retries, paging and JSON; a transport
// only moves bytes.
//
//   HEROKU_API_URL=http://127.0.0.1:41234 HEROKU_API_KEY=... example_custom_transport
//
// With HEROKU_API_KEY set it decorates the default CurlTransport and talks to
// HEROKU_API_URL (scripts/demo points it at herokupp-sim); without it, it
// decorates an in-process simulator.
#include <herokupp/client.hpp>
#include <herokupp/curl_transport.hpp>
#ifdef HEROKUPP_HAVE_SIM
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#endif

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
  std::string url;
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
    exchanges_.push_back({request.method, request.url, response ? response->status : 0, elapsed});
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

/// "/apps/x" from "http://127.0.0.1:5000/apps/x?y": what is safe to log.
std::string path_of(std::string const& url) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  std::string path = slash == std::string::npos ? "/" : url.substr(slash);
  return path.substr(0, path.find('?'));
}

}  // namespace

int main() {
  herokupp::ClientOptions options = herokupp::ClientOptions::from_env();
  std::shared_ptr<herokupp::Transport> inner = std::make_shared<herokupp::CurlTransport>();
#ifdef HEROKUPP_HAVE_SIM
  herokupp::sim::Platform platform;
  if (options.api_key.empty()) {
    options.api_key = platform.default_api_key();
    inner = std::make_shared<herokupp::sim::InProcessTransport>(platform);
    std::cout << "(no HEROKU_API_KEY: using an in-process simulator)\n";
  }
#endif
  if (options.api_key.empty()) {
    std::cerr << "set HEROKU_API_KEY (and HEROKU_API_URL to use the simulator)\n";
    return 2;
  }
  auto tagging = std::make_shared<TaggingTransport>(inner, "deploy-bot/1.4");
  options.transport = tagging;
  herokupp::Client heroku{options};

  auto account = heroku.raw(herokupp::Method::get, "/account");
  if (!account) {
    std::cerr << "GET /account failed: " << account.error().describe() << "\n";
    return 1;
  }
  auto apps = heroku.raw(herokupp::Method::get, "/apps");
  if (!apps) {
    std::cerr << "GET /apps failed: " << apps.error().describe() << "\n";
    return 1;
  }
  auto missing = heroku.raw(herokupp::Method::get, "/apps/no-such-app");
  if (missing) {
    std::cerr << "expected a 404\n";
    return 1;
  }
  std::cout << "the missing app: " << to_string(missing.error().kind) << " - "
            << missing.error().hint() << "\n";

  std::cout << "recorded exchanges (each sent with X-Deploy-Tool: deploy-bot/1.4):\n";
  for (auto const& e : tagging->exchanges()) {
    std::cout << "  " << herokupp::to_string(e.method) << " " << path_of(e.url) << " -> "
              << e.status << "\n";
  }
  return tagging->exchanges().size() == 3 ? 0 : 1;
}
