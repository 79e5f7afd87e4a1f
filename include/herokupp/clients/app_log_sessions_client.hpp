// AppLogSessionsClient: log sessions of one app (a URL to stream its logs from).
#ifndef HEROKUPP_CLIENTS_APP_LOG_SESSIONS_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_LOG_SESSIONS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/log_session.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace herokupp {

/// Which logs a session streams.
///
/// @par Example
/// @code
/// herokupp::LogSessionOptions o;
/// o.dyno = "run.1";
/// o.tail = true;
/// @endcode
struct LogSessionOptions {
  std::optional<std::string> dyno;    ///< only this dyno ("web.1")
  std::optional<bool> tail;           ///< keep streaming new lines
  std::optional<std::int64_t> lines;  ///< how many past lines
  std::optional<std::string> source;  ///< "app" or "heroku"
};

/// Log sessions of one app. Obtained from AppClient::log_sessions().
///
/// @par Example
/// @code
/// auto session = heroku.app("my-app").log_sessions().create({});
/// std::cout << session->logplex_url << "\n";
/// @endcode
class HEROKUPP_API AppLogSessionsClient {
 public:
  /// Log sessions of `app` (a name or id); AppClient::log_sessions() is the usual way to get one.
  AppLogSessionsClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// Log Session › Create.
  result<LogSession> create(LogSessionOptions const& options = {}) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_LOG_SESSIONS_CLIENT_HPP
