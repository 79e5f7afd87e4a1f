#include <herokupp/api/app_feature.hpp>
#include <herokupp/app_features.hpp>

namespace herokupp {

Paged<AppFeature> AppFeatures::list(ListOptions const& options) const {
  return api::app_feature::list(client_, app_, options);
}

result<AppFeature> AppFeatures::info(std::string_view feature) const {
  return api::app_feature::info(client_, app_, feature);
}

result<AppFeature> AppFeatures::enable(std::string_view feature) const {
  api::app_feature::UpdateParams params;
  params.enabled = true;
  return api::app_feature::update(client_, app_, feature, params);
}

result<AppFeature> AppFeatures::disable(std::string_view feature) const {
  api::app_feature::UpdateParams params;
  params.enabled = false;
  return api::app_feature::update(client_, app_, feature, params);
}

}  // namespace herokupp
