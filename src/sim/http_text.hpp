// Internal: small text and response helpers shared by the request pipeline's stages.
#ifndef HEROKUPP_SRC_SIM_HTTP_TEXT_HPP
#define HEROKUPP_SRC_SIM_HTTP_TEXT_HPP

#include <herokupp/sim/message.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace herokupp::sim::detail {

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// `s` without leading and trailing blanks (spaces and tabs, as in headers).
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// Appends the low `digits` hex digits of `word`, most significant first.
inline void append_hex(std::string& out, std::uint64_t word, int digits) {
  static constexpr char hex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i)
    out.push_back(hex[(word >> (i * 4)) & 0xf]);
}

inline Response json_response(int status, nlohmann::json const& body) {
  Response res;
  res.status = status;
  res.body = body.dump();
  res.headers.add("Content-Type", "application/json");
  return res;
}

/// An error in the API's shape: {"id": ..., "message": ...}.
inline Response error_response(int status, std::string const& id, std::string const& message) {
  return json_response(status, nlohmann::json{{"id", id}, {"message", message}});
}

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_HTTP_TEXT_HPP
