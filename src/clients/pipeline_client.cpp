#include <herokupp/api/app.hpp>
#include <herokupp/api/pipeline.hpp>
#include <herokupp/api/pipeline_coupling.hpp>
#include <herokupp/api/pipeline_deployment.hpp>
#include <herokupp/api/pipeline_promotion.hpp>
#include <herokupp/api/pipeline_promotion_target.hpp>
#include <herokupp/api/pipeline_release.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/clients/pipelines_client.hpp>

#include "core/uuid.hpp"

namespace herokupp {

namespace {

// Endpoints that take only ids get one; a name costs one Info request.
template <class InfoFn>
result<std::string> resolve_id(std::string const& identity, InfoFn info) {
  if (detail::looks_like_uuid(identity)) return identity;
  auto found = info(identity);
  if (!found) return std::move(found).error();
  return found->id;
}

}  // namespace

PipelineClient::PipelineClient(Client client, std::string id_or_name)
    : client_(std::move(client)), pipeline_(std::move(id_or_name)) {}

result<std::string> PipelineClient::pipeline_id() const {
  return resolve_id(pipeline_,
                    [&](std::string const& name) { return api::pipeline::info(client_, name); });
}

result<Pipeline> PipelineClient::info() const {
  return api::pipeline::info(client_, pipeline_);
}

Paged<PipelineCoupling> PipelineClient::couplings(ListOptions const& options) const {
  auto id = pipeline_id();
  if (!id) return Paged<PipelineCoupling>(std::move(id).error());
  return api::pipeline_coupling::list_by_pipeline(client_, *id, options);
}

Paged<PipelineRelease> PipelineClient::latest_releases(ListOptions const& options) const {
  auto id = pipeline_id();
  if (!id) return Paged<PipelineRelease>(std::move(id).error());
  return api::pipeline_release::list(client_, *id, options);
}

Paged<PipelineDeployment> PipelineClient::latest_deployments(ListOptions const& options) const {
  auto id = pipeline_id();
  if (!id) return Paged<PipelineDeployment>(std::move(id).error());
  return api::pipeline_deployment::list(client_, *id, options);
}

result<PipelinePromotion> PipelineClient::promote(std::string_view from_app,
                                                  std::vector<std::string> const& to_apps) const {
  if (to_apps.empty()) {
    return Error(ErrorKind::invalid_argument, "promote needs at least one target app");
  }
  auto app_id = [&](std::string const& app) {
    return resolve_id(app, [&](std::string const& name) { return api::app::info(client_, name); });
  };
  auto id = pipeline_id();
  if (!id) return std::move(id).error();
  auto source = app_id(std::string(from_app));
  if (!source) return std::move(source).error();

  api::pipeline_promotion::CreateParams params;
  params.pipeline.id = *id;
  params.source.app.emplace();
  params.source.app->id = *source;
  for (auto const& target : to_apps) {
    auto target_id = app_id(target);
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

result<PipelinePromotion> PipelineClient::promotion(std::string_view promotion_id) const {
  return api::pipeline_promotion::info(client_, promotion_id);
}

Paged<PipelinePromotionTarget> PipelineClient::promotion_targets(std::string_view promotion_id,
                                                                 ListOptions const& options) const {
  return api::pipeline_promotion_target::list(client_, promotion_id, options);
}

}  // namespace herokupp
