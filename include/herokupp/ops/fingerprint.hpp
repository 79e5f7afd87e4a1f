// Fingerprints: short keyed hashes that tell whether two config values are
// equal without showing either of them.
#ifndef HEROKUPP_OPS_FINGERPRINT_HPP
#define HEROKUPP_OPS_FINGERPRINT_HPP

#include <herokupp/export.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace herokupp::ops {

/// Makes fingerprints: the first 12 hex digits of HMAC-SHA256(key, value),
/// computed by OpenSSL's libcrypto.
///
/// The key is a secret of the user or the team: two fingerprints made with
/// the same key are equal when the values are (on staging and production
/// alike, today and tomorrow), and nobody without the key can test a guess
/// against a fingerprint. A fingerprint has the same length whatever the
/// value, so it reveals neither the value nor its length. A Fingerprinter
/// with an empty key makes no fingerprints (`enabled()` is false).
///
/// The same key also signs: mac() is the whole HMAC of a message (the
/// workflow derives plan confirmation codes from it), and derive() gives an
/// independent key for another purpose, so a fingerprint never equals a MAC
/// of something else.
///
/// @par Example
/// @code
/// herokupp::ops::Fingerprinter fp{"a team secret, 32 random bytes or more"};
/// std::string a = fp("postgres://...");   // 12 hex digits, the same on every run
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
  /// The full HMAC-SHA256 of `message` as 64 lower-case hex digits; empty
  /// when not enabled().
  std::string mac(std::string_view message) const;
  /// A Fingerprinter whose key is HMAC-SHA256(key, purpose): one user key
  /// serves several purposes without one revealing another.
  Fingerprinter derive(std::string_view purpose) const;

 private:
  std::string key_;
};

/// Whether two MACs or codes are equal, in time that does not depend on
/// where they differ.
///
/// @par Example
/// @code
/// // given: std::string typed_code, expected_code
/// bool ok = herokupp::ops::equal_in_constant_time(typed_code, expected_code);
/// @endcode
HEROKUPP_API bool equal_in_constant_time(std::string_view a, std::string_view b) noexcept;

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_FINGERPRINT_HPP
