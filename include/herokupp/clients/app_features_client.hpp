// AppFeaturesClient: the feature flags of one app (preboot, ...).
#ifndef HEROKUPP_CLIENTS_APP_FEATURES_CLIENT_HPP
#define HEROKUPP_CLIENTS_APP_FEATURES_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/app_feature.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <string_view>

namespace herokupp {

/// The features of one app. Obtained from AppClient::features().
///
/// @par Example
/// @code
/// heroku.app("my-app").features().enable("preboot");
/// @endcode
class HEROKUPP_API AppFeaturesClient {
 public:
  /// The features of `app` (a name or id); AppClient::features() is the usual way to get one.
  AppFeaturesClient(Client client, std::string app)
      : client_(std::move(client)), app_(std::move(app)) {}

  /// App Feature › List.
  Paged<AppFeature> list(ListOptions const& options = {}) const;
  /// App Feature › Info.
  result<AppFeature> info(std::string_view feature) const;
  /// App Feature › Update with enabled = true.
  result<AppFeature> enable(std::string_view feature) const;
  /// App Feature › Update with enabled = false.
  result<AppFeature> disable(std::string_view feature) const;

 private:
  Client client_;
  std::string app_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_APP_FEATURES_CLIENT_HPP
