#include "core/netrc.hpp"

#include <vector>

namespace herokupp::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Reads one token at `i` (after white space and comments), or "" at the end.
std::string next_token(std::string_view text, std::size_t& i) {
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
    } else if (text[i] == '#') {
      std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end;
    } else {
      break;
    }
  }
  std::string token;
  if (i < text.size() && text[i] == '"') {
    ++i;
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      token += text[i++];
    }
    if (i < text.size()) ++i;  // the closing quote
    return token;
  }
  while (i < text.size() && !is_space(text[i])) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    token += text[i++];
  }
  return token;
}

// Splits netrc text into tokens, dropping comments and macdef bodies.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::string token = next_token(text, i);
    if (token.empty()) continue;
    if (token == "macdef") {
      // A macro's body runs from the next line up to an empty line.
      next_token(text, i);
      std::size_t eol = text.find('\n', i);
      std::size_t end = eol == std::string_view::npos ? eol : text.find("\n\n", eol);
      i = end == std::string_view::npos ? text.size() : end + 2;
      continue;
    }
    out.push_back(std::move(token));
  }
  return out;
}

}  // namespace

std::optional<NetrcEntry> netrc_lookup(std::string_view text, std::string_view host) {
  auto const tokens = tokens_of(text);
  std::optional<NetrcEntry> found;
  std::optional<NetrcEntry> fallback;
  std::optional<NetrcEntry>* current = nullptr;
  std::optional<NetrcEntry> ignored;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto const& t = tokens[i];
    bool const has_next = i + 1 < tokens.size();
    if (t == "machine" && has_next) {
      std::string const& name = tokens[++i];
      // The first entry for a machine wins, as with curl and ftp.
      if (name == host && !found) {
        found.emplace();
        current = &found;
      } else {
        ignored.emplace();
        current = &ignored;
      }
    } else if (t == "default") {
      if (!fallback) {
        fallback.emplace();
        current = &fallback;
      } else {
        ignored.emplace();
        current = &ignored;
      }
    } else if ((t == "login" || t == "password" || t == "account") && has_next) {
      std::string const& value = tokens[++i];
      if (current == nullptr || !*current) continue;
      if (t == "login") (*current)->login = value;
      if (t == "password") (*current)->password = value;
    }
  }
  if (found && !found->password.empty()) return found;
  if (fallback && !fallback->password.empty()) return fallback;
  return std::nullopt;
}

std::string url_authority(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  auto end = url.find_first_of("/?#");
  if (end != std::string_view::npos) url = url.substr(0, end);
  if (auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  return std::string(url);
}

}  // namespace herokupp::detail
