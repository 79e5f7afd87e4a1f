#include <herokupp/api/pipeline_promotion.hpp>
#include <herokupp/api/pipeline_promotion_target.hpp>
#include <herokupp/clients/pipeline_promotions_client.hpp>

#include "clients/resolve_id.hpp"

namespace herokupp {

result<PipelinePromotion> PipelinePromotionsClient::create(
    std::string_view from_app, std::vector<std::string> const& to_apps) const {
  if (to_apps.empty()) {
    return Error(ErrorKind::invalid_argument, "a promotion needs at least one target app");
  }
  auto id = detail::pipeline_id(client_, pipeline_);
  if (!id) return std::move(id).error();
  auto source = detail::app_id(client_, std::string(from_app));
  if (!source) return std::move(source).error();

  api::pipeline_promotion::CreateParams params;
  params.pipeline.id = *id;
  params.source.app.emplace();
  params.source.app->id = *source;
  for (auto const& target : to_apps) {
    auto target_id = detail::app_id(client_, target);
    if (!target_id) return std::move(target_id).error();
    if (*target_id == *source) {
      return Error(ErrorKind::invalid_argument, "an app cannot be promoted to itself");
    }
    typename decltype(params.targets)::value_type entry;
    entry.app.emplace();
    entry.app->id = *target_id;
    params.targets.push_back(std::move(entry));
  }
  return api::pipeline_promotion::create(client_, params);
}

result<PipelinePromotion> PipelinePromotionsClient::info(std::string_view promotion_id) const {
  return api::pipeline_promotion::info(client_, promotion_id);
}

Paged<PipelinePromotionTarget> PipelinePromotionsClient::targets(std::string_view promotion_id,
                                                                 ListOptions const& options) const {
  return api::pipeline_promotion_target::list(client_, promotion_id, options);
}

}  // namespace herokupp
