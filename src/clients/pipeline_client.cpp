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

namespace {

// The listings under /pipelines/{id}: the pipeline's id first (a name costs
// one Pipeline Info), then the list.
template <class T, class List>
Paged<T> under_pipeline(Client const& client, std::string const& pipeline, List list) {
  auto id = detail::pipeline_id(client, pipeline);
  if (!id) return Paged<T>(std::move(id).error());
  return list(*id);
}

}  // namespace

Paged<PipelineCoupling> PipelineCouplingsClient::list(ListOptions const& options) const {
  return under_pipeline<PipelineCoupling>(client_, pipeline_, [&](std::string const& id) {
    return api::pipeline_coupling::list_by_pipeline(client_, id, options);
  });
}

Paged<PipelineRelease> PipelineReleasesClient::list(ListOptions const& options) const {
  return under_pipeline<PipelineRelease>(client_, pipeline_, [&](std::string const& id) {
    return api::pipeline_release::list(client_, id, options);
  });
}

Paged<PipelineDeployment> PipelineDeploymentsClient::list(ListOptions const& options) const {
  return under_pipeline<PipelineDeployment>(client_, pipeline_, [&](std::string const& id) {
    return api::pipeline_deployment::list(client_, id, options);
  });
}

}  // namespace herokupp
