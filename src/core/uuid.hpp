// Internal: the one place UUIDs are made and recognised, over Boost.Uuid.
// The core makes random request ids; the simulator makes reproducible ids
// from its own seeded generator; both format them here.
#ifndef HEROKUPP_SRC_CORE_UUID_HPP
#define HEROKUPP_SRC_CORE_UUID_HPP

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <cstdint>
#include <string>
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

/// A version 4 UUID, lower case, whose random bits are `hi` then `lo`
/// (big-endian), with the version and RFC 4122 variant bits set.
inline std::string uuid_from_bits(std::uint64_t hi, std::uint64_t lo) {
  boost::uuids::uuid u{};
  for (int i = 0; i < 8; ++i) {
    u.data[i] = static_cast<std::uint8_t>(hi >> (56 - 8 * i));
    u.data[8 + i] = static_cast<std::uint8_t>(lo >> (56 - 8 * i));
  }
  u.data[6] = static_cast<std::uint8_t>((u.data[6] & 0x0f) | 0x40);  // version 4
  u.data[8] = static_cast<std::uint8_t>((u.data[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return boost::uuids::to_string(u);
}

/// A fresh random (version 4) UUID, for Request-Id headers. Each thread has
/// its own generator, seeded from the system's entropy: no lock, no syscall
/// per id.
inline std::string new_random_uuid() {
  thread_local boost::uuids::random_generator_mt19937 generate;
  return boost::uuids::to_string(generate());
}

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_UUID_HPP
