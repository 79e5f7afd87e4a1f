// Internal: reading a Retry-After header in both of the forms RFC 9110 allows.
#ifndef HEROKUPP_SRC_CORE_RETRY_AFTER_HPP
#define HEROKUPP_SRC_CORE_RETRY_AFTER_HPP

#include <chrono>
#include <optional>
#include <string_view>

namespace herokupp::detail {

/// The instant an HTTP-date names (RFC 9110 §5.6.7): the preferred IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT") and the two obsolete forms a recipient
/// must still accept, RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT", its two-digit
/// year read as at most 50 years after `now`) and asctime ("Sun Nov  6
/// 08:49:37 1994"). Nothing for anything else, impossible dates included.
std::optional<std::chrono::system_clock::time_point> parse_http_date(
    std::string_view text, std::chrono::system_clock::time_point now);

/// How long a Retry-After value asks to wait, counted from `now`: its
/// delay-seconds ("120") or the time until its HTTP-date, zero for a date
/// already past. Nothing for a value that is neither form. Capping the wait
/// by a deadline is the caller's business.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace herokupp::detail

#endif  // HEROKUPP_SRC_CORE_RETRY_AFTER_HPP
