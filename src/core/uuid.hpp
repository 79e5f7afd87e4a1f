// Internal: recognising UUIDs, to tell an id from a name.
#ifndef HEROKUPP_SRC_CORE_UUID_HPP
#define HEROKUPP_SRC_CORE_UUID_HPP

#include <string_view>

namespace herokupp::detail {

/// True for "01234567-89ab-cdef-0123-456789abcdef" (any case).
inline bool looks_like_uuid(std::string_view s) noexcept {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_UUID_HPP
