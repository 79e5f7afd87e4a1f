// Severity: how much a finding matters (info, warning, error).
#ifndef HEROKUPP_OPS_SEVERITY_HPP
#define HEROKUPP_OPS_SEVERITY_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <string_view>

namespace herokupp::ops {

/// How much a finding matters, in increasing order: a CI gate compares
/// with `>=` ("fail on warning" also fails on error).
///
/// @par Example
/// @code
/// auto s = herokupp::ops::parse_severity("warning").value();
/// assert(herokupp::ops::Severity::error >= s);
/// std::cout << herokupp::ops::to_string(s);  // "warning"
/// @endcode
enum class Severity {
  info,     ///< worth knowing
  warning,  ///< against the handbook; fix it soon
  error,    ///< a risk now (retired stack, code production runs untested)
};

/// "info", "warning", "error".
HEROKUPP_API std::string_view to_string(Severity severity) noexcept;

/// Reads "info", "warning" or "error" (case-insensitive); anything else is
/// an invalid_argument Error that lists the three.
HEROKUPP_API result<Severity> parse_severity(std::string_view text);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_SEVERITY_HPP
