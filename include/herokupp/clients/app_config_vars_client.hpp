// AppConfigVarsClient: the config vars of one app.
#ifndef HEROKUPP_CLIENTS_APP_CONFIG_VARS_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_CONFIG_VARS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/config_var.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp {

/// The config vars of one app. Obtained from AppClient::config_vars().
/// These calls return values; herokupp::ops::masked_config is the safe way to
/// show config to people.
///
/// @par Example
/// @code
/// auto config = heroku.app("my-app").config_vars();
/// config.update({{"FEATURE_X", "on"}, {"OLD_FLAG", std::nullopt}});  // one PATCH; null unsets
/// @endcode
class HEROKUPP_API AppConfigVarsClient {
 public:
  /// The config vars of `app` (a name or id); AppClient::config_vars() is the usual way to get one.
  AppConfigVarsClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// Config Vars › Info for App.
  result<std::map<std::string, std::string>> get() const;
  /// Config Vars › Update: sets the given keys and unsets those mapped to
  /// std::nullopt, in one PATCH. Returns the whole config after the change.
  result<std::map<std::string, std::string>> update(
      std::map<std::string, std::optional<std::string>> const& changes) const;
  /// Config Vars › Info for App Release: the config a release ran with.
  result<std::map<std::string, std::string>> for_release(std::string_view id_or_version) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_CONFIG_VARS_CLIENT_HPP
