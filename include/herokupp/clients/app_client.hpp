// AppClient: one app and everything that hangs off it.
#ifndef HEROKUPP_CLIENTS_APP_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_CLIENT_HPP

#include <herokupp/api/app.hpp>
#include <herokupp/client.hpp>
#include <herokupp/clients/app_builds_client.hpp>
#include <herokupp/clients/app_config_vars_client.hpp>
#include <herokupp/clients/app_dynos_client.hpp>
#include <herokupp/clients/app_features_client.hpp>
#include <herokupp/clients/app_formation_client.hpp>
#include <herokupp/clients/app_log_sessions_client.hpp>
#include <herokupp/clients/app_releases_client.hpp>
#include <herokupp/clients/app_webhooks_client.hpp>
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
  /// The app called `name_or_id`; Client::app() is the usual way to get one.
  AppClient(Client client, std::string name_or_id);

  /// The name or id this client was made with.
  std::string const& identity() const noexcept { return app_; }
  /// The Client this app's requests go through.
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

  /// The app's dynos: list, restart, stop, run one-off commands.
  AppDynosClient dynos() const { return AppDynosClient(client_, app_); }
  /// The app's releases: list, info, roll back.
  AppReleasesClient releases() const { return AppReleasesClient(client_, app_); }
  /// The app's config vars.
  AppConfigVarsClient config_vars() const { return AppConfigVarsClient(client_, app_); }
  /// The app's formation: process types, quantities and sizes.
  AppFormationClient formation() const { return AppFormationClient(client_, app_); }
  /// The app's builds.
  AppBuildsClient builds() const { return AppBuildsClient(client_, app_); }
  /// Log sessions on the app (a URL to read its log from).
  AppLogSessionsClient log_sessions() const { return AppLogSessionsClient(client_, app_); }
  /// The app's features (labs).
  AppFeaturesClient features() const { return AppFeaturesClient(client_, app_); }
  /// The app's webhooks.
  AppWebhooksClient webhooks() const { return AppWebhooksClient(client_, app_); }

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_CLIENT_HPP
