// Internal: small text helpers shared by the ops actions.
#ifndef HEROKUPP_SRC_OPS_TEXT_HPP
#define HEROKUPP_SRC_OPS_TEXT_HPP

#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops::detail {

inline std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline std::string join(std::vector<std::string> const& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += separator;
    out += parts[i];
  }
  return out;
}

/// Quotes a name the caller gave for an error message, escaping control
/// characters so that a message stays on one line.
inline std::string quoted(std::string_view text, std::size_t max = 64) {
  std::string out = "\"";
  std::size_t n = 0;
  for (char c : text) {
    if (++n > max) {
      out += "...";
      break;
    }
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      static constexpr char digits[] = "0123456789abcdef";
      out += "\\x";
      out.push_back(digits[u >> 4]);
      out.push_back(digits[u & 0x0f]);
    } else if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else {
      out.push_back(c);
    }
  }
  out += "\"";
  return out;
}

}  // namespace herokupp::ops::detail

#endif  // HEROKUPP_SRC_OPS_TEXT_HPP
