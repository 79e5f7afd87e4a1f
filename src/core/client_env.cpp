// ClientOptions::from_env: credentials and endpoint from the environment, in
// the order the official Heroku CLI uses them.
#include <herokupp/client_env.hpp>

#include "core/netrc.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace herokupp {
namespace {

// A netrc holds a few entries; anything larger is not one.
constexpr std::streamsize netrc_size_limit = 1 << 20;

std::optional<std::string> read_small_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(static_cast<std::size_t>(netrc_size_limit), '\0');
  in.read(text.data(), netrc_size_limit);
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::string base_url_from(EnvReader const& getenv) {
  if (auto url = getenv("HEROKU_API_URL"); url && !url->empty()) return *url;
  if (auto host = getenv("HEROKU_HOST"); host && !host->empty()) {
    if (host->rfind("http://", 0) == 0 || host->rfind("https://", 0) == 0) return *host;
    return "https://api." + *host;
  }
  return ClientOptions{}.base_url;
}

}  // namespace

ClientOptions ClientOptions::from_env() {
  return client_options_from_env([](std::string const& name) -> std::optional<std::string> {
    char const* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  });
}

ClientOptions client_options_from_env(EnvReader const& getenv) {
  ClientOptions opts;
  opts.base_url = base_url_from(getenv);
  if (auto key = getenv("HEROKU_API_KEY"); key && !key->empty()) {
    opts.api_key = *key;
    return opts;
  }
  auto home = getenv("HOME");
  if (!home || home->empty()) return opts;
  auto text = read_small_file(*home + "/.netrc");
  if (!text) return opts;
  std::string host = detail::url_authority(opts.base_url);
  auto entry = detail::netrc_lookup(*text, host);
  if (!entry) {
    // `heroku login` names the machine with its port only when the URL has one.
    if (auto colon = host.rfind(':'); colon != std::string::npos && host.back() != ']') {
      entry = detail::netrc_lookup(*text, host.substr(0, colon));
    }
  }
  if (entry) opts.api_key = entry->password;
  return opts;
}

}  // namespace herokupp
