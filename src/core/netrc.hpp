// Reading ~/.netrc, where `heroku login` leaves the API key.
#ifndef HEROKUPP_SRC_CORE_NETRC_HPP
#define HEROKUPP_SRC_CORE_NETRC_HPP

#include <optional>
#include <string>
#include <string_view>

namespace herokupp::detail {

/// One machine's credentials from a netrc file.
struct NetrcEntry {
  std::string login;
  std::string password;
};

/// The entry for `host` in the netrc text `text`: its `machine` entry, else
/// the `default` entry, else nothing. Tokens are separated by white space;
/// `#` starts a comment when it starts a token; a token may be double-quoted
/// (with backslash escapes); `macdef` bodies (up to a blank line) are
/// skipped. Malformed text never fails: what cannot be read is ignored.
std::optional<NetrcEntry> netrc_lookup(std::string_view text, std::string_view host);

/// The host part of a URL ("https://api.heroku.com/x" -> "api.heroku.com",
/// "http://127.0.0.1:5000" -> "127.0.0.1:5000"), port included when present.
std::string url_authority(std::string_view url);

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_NETRC_HPP
