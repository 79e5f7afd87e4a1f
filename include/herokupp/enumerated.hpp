// Enumerated<E>: an enum field that survives values the schema does not list yet.
#ifndef HEROKUPP_ENUMERATED_HPP
#define HEROKUPP_ENUMERATED_HPP

#include <string>
#include <utility>

namespace herokupp {

/// An API enum value: the typed `value` (E::unknown for a string the schema
/// does not list) alongside the `raw` string the API sent, so a new value
/// decodes instead of failing and is never lost.
///
/// @par Example
/// @code
/// herokupp::Release r = herokupp::release_from_json(R"({"status": "failed"})").value();
/// if (r.status == herokupp::Release::Status::failed) std::cout << "failed\n";
/// std::cout << r.status.raw;   // "failed", or whatever the API said
/// @endcode
template <class E>
struct Enumerated {
  E value{};        ///< E::unknown unless the raw string is a known value
  std::string raw;  ///< exactly what the API sent ("" when absent)

  Enumerated() = default;
  /// A known value, as a request sets it: `params.level = Level::notify;`.
  Enumerated(E v) : value(v) {}  // NOLINT(google-explicit-constructor)
  /// A value and the text it was decoded from.
  Enumerated(E v, std::string r) : value(v), raw(std::move(r)) {}

  /// Compares the typed value only.
  friend bool operator==(Enumerated const& a, E b) noexcept { return a.value == b; }
  /// Compares the typed value only.
  friend bool operator!=(Enumerated const& a, E b) noexcept { return a.value != b; }
  /// Compares the typed value only.
  friend bool operator==(E a, Enumerated const& b) noexcept { return a == b.value; }
  /// Compares the typed value only.
  friend bool operator!=(E a, Enumerated const& b) noexcept { return a != b.value; }
  /// Known values compare by value; unknown ones by the raw string.
  friend bool operator==(Enumerated const& a, Enumerated const& b) noexcept {
    return a.value == b.value && (a.value != E{} || a.raw == b.raw);
  }
  /// The opposite of ==.
  friend bool operator!=(Enumerated const& a, Enumerated const& b) noexcept { return !(a == b); }
};

}  // namespace herokupp

#endif  // HEROKUPP_ENUMERATED_HPP
