// Logger: one record per HTTP attempt, for the caller's own logging.
#ifndef HEROKUPP_LOGGER_HPP
#define HEROKUPP_LOGGER_HPP

#include <herokupp/transport.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace herokupp {

enum class LogLevel { debug, info, warning, error };

/// What the Client reports about one attempt. It never holds the
/// Authorization header, a request body or a response body.
struct LogRecord {
  /// debug for a success, warning for a retry, error for a final failure.
  LogLevel level = LogLevel::debug;
  /// The request's method.
  Method method = Method::get;
  std::string path;  ///< "/apps/my-app/releases", without the host
  int status = 0;    ///< 0 when no HTTP answer arrived
  /// How long the attempt took.
  std::chrono::microseconds duration{0};
  /// The Request-Id header sent with the attempt.
  std::string request_id;
  int attempt = 1;      ///< 1 for the first try, 2 for the first retry...
  std::string message;  ///< "503, will retry", transport causes
  /// The CallContext's tags (audit action, actor...), if the call had any.
  std::vector<std::pair<std::string, std::string>> tags;
};

/// A sink for LogRecords; called from the thread making the request.
///
/// @par Example
/// @code
/// // given: herokupp::ClientOptions opts
/// opts.logger = [](herokupp::LogRecord const& r) {
///   std::clog << herokupp::to_string(r.method) << " " << r.path << " -> " << r.status << "\n";
/// };
/// @endcode
using Logger = std::function<void(LogRecord const&)>;

}  // namespace herokupp

#endif  // HEROKUPP_LOGGER_HPP
