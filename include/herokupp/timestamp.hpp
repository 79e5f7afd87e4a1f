// Timestamp: a UTC instant as the Platform API writes it (ISO 8601).
#ifndef HEROKUPP_TIMESTAMP_HPP
#define HEROKUPP_TIMESTAMP_HPP

#include <herokupp/export.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp {

/// A UTC instant with second precision (fractions are kept to the
/// millisecond), parsed from and formatted to ISO 8601.
///
/// @par Example
/// @code
/// auto t = herokupp::Timestamp::parse("2012-01-01T12:00:00Z");
/// assert(t && t->to_string() == "2012-01-01T12:00:00Z");
/// @endcode
class HEROKUPP_API Timestamp {
 public:
  /// The clock timestamps are measured on (UTC).
  using Clock = std::chrono::system_clock;

  Timestamp() = default;
  /// The moment `tp`.
  explicit Timestamp(Clock::time_point tp) : tp_(tp) {}

  /// Accepts "2012-01-01T12:00:00Z", fractional seconds, and "+hh:mm" offsets.
  static std::optional<Timestamp> parse(std::string_view text);
  /// The current time.
  static Timestamp now() { return Timestamp(Clock::now()); }

  /// "2012-01-01T12:00:00Z" (milliseconds only when not zero).
  std::string to_string() const;
  /// The moment as a system_clock time point.
  Clock::time_point time_point() const noexcept { return tp_; }
  /// Milliseconds since the Unix epoch.
  long long epoch_ms() const noexcept;
  /// True for a default-constructed Timestamp (the Unix epoch), which a
  /// decoded model keeps when the field was absent.
  bool is_epoch() const noexcept { return tp_.time_since_epoch().count() == 0; }

  /// Same moment.
  friend bool operator==(Timestamp a, Timestamp b) noexcept { return a.tp_ == b.tp_; }
  /// Different moments.
  friend bool operator!=(Timestamp a, Timestamp b) noexcept { return a.tp_ != b.tp_; }
  /// `a` is earlier.
  friend bool operator<(Timestamp a, Timestamp b) noexcept { return a.tp_ < b.tp_; }
  /// `a` is later.
  friend bool operator>(Timestamp a, Timestamp b) noexcept { return a.tp_ > b.tp_; }
  /// `a` is not later.
  friend bool operator<=(Timestamp a, Timestamp b) noexcept { return a.tp_ <= b.tp_; }
  /// `a` is not earlier.
  friend bool operator>=(Timestamp a, Timestamp b) noexcept { return a.tp_ >= b.tp_; }

 private:
  Clock::time_point tp_{};
};

}  // namespace herokupp

#endif  // HEROKUPP_TIMESTAMP_HPP
