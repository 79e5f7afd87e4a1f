#include <herokupp/api/pipeline.hpp>
#include <herokupp/api/pipeline_coupling.hpp>
#include <herokupp/api/pipeline_deployment.hpp>
#include <herokupp/api/pipeline_promotion.hpp>
#include <herokupp/api/pipeline_promotion_target.hpp>
#include <herokupp/api/pipeline_release.hpp>
#include <herokupp/clients/pipeline_client.hpp>

#include "clients/resolve_id.hpp"

namespace herokupp {

result<Pipeline> PipelineClient::info() const {
  return api::pipeline::info(client_, pipeline_);
}

Paged<PipelineCoupling> PipelineCouplingsClient::list(ListOptions const& options) const {
  auto id = detail::pipeline_id(client_, pipeline_);
  if (!id) return Paged<PipelineCoupling>(std::move(id).error());
  return api::pipeline_coupling::list_by_pipeline(client_, *id, options);
}

Paged<PipelineRelease> PipelineReleasesClient::list(ListOptions const& options) const {
  auto id = detail::pipeline_id(client_, pipeline_);
  if (!id) return Paged<PipelineRelease>(std::move(id).error());
  return api::pipeline_release::list(client_, *id, options);
}

Paged<PipelineDeployment> PipelineDeploymentsClient::list(ListOptions const& options) const {
  auto id = detail::pipeline_id(client_, pipeline_);
  if (!id) return Paged<PipelineDeployment>(std::move(id).error());
  return api::pipeline_deployment::list(client_, *id, options);
}

}  // namespace herokupp
