// PipelineClient: one pipeline and everything that hangs off it.
#ifndef HEROKUPP_CLIENTS_PIPELINE_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINE_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/clients/pipeline_couplings_client.hpp>
#include <herokupp/clients/pipeline_deployments_client.hpp>
#include <herokupp/clients/pipeline_promotions_client.hpp>
#include <herokupp/clients/pipeline_releases_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline.hpp>

#include <string>
#include <utility>

namespace herokupp {

/// A pipeline, by id or name. Cheap to copy; making one sends no request.
/// It has the shape of AppClient: what hangs off the pipeline is a
/// sub-client (couplings(), releases(), deployments(), promotions()). The
/// endpoints under a pipeline take its id, so a pipeline given by name costs
/// one Pipeline › Info request per call that needs the id.
///
/// @par Example
/// @code
/// auto pipeline = heroku.pipeline("shop");
/// for (auto const& c : pipeline.couplings().list()) if (c) std::cout << c->stage.raw << "\n";
/// auto promotion = pipeline.promotions().create("shop-staging", {"shop-production"});
/// if (promotion) {
///   auto targets = pipeline.promotions().targets(promotion->id).collect();
///   if (targets) std::cout << targets->size() << " targets\n";
/// }
/// @endcode
class HEROKUPP_API PipelineClient {
 public:
  /// The pipeline called `id_or_name`; Client::pipeline() is the usual way to get one.
  PipelineClient(Client client, std::string id_or_name)
      : client_(std::move(client)), pipeline_(std::move(id_or_name)) {}

  /// The name or id this client was made with.
  std::string const& identity() const noexcept { return pipeline_; }
  /// The Client requests go through (its options, clock and transport).
  Client const& client() const noexcept { return client_; }

  /// Pipeline › Info.
  result<Pipeline> info() const;

  /// The pipeline's apps and their stages.
  PipelineCouplingsClient couplings() const { return PipelineCouplingsClient(client_, pipeline_); }
  /// The latest release of each of the pipeline's apps.
  PipelineReleasesClient releases() const { return PipelineReleasesClient(client_, pipeline_); }
  /// The latest deployment of each of the pipeline's apps.
  PipelineDeploymentsClient deployments() const {
    return PipelineDeploymentsClient(client_, pipeline_);
  }
  /// Promotions: create one, follow it and its targets.
  PipelinePromotionsClient promotions() const {
    return PipelinePromotionsClient(client_, pipeline_);
  }

 private:
  Client client_;
  std::string pipeline_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINE_CLIENT_HPP
