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

  AppDynosClient dynos() const { return AppDynosClient(client_, app_); }
  AppReleasesClient releases() const { return AppReleasesClient(client_, app_); }
  AppConfigVarsClient config_vars() const { return AppConfigVarsClient(client_, app_); }
  AppFormationClient formation() const { return AppFormationClient(client_, app_); }
  AppBuildsClient builds() const { return AppBuildsClient(client_, app_); }
  AppLogSessionsClient log_sessions() const { return AppLogSessionsClient(client_, app_); }
  AppFeaturesClient features() const { return AppFeaturesClient(client_, app_); }
  AppWebhooksClient webhooks() const { return AppWebhooksClient(client_, app_); }

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_CLIENT_HPP
