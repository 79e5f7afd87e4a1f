// The program every consumer test builds: real requests through herokupp to
// the simulator, and checks of the answers. HEROKUPP_CONSUMER names the way
// the library was brought into the build.
//
// Linked with herokupp::sim (HEROKUPP_HAVE_SIM), it runs an in-process
// simulator. Without it (the pkg-config consumer links the core only), it
// talks over HTTP to the herokupp-sim server named by HEROKU_API_URL and
// HEROKU_API_KEY, which the driver starts on 127.0.0.1.
#include <herokupp/client.hpp>
#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/apps_client.hpp>
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

  herokupp::api::app::CreateParams params;
  params.name = "consumer-app";
  auto created = heroku.apps().create(params);
  if (!created || created->name != "consumer-app") return fail("creating the app failed");
  auto info = heroku.app("consumer-app").info();
  if (!info || info->id != created->id) return fail("the app's info is not the app created");
  auto account = heroku.raw(herokupp::Method::get, "/account");
  if (!account || account->status != 200) return fail("GET /account failed");
  if (probe->user_agent().rfind(std::string("herokupp/") + herokupp::version_string, 0) != 0) {
    return fail("unexpected User-Agent " + probe->user_agent());
  }
  // An Error crosses the library boundary as a value and as an exception.
  auto missing = heroku.app("no-such-app").info();
  if (missing || missing.error().kind != herokupp::ErrorKind::not_found) {
    return fail("the info of a missing app was not a not_found Error");
  }
  try {
    heroku.app("no-such-app").info().value();
    return fail("value() on an Error did not throw");
  } catch (herokupp::Exception const& e) {
    if (e.error().http_status != 404) return fail("the Exception does not carry the 404");
  }
  std::cout << HEROKUPP_CONSUMER << ": herokupp " << herokupp::version_string << " against the "
            << where << ": created " << info->name << " (" << info->region.name
            << "), info of a missing app -> not_found (" << argc << " arg)\n";
  return 0;
}
