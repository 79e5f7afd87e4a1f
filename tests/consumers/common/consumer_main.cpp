// The program every consumer test builds: real requests through herokupp to
// the simulator, and checks of the answers. HEROKUPP_CONSUMER names the way
// the library was brought into the build.
//
// Linked with herokupp::sim (HEROKUPP_HAVE_SIM), it runs an in-process
// simulator. Without it (the pkg-config consumer links the core only), it
// talks over HTTP to the herokupp-sim server named by HEROKU_API_URL and
// HEROKU_API_KEY, which the driver starts on 127.0.0.1.
#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/transport.hpp>
#include <herokupp/version.hpp>
#ifdef HEROKUPP_HAVE_SIM
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/platform.hpp>
#else
#include <herokupp/curl_transport.hpp>
#endif

#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#ifndef HEROKUPP_CONSUMER
#define HEROKUPP_CONSUMER "unnamed"
#endif

namespace {

// A transport of the consumer's own, deriving from herokupp's: it must link
// against the exported vtable and typeinfo of herokupp::Transport.
class UserAgentProbe : public herokupp::Transport {
 public:
  explicit UserAgentProbe(std::shared_ptr<herokupp::Transport> inner) : inner_(std::move(inner)) {}
  herokupp::result<herokupp::HttpResponse> send(herokupp::HttpRequest const& request) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      user_agent_ = std::string(request.headers.get("User-Agent").value_or(""));
    }
    return inner_->send(request);
  }
  std::string user_agent() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return user_agent_;
  }

 private:
  std::shared_ptr<herokupp::Transport> inner_;
  mutable std::mutex mutex_;
  std::string user_agent_;
};

int fail(std::string const& what) {
  std::cerr << HEROKUPP_CONSUMER << ": " << what << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {  // argv unused: herokupp's -Wextra must not reach us
  herokupp::ClientOptions options;
#ifdef HEROKUPP_HAVE_SIM
  herokupp::sim::Platform platform;
  options.api_key = platform.default_api_key();
  auto inner = std::make_shared<herokupp::sim::InProcessTransport>(platform);
  char const* where = "in-process simulator";
#else
  options = herokupp::ClientOptions::from_env();
  if (options.api_key.empty() || options.base_url.rfind("http://127.0.0.1:", 0) != 0) {
    return fail(
        "set HEROKU_API_URL (http://127.0.0.1:<port>) and HEROKU_API_KEY to a herokupp-sim");
  }
  auto inner = std::make_shared<herokupp::CurlTransport>();
  char const* where = "herokupp-sim over HTTP";
#endif
  auto probe = std::make_shared<UserAgentProbe>(inner);
  options.transport = probe;
  herokupp::Client heroku{options};

  auto created =
      heroku.raw(herokupp::Method::post, "/apps", std::string(R"({"name":"consumer-app"})"));
  if (!created || created->status != 201) return fail("POST /apps did not create the app");
  auto info = heroku.raw(herokupp::Method::get, "/apps/consumer-app");
  if (!info || info->body.find("\"consumer-app\"") == std::string::npos) {
    return fail("GET /apps/consumer-app did not return the app");
  }
  if (probe->user_agent().rfind(std::string("herokupp/") + herokupp::version_string, 0) != 0) {
    return fail("unexpected User-Agent " + probe->user_agent());
  }
  // An Error crosses the library boundary as a value and as an exception.
  auto missing = heroku.raw(herokupp::Method::get, "/apps/no-such-app");
  if (missing || missing.error().kind != herokupp::ErrorKind::not_found) {
    return fail("GET /apps/no-such-app was not a not_found Error");
  }
  try {
    heroku.raw(herokupp::Method::get, "/apps/no-such-app").value();
    return fail("value() on an Error did not throw");
  } catch (herokupp::Exception const& e) {
    if (e.error().http_status != 404) return fail("the Exception does not carry the 404");
  }
  std::cout << HEROKUPP_CONSUMER << ": herokupp " << herokupp::version_string << " against the "
            << where << ": POST /apps -> 201, GET /apps/consumer-app -> " << info->status
            << ", GET /apps/no-such-app -> not_found (" << argc << " arg)\n";
  return 0;
}
