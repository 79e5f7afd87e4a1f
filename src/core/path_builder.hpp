// Internal: builds request paths from literal parts and checked, encoded identifiers.
#ifndef HEROKUPP_SRC_CORE_PATH_BUILDER_HPP
#define HEROKUPP_SRC_CORE_PATH_BUILDER_HPP

#include <herokupp/error.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace herokupp::detail {

/// An invalid_argument Error when `value` cannot be a path identifier: empty,
/// longer than 255 bytes, holding a control character, "/" or "\", or being
/// "." or "..". `name` is the argument's name, used in the message.
std::optional<Error> check_identifier(std::string_view name, std::string_view value);

/// Percent-encodes everything but RFC 3986 unreserved characters.
std::string percent_encode(std::string_view value);

/// Usage: PathBuilder().lit("/apps/").param("app_identity", app).lit("/releases").build()
class PathBuilder {
 public:
  PathBuilder& lit(std::string_view text) {
    path_.append(text);
    return *this;
  }
  PathBuilder& param(std::string_view name, std::string_view value) {
    if (error_) return *this;
    error_ = check_identifier(name, value);
    if (!error_) path_.append(percent_encode(value));
    return *this;
  }
  result<std::string> build() && {
    if (error_) return std::move(*error_);
    return std::move(path_);
  }

 private:
  std::string path_;
  std::optional<Error> error_;
};

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_PATH_BUILDER_HPP
