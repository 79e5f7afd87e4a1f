// Errors and results: the one way every herokupp call reports failure.
#ifndef HEROKUPP_ERROR_HPP
#define HEROKUPP_ERROR_HPP

#include <herokupp/export.hpp>

#include <boost/outcome/basic_result.hpp>
#include <boost/outcome/policy/base.hpp>
#include <boost/outcome/success_failure.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace herokupp {

/// What went wrong, in the terms a caller branches on.
///
/// HTTP answers map by status and Heroku's error id; transport failures by
/// their cause. The precise Heroku id stays available in `Error::id`.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::App> r
/// // given: void create_it()
/// if (!r && r.error().kind == herokupp::ErrorKind::not_found) create_it();
/// @endcode
enum class ErrorKind {
  unknown,
  bad_request,            ///< 400: malformed request, or a missing or wrong Accept version
  unauthorized,           ///< 401: the API key is wrong, expired or missing
  payment_required,       ///< 402: `delinquent`, the account needs payment details
  forbidden,              ///< 403: no access, or `suspended`
  verification_needed,    ///< 403 `verification_needed`: the account must be verified
  two_factor,             ///< 403 `two_factor`: a second factor is required
  not_found,              ///< 404: nothing by that name or id
  method_not_allowed,     ///< 405: the path exists but not with that method
  conflict,               ///< 409: the change conflicts with the current state
  gone,                   ///< 410: the resource was removed
  range_not_satisfiable,  ///< 416: a `Range` the API could not serve
  invalid_params,         ///< 422: the body failed validation
  rate_limited,           ///< 429: the account ran out of request tokens
  server,                 ///< 5xx: an error on Heroku's side
  transport,              ///< no HTTP answer: name resolution, refused or reset connection
  tls,                    ///< the TLS handshake or certificate verification failed
  timeout,                ///< no complete answer within the time allowed
  decode,                 ///< the answer did not have the shape the API documents
  invalid_argument,       ///< refused before any I/O: the caller's input is not acceptable
  policy_denied,          ///< an ops::Policy refused the action
  confirmation_required,  ///< a planned action needs its confirmation code
  protected_app,          ///< the app is protected from this kind of change
  precondition_failed,    ///< the state does not allow the action (nothing to roll back to...)
  protocol,               ///< the server broke the protocol (a paging loop, an oversized answer...)
};

/// The stable snake_case name of a kind ("not_found").
HEROKUPP_API std::string_view to_string(ErrorKind kind) noexcept;

/// A failure, as complete as the API and the transport allow.
///
/// Never contains the API key or a config value: messages are built from
/// status lines, Heroku's error bodies, and argument names.
///
/// @par Example
/// @code
/// auto info = heroku.app("my-app").info();
/// if (!info) std::cerr << info.error().message << "\n" << info.error().hint() << "\n";
/// @endcode
struct HEROKUPP_API Error {
  /// What went wrong, as a category to branch on.
  ErrorKind kind = ErrorKind::unknown;
  int http_status = 0;     ///< 0 when no HTTP answer arrived
  std::string id;          ///< Heroku's error id ("not_found"), or the transport cause
  std::string message;     ///< one line, for people
  std::string url;         ///< Heroku's documentation link for this error, when given
  std::string request_id;  ///< the Request-Id of the failing request, for support
  std::string request;     ///< "GET /apps/my-app": what was being done (never a body)
  std::optional<std::chrono::seconds> retry_after;  ///< from a Retry-After header

  Error() = default;
  /// An Error of kind `k` with `msg` for people.
  Error(ErrorKind k, std::string msg) : kind(k), message(std::move(msg)) {}

  /// What a person should do next, in one sentence.
  std::string hint() const;
  /// "not_found (404): Couldn't find that app. [GET /apps/x]": the whole story on one line.
  std::string describe() const;
};

/// Builds an Error from an HTTP answer that was not a success: reads Heroku's
/// JSON error body when there is one, else keeps the status line and a short
/// excerpt of a non-JSON body (an HTML 503 page still yields a useful Error).
HEROKUPP_API Error error_from_http(int status, std::string_view body,
                                   std::string_view request_id = {});

/// The ErrorKind for a status and Heroku error id.
HEROKUPP_API ErrorKind kind_for(int status, std::string_view heroku_id) noexcept;

/// Thrown only by `result<T>::value()` on a result that holds an Error.
///
/// @par Example
/// @code
/// try { auto app = heroku.app("x").info().value(); }
/// catch (herokupp::Exception const& e) { std::cerr << e.error().hint(); }
/// @endcode
class HEROKUPP_API Exception : public std::runtime_error {
 public:
  /// Carries `error`; what() is its message.
  explicit Exception(Error error);
  /// The Error this exception carries.
  Error const& error() const noexcept { return error_; }

 private:
  Error error_;
};

namespace detail {
/// Boost.Outcome policy: `.value()` on an error throws herokupp::Exception;
/// `.error()` on a value throws an Exception of kind `unknown`.
struct ThrowingPolicy : boost::outcome_v2::policy::base {
  template <class Impl>
  static constexpr void wide_value_check(Impl&& self) {
    if (!base::_has_value(std::forward<Impl>(self))) {
      throw Exception(base::_error(std::forward<Impl>(self)));
    }
  }
  template <class Impl>
  static constexpr void wide_error_check(Impl&& self) {
    if (!base::_has_error(std::forward<Impl>(self))) {
      throw Exception(Error(ErrorKind::unknown, "error() called on a result that holds a value"));
    }
  }
  template <class Impl>
  static constexpr void wide_exception_check(Impl&& /*self*/) {}
};
}  // namespace detail

/// The return type of every fallible call: a value or an Error.
///
/// A Boost.Outcome `basic_result<T, Error, Policy>` whose `.value()` throws
/// herokupp::Exception when it holds an Error; `->` and `*` check the same way.
///
/// @par Example
/// @code
/// herokupp::result<herokupp::App> info = heroku.app("my-app").info();
/// if (info) std::cout << info->name;           // checked access
/// auto const& app = info.value();               // throws herokupp::Exception on error
/// @endcode
template <class T>
class result : public boost::outcome_v2::basic_result<T, Error, detail::ThrowingPolicy> {
  using base = boost::outcome_v2::basic_result<T, Error, detail::ThrowingPolicy>;

 public:
  using base::base;
  /// From the underlying Boost.Outcome result.
  result(base const& other) : base(other) {}  // NOLINT(google-explicit-constructor)
  /// From the underlying Boost.Outcome result.
  result(base&& other) : base(std::move(other)) {}  // NOLINT(google-explicit-constructor)

  template <class U = T>
  /// The value; throws Exception when there is none.
  U* operator->() & {
    return &this->value();
  }
  template <class U = T>
  /// The value; throws Exception when there is none.
  U const* operator->() const& {
    return &this->value();
  }
  template <class U = T>
  /// The value; throws Exception when there is none.
  std::add_lvalue_reference_t<U> operator*() & {
    return this->value();
  }
  template <class U = T>
  /// The value; throws Exception when there is none.
  std::add_lvalue_reference_t<std::add_const_t<U>> operator*() const& {
    return this->value();
  }
};

/// A successful `result<void>`: `return herokupp::success();`.
inline auto success() noexcept {
  return boost::outcome_v2::success();
}

}  // namespace herokupp

#endif  // HEROKUPP_ERROR_HPP
