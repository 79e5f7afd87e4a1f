// AppDynosClient: the dynos of one app: list, run one-off commands, restart, stop.
#ifndef HEROKUPP_CLIENTS_APP_DYNOS_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_DYNOS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/dyno.hpp>
#include <herokupp/paging.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp {

/// A one-off dyno to start.
///
/// @par Example
/// @code
/// herokupp::RunOptions run;
/// run.command = "rake db:migrate";
/// run.size = "standard-1x";
/// run.time_to_live = 1800;
/// @endcode
struct RunOptions {
  /// The command line the one-off dyno runs.
  std::string command;
  bool attach = false;  ///< false: detached, output goes to the app's logs
  /// The dyno size ("standard-1x"); none: the app's default.
  std::optional<std::string> size;
  /// Extra environment variables for this dyno only.
  std::map<std::string, std::string> env;
  std::optional<std::int64_t> time_to_live;  ///< seconds before the dyno is killed
  std::optional<std::string> type;           ///< "run" unless given
};

/// The dynos of one app. Obtained from AppClient::dynos().
///
/// @par Example
/// @code
/// auto dynos = heroku.app("my-app").dynos();
/// dynos.restart("web.2");          // one dyno
/// dynos.restart_type("worker");    // every worker dyno
/// dynos.restart_all();             // the whole app
/// @endcode
class HEROKUPP_API AppDynosClient {
 public:
  /// The dynos of `app` (a name or id); AppClient::dynos() is the usual way to get one.
  AppDynosClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// Dyno › List.
  Paged<Dyno> list(ListOptions const& options = {}) const;
  /// Dyno › Info, by name ("web.1") or id.
  result<Dyno> info(std::string_view dyno) const;
  /// Dyno › Create: starts a one-off dyno.
  result<Dyno> run(RunOptions const& options) const;
  /// Dyno › Restart: one dyno, by name or id.
  result<void> restart(std::string_view dyno) const;
  /// Dyno › Restart formation: every dyno of a process type ("worker").
  result<void> restart_type(std::string_view type) const;
  /// Dyno › Restart all.
  result<void> restart_all() const;
  /// Dyno › Stop: one dyno.
  result<void> stop(std::string_view dyno) const;
  /// Dyno › Stop formation: every dyno of a process type.
  result<void> stop_type(std::string_view type) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_DYNOS_CLIENT_HPP
