// PipelineDeploymentsClient: the latest deployment of each app of one pipeline.
#ifndef HEROKUPP_CLIENTS_PIPELINE_DEPLOYMENTS_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINE_DEPLOYMENTS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline_deployment.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <utility>

namespace herokupp {

/// The latest deployment of each app in one pipeline. Obtained from
/// PipelineClient::deployments().
///
/// @par Example
/// @code
/// for (auto const& d : heroku.pipeline("shop").deployments().list()) {
///   if (d) std::cout << d->app.name << " v" << d->version << "\n";
/// }
/// @endcode
class HEROKUPP_API PipelineDeploymentsClient {
 public:
  /// The latest deployments of `pipeline` (a name or id).
  PipelineDeploymentsClient(Client client, std::string pipeline)
      : client_(std::move(client)), pipeline_(std::move(pipeline)) {}

  /// Pipeline Deployment › List.
  Paged<PipelineDeployment> list(ListOptions const& options = {}) const;

 private:
  Client client_;
  std::string pipeline_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINE_DEPLOYMENTS_CLIENT_HPP
