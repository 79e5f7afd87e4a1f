// The Conan test package (also built against a plain `cmake --install` tree by
// tests/consumers): one real request through the Client, answered in memory.
#include <herokupp/client.hpp>
#include <herokupp/testing/mock_transport.hpp>
#include <herokupp/version.hpp>

#include <iostream>
#include <memory>

int main() {
  auto mock = std::make_shared<herokupp::testing::MockTransport>();
  mock->on(herokupp::Method::get, "/account",
           herokupp::testing::MockTransport::json(200, R"({"email":"dev@example.com"})"));

  herokupp::ClientOptions options;
  options.api_key = "test-package-key";
  options.transport = mock;
  herokupp::Client heroku{options};

  auto account = heroku.raw(herokupp::Method::get, "/account");
  if (!account || account->body.find("dev@example.com") == std::string::npos) {
    std::cerr << "test_package: unexpected answer\n";
    return 1;
  }
  std::cout << "herokupp " << herokupp::version_string << ": GET /account -> " << account->status
            << "\n";
  return 0;
}
