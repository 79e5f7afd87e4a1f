// The program every consumer test builds: one real request through herokupp,
// answered in memory, and a check of the answer. HEROKUPP_CONSUMER names the
// way the library was brought into the build.
#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/testing/mock_transport.hpp>
#include <herokupp/version.hpp>

#include <iostream>
#include <memory>
#include <string>

#ifndef HEROKUPP_CONSUMER
#define HEROKUPP_CONSUMER "unnamed"
#endif

int main(int argc, char** argv) {  // argv unused: herokupp's -Wextra must not reach us
  using herokupp::testing::MockTransport;
  auto api = std::make_shared<MockTransport>();
  api->on(herokupp::Method::get, "/account",
          MockTransport::json(200, R"({"email":"consumer@example.com"})"));

  herokupp::ClientOptions options;
  options.api_key = "consumer-test-key";
  options.transport = api;
  herokupp::Client heroku{options};

  auto account = heroku.raw(herokupp::Method::get, "/account");
  if (!account || account->body.find("consumer@example.com") == std::string::npos) {
    std::cerr << HEROKUPP_CONSUMER << ": GET /account failed\n";
    return 1;
  }
  auto sent = api->requests().at(0);
  std::string user_agent(sent.headers.get("User-Agent").value_or(""));
  if (user_agent.rfind(std::string("herokupp/") + herokupp::version_string, 0) != 0) {
    std::cerr << HEROKUPP_CONSUMER << ": unexpected User-Agent " << user_agent << "\n";
    return 1;
  }
  // An Error crosses the library boundary as a value and as an exception.
  try {
    heroku.raw(herokupp::Method::get, "/apps/unscripted").value();
    return 1;
  } catch (herokupp::Exception const& e) {
    if (e.error().id != "unexpected_request") return 1;
  }
  std::cout << HEROKUPP_CONSUMER << ": herokupp " << herokupp::version_string
            << ", GET /account -> " << account->status << " (" << argc << " arg)\n";
  return 0;
}
