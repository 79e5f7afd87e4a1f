// Restart: the whole app, one process type, or one dyno.
#ifndef HEROKUPP_OPS_RESTART_HPP
#define HEROKUPP_OPS_RESTART_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// What a restart targeted.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::RestartResult> r
/// if (r->scope == herokupp::ops::RestartScope::dyno) std::cout << "one dyno\n";
/// @endcode
enum class RestartScope { app, process_type, dyno };

/// "app", "process_type", "dyno".
HEROKUPP_API std::string_view to_string(RestartScope scope) noexcept;

/// What a restart did.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::restart(app, "worker");
/// if (r) std::cout << "restarted " << r->dynos.size() << " dynos\n";
/// @endcode
struct RestartResult {
  /// The app whose dynos were restarted.
  std::string app;
  /// Whether the whole app, a process type or one dyno was restarted.
  RestartScope scope = RestartScope::app;
  std::string target;              ///< "" for the app, "worker", or "web.2"
  std::vector<std::string> dynos;  ///< the dynos that were running, sorted
};

/// Restarts dynos: `target` empty (or "all") for the whole app, a process
/// type ("worker"), or a dyno name ("web.2"). The dynos are listed first; a
/// target that names nothing running is a not_found Error, and an app with
/// nothing running is precondition_failed, never a silent no-op.
///
/// @par Example
/// @code
/// herokupp::ops::restart(app);            // everything
/// herokupp::ops::restart(app, "worker");  // every worker dyno
/// herokupp::ops::restart(app, "web.2");   // one dyno
/// @endcode
HEROKUPP_API result<RestartResult> restart(AppClient const& app, std::string_view target = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_RESTART_HPP
