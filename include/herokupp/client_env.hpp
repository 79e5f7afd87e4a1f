// Client options from the environment through a reader of your own.
#ifndef HEROKUPP_CLIENT_ENV_HPP
#define HEROKUPP_CLIENT_ENV_HPP

#include <herokupp/client.hpp>
#include <herokupp/export.hpp>

#include <functional>
#include <optional>
#include <string>

namespace herokupp {

/// Reads one environment variable; nullopt when it is unset.
using EnvReader = std::function<std::optional<std::string>(std::string const&)>;

/// What ClientOptions::from_env() reads, read through `getenv` (tests,
/// sandboxes, a tool's own environment), as the official Heroku CLI reads it:
/// - base_url: HEROKU_API_URL, else HEROKU_HOST (a URL as is; a bare host
///   "example.com" means "https://api.example.com"), else
///   "https://api.heroku.com";
/// - api_key: HEROKU_API_KEY, else the password of `$HOME/.netrc`'s entry
///   for the API host (`machine api.heroku.com`, as `heroku login` writes
///   it; with the port first when base_url has one), else its `default`
///   entry, else empty.
///
/// @par Example
/// @code
/// herokupp::ClientOptions opts = herokupp::client_options_from_env(
///     [](std::string const& name) -> std::optional<std::string> {
///       if (name == "HOME") return std::string("/srv/bot");
///       return std::nullopt;
///     });
/// @endcode
HEROKUPP_API ClientOptions client_options_from_env(EnvReader const& getenv);

}  // namespace herokupp

#endif  // HEROKUPP_CLIENT_ENV_HPP
