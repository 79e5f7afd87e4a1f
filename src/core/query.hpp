// Internal: query strings for the few GET links whose parameters the schema
// gives as a body (usage reports: start, end).
#ifndef HEROKUPP_SRC_CORE_QUERY_HPP
#define HEROKUPP_SRC_CORE_QUERY_HPP

#include "core/path_builder.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace herokupp::detail {

/// Appends "?name=value" (or "&name=value") to `path`, percent-encoded.
inline void append_query(std::string& path, std::string_view name, std::string const& value) {
  path += path.find('?') == std::string::npos ? '?' : '&';
  path += percent_encode(name);
  path += '=';
  path += percent_encode(value);
}

/// Appends nothing for an unset value.
inline void append_query(std::string& path, std::string_view name,
                         std::optional<std::string> const& value) {
  if (value) append_query(path, name, *value);
}

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_QUERY_HPP
