// Fingerprints: short keyed hashes that tell whether two config values are
// equal without showing either of them.
#ifndef HEROKUPP_OPS_FINGERPRINT_HPP
#define HEROKUPP_OPS_FINGERPRINT_HPP

#include <herokupp/export.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace herokupp::ops {

/// A SHA-256 digest (32 bytes); see to_hex().
using Sha256Digest = std::array<std::uint8_t, 32>;

/// SHA-256 (FIPS 180-4) of `data`.
///
/// @par Example
/// @code
/// auto d = herokupp::ops::sha256("abc");
/// assert(herokupp::ops::to_hex(d).substr(0, 8) == "ba7816bf");
/// @endcode
HEROKUPP_API Sha256Digest sha256(std::string_view data) noexcept;

/// HMAC-SHA256 (RFC 2104) of `message` under `key`.
///
/// @par Example
/// @code
/// auto mac = herokupp::ops::hmac_sha256("key", "The quick brown fox jumps over the lazy dog");
/// assert(herokupp::ops::to_hex(mac).substr(0, 8) == "f7bc83f4");
/// @endcode
HEROKUPP_API Sha256Digest hmac_sha256(std::string_view key, std::string_view message) noexcept;

/// Lower-case hex of a digest (64 characters).
///
/// @par Example
/// @code
/// std::string hex = herokupp::ops::to_hex(herokupp::ops::sha256(""));
/// @endcode
HEROKUPP_API std::string to_hex(Sha256Digest const& digest);

/// Makes fingerprints: the first 12 hex digits of HMAC-SHA256(key, value).
///
/// The key is a per-deployment secret: two fingerprints made with the same
/// key are equal when the values are, and nobody without the key can test a
/// guess against a fingerprint. A fingerprint has the same length whatever
/// the value, so it reveals neither the value nor its length. A Fingerprinter
/// with an empty key makes no fingerprints (`enabled()` is false).
///
/// @par Example
/// @code
/// char const* key = std::getenv("HEROKUPP_FINGERPRINT_KEY");  // null when unset
/// herokupp::ops::Fingerprinter fp{key ? key : ""};          // no key: no fingerprints
/// std::string a = fp("postgres://...");   // "3f9a0c2b7d41"
/// @endcode
class HEROKUPP_API Fingerprinter {
 public:
  /// Hex digits in a fingerprint.
  static constexpr std::size_t length = 12;

  Fingerprinter() = default;
  /// Fingerprints keyed with `key`; an empty key makes none.
  explicit Fingerprinter(std::string key) : key_(std::move(key)) {}

  /// A Fingerprinter with a fresh random key: fingerprints compare within
  /// this object's life only.
  static Fingerprinter random();

  /// Whether this Fingerprinter has a key and makes fingerprints.
  bool enabled() const noexcept { return !key_.empty(); }
  /// The fingerprint of `value`; empty when not enabled().
  std::string operator()(std::string_view value) const;

 private:
  std::string key_;
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_FINGERPRINT_HPP
