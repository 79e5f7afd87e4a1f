#include <herokupp/api/app_feature.hpp>
#include <herokupp/clients/app_features_client.hpp>

namespace herokupp {

Paged<AppFeature> AppFeaturesClient::list(ListOptions const& options) const {
  return api::app_feature::list(client_, app_, options);
}

result<AppFeature> AppFeaturesClient::info(std::string_view feature) const {
  return api::app_feature::info(client_, app_, feature);
}

result<AppFeature> AppFeaturesClient::enable(std::string_view feature) const {
  api::app_feature::UpdateParams params;
  params.enabled = true;
  return api::app_feature::update(client_, app_, feature, params);
}

result<AppFeature> AppFeaturesClient::disable(std::string_view feature) const {
  api::app_feature::UpdateParams params;
  params.enabled = false;
  return api::app_feature::update(client_, app_, feature, params);
}

}  // namespace herokupp
