#include "core/base_url.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace herokupp::detail {

namespace {

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool is_loopback_ipv4(std::string_view s) noexcept {
  int octets = 0;
  int first = -1;
  while (true) {
    std::size_t n = 0;
    int value = 0;
    while (n < s.size() && n < 4 && s[n] >= '0' && s[n] <= '9') {
      value = value * 10 + (s[n] - '0');
      ++n;
    }
    // Leading zeros read as octal to some resolvers; refuse them.
    if (n == 0 || n > 3 || value > 255 || (n > 1 && s[0] == '0')) return false;
    if (first < 0) first = value;
    ++octets;
    s.remove_prefix(n);
    if (s.empty()) break;
    if (s.front() != '.' || octets == 4) return false;
    s.remove_prefix(1);
  }
  return octets == 4 && first == 127;
}

// "::1", "0:0:0:0:0:0:0:1", "0000::0001"...: eight 16-bit groups, all zero
// but the last, which is one.
bool is_loopback_ipv6(std::string_view s) noexcept {
  long groups[8] = {0};
  int count_before = 0, count_after = 0;
  long after[8] = {0};
  bool gap = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    gap = true;
    i = 2;
  }
  while (i < s.size()) {
    std::size_t n = 0;
    long value = 0;
    while (i + n < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + n])) && n < 5) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + n])));
      value = value * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
      ++n;
    }
    if (n == 0 || n > 4) return false;
    if (gap) {
      if (count_after == 8) return false;
      after[count_after++] = value;
    } else {
      if (count_before == 8) return false;
      groups[count_before++] = value;
    }
    i += n;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    if (i + 1 < s.size() && s[i + 1] == ':') {
      if (gap) return false;
      gap = true;
      i += 2;
    } else {
      ++i;
      if (i == s.size()) return false;
    }
  }
  if (count_before + count_after > (gap ? 7 : 8)) return false;
  if (!gap && count_before != 8) return false;
  for (int k = 0; k < count_after; ++k)
    groups[8 - count_after + k] = after[k];
  for (int k = 0; k < 7; ++k)
    if (groups[k] != 0) return false;
  return groups[7] == 1;
}

}  // namespace

bool is_loopback_host(std::string_view host) noexcept {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    return is_loopback_ipv6(host.substr(1, host.size() - 2));
  }
  return iequals(host, "localhost") || is_loopback_ipv4(host);
}

std::optional<Error> check_base_url(std::string_view url, bool allow_insecure_http) {
  auto refuse = [](std::string message) {
    Error e(ErrorKind::invalid_argument, std::move(message));
    e.id = "insecure_base_url";
    return e;
  };
  auto const sep = url.find("://");
  std::string_view const scheme =
      sep == std::string_view::npos ? url.substr(0, 0) : url.substr(0, sep);
  if (iequals(scheme, "https")) return std::nullopt;
  if (!iequals(scheme, "http")) {
    return refuse(
        "the base URL must start with https:// (or http:// to a loopback host); the API key is "
        "not sent to it");
  }
  std::string_view authority = url.substr(sep + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  // A backslash or blank some parsers read as a separator: no guessing.
  bool const odd = std::any_of(authority.begin(), authority.end(), [](char c) {
    auto uc = static_cast<unsigned char>(c);
    return c == '\\' || uc <= 0x20 || uc >= 0x7f;
  });
  // Credentials before the host: the host is what follows the only '@'.
  auto const at = authority.find('@');
  if (at != std::string_view::npos) {
    if (authority.find('@', at + 1) != std::string_view::npos) {
      return refuse("the base URL's host is ambiguous; the API key is not sent to it");
    }
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    auto const close = host.find(']');
    // Whatever follows the bracket must be a port, or the host is not that address.
    bool const clean =
        close != std::string_view::npos && (close + 1 == host.size() || host[close + 1] == ':');
    host = clean ? host.substr(0, close + 1) : std::string_view("[invalid]");
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (odd) host = "[invalid]";
  if (allow_insecure_http || is_loopback_host(host)) return std::nullopt;
  std::string shown;
  for (char c : host.substr(0, 100)) {
    auto uc = static_cast<unsigned char>(c);
    shown.push_back(uc > 0x20 && uc < 0x7f ? c : '?');
  }
  return refuse("the base URL uses plain http to " + shown +
                ", which is not loopback: the API key would travel in clear text. Use https, or "
                "set ClientOptions::allow_insecure_http to accept that");
}

}  // namespace herokupp::detail
