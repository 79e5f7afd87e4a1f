// PipelineClient: one pipeline, its couplings, latest releases and promotions.
#ifndef HEROKUPP_CLIENTS_PIPELINE_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINE_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline.hpp>
#include <herokupp/models/pipeline_coupling.hpp>
#include <herokupp/models/pipeline_deployment.hpp>
#include <herokupp/models/pipeline_promotion.hpp>
#include <herokupp/models/pipeline_promotion_target.hpp>
#include <herokupp/models/pipeline_release.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace herokupp {

/// A pipeline, by id or name. Endpoints that need the pipeline's id resolve
/// a name with one Pipeline › Info first; app names given to promote() are
/// resolved to ids the same way.
///
/// @par Example
/// @code
/// auto pipeline = heroku.pipeline("shop");
/// for (auto const& c : pipeline.couplings()) if (c) std::cout << c->stage.raw << "\n";
/// auto promotion = pipeline.promote("shop-staging", {"shop-production"});
/// auto targets = pipeline.promotion_targets(promotion->id).collect();
/// @endcode
class HEROKUPP_API PipelineClient {
 public:
  /// The pipeline called `id_or_name`; Client::pipeline() is the usual way to get one.
  PipelineClient(Client client, std::string id_or_name);

  /// The name or id this client was made with.
  std::string const& identity() const noexcept { return pipeline_; }
  /// The Client requests go through (its options, clock and transport).
  Client const& client() const noexcept { return client_; }

  /// Pipeline › Info.
  result<Pipeline> info() const;
  /// Pipeline Coupling › List By Pipeline: the apps and their stages.
  Paged<PipelineCoupling> couplings(ListOptions const& options = {}) const;
  /// Pipeline Release › List: the latest release of each app.
  Paged<PipelineRelease> latest_releases(ListOptions const& options = {}) const;
  /// Pipeline Deployment › List: the latest deployment of each app.
  Paged<PipelineDeployment> latest_deployments(ListOptions const& options = {}) const;
  /// Pipeline Promotion › Create: promotes the current release of `from_app`
  /// to each of `to_apps` (names or ids).
  result<PipelinePromotion> promote(std::string_view from_app,
                                    std::vector<std::string> const& to_apps) const;
  /// Pipeline Promotion › Info.
  result<PipelinePromotion> promotion(std::string_view promotion_id) const;
  /// Pipeline Promotion Target › List.
  Paged<PipelinePromotionTarget> promotion_targets(std::string_view promotion_id,
                                                   ListOptions const& options = {}) const;

 private:
  result<std::string> pipeline_id() const;

  Client client_;
  std::string pipeline_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINE_CLIENT_HPP
