#include "core/path_builder.hpp"

namespace herokupp::detail {

namespace {
constexpr std::size_t max_identifier_length = 255;

Error invalid(std::string_view name, std::string const& why) {
  return Error(ErrorKind::invalid_argument, std::string(name) + " " + why);
}
}  // namespace

std::optional<Error> check_identifier(std::string_view name, std::string_view value) {
  if (value.empty()) return invalid(name, "must not be empty");
  if (value.size() > max_identifier_length) {
    return invalid(name, "is " + std::to_string(value.size()) + " characters long; at most " +
                             std::to_string(max_identifier_length) + " are accepted");
  }
  if (value == "." || value == "..") return invalid(name, "must not be \".\" or \"..\"");
  for (char c : value) {
    auto uc = static_cast<unsigned char>(c);
    if (uc < 0x20 || uc == 0x7f) return invalid(name, "must not contain control characters");
    if (c == '/' || c == '\\') return invalid(name, "must not contain '/' or '\\'");
  }
  return std::nullopt;
}

std::string percent_encode(std::string_view value) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    auto uc = static_cast<unsigned char>(c);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(hex[uc >> 4]);
      out.push_back(hex[uc & 0x0f]);
    }
  }
  return out;
}

}  // namespace herokupp::detail
