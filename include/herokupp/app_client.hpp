// AppClient: one app and everything that hangs off it.
#ifndef HEROKUPP_APP_CLIENT_HPP
#define HEROKUPP_APP_CLIENT_HPP

#include <herokupp/api/app.hpp>
#include <herokupp/app_builds.hpp>
#include <herokupp/app_config_vars.hpp>
#include <herokupp/app_dynos.hpp>
#include <herokupp/app_features.hpp>
#include <herokupp/app_formation.hpp>
#include <herokupp/app_log_sessions.hpp>
#include <herokupp/app_releases.hpp>
#include <herokupp/app_webhooks.hpp>
#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/app.hpp>

#include <string>

namespace herokupp {

/// An app, by name or id. Cheap to copy; making one sends no request.
///
/// @par Example
/// @code
/// herokupp::AppClient app = heroku.app("my-app");
/// auto info = app.info();
/// auto on = app.enable_maintenance();
/// for (auto const& d : app.dynos().list()) if (d) std::cout << d->name << " " << d->state << "\n";
/// @endcode
class HEROKUPP_API AppClient {
 public:
  AppClient(Client client, std::string name_or_id);

  /// The name or id this client was made with.
  std::string const& identity() const noexcept { return app_; }
  Client const& client() const noexcept { return client_; }

  /// App › Info.
  result<App> info() const;
  /// App › Update: rename, change stack, or set maintenance.
  result<App> update(api::app::UpdateParams const& params) const;
  /// Sets maintenance mode on (App › Update).
  result<App> enable_maintenance() const;
  /// Sets maintenance mode off (App › Update).
  result<App> disable_maintenance() const;
  /// App › Delete. Irreversible: the app, its config and add-ons are gone.
  result<App> destroy() const;

  AppDynos dynos() const { return AppDynos(client_, app_); }
  AppReleases releases() const { return AppReleases(client_, app_); }
  AppConfigVars config_vars() const { return AppConfigVars(client_, app_); }
  AppFormation formation() const { return AppFormation(client_, app_); }
  AppBuilds builds() const { return AppBuilds(client_, app_); }
  AppLogSessions log_sessions() const { return AppLogSessions(client_, app_); }
  AppFeatures features() const { return AppFeatures(client_, app_); }
  AppWebhooks webhooks() const { return AppWebhooks(client_, app_); }

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_APP_CLIENT_HPP
