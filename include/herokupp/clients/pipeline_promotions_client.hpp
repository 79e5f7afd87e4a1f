// PipelinePromotionsClient: promoting one pipeline's code, and following it.
#ifndef HEROKUPP_CLIENTS_PIPELINE_PROMOTIONS_CLIENT_HPP
#define HEROKUPP_CLIENTS_PIPELINE_PROMOTIONS_CLIENT_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline_promotion.hpp>
#include <herokupp/models/pipeline_promotion_target.hpp>
#include <herokupp/paging.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herokupp {

/// The promotions of one pipeline. Obtained from PipelineClient::promotions().
/// App names given to create() are resolved to ids with one App › Info each.
///
/// @par Example
/// @code
/// auto promotions = heroku.pipeline("shop").promotions();
/// auto promotion = promotions.create("shop-staging", {"shop-production"});
/// if (promotion) {
///   for (auto const& t : promotions.targets(promotion->id)) {
///     if (t) std::cout << t->status.raw << "\n";
///   }
/// }
/// @endcode
class HEROKUPP_API PipelinePromotionsClient {
 public:
  /// The promotions of `pipeline` (a name or id).
  PipelinePromotionsClient(Client client, std::string pipeline)
      : client_(std::move(client)), pipeline_(std::move(pipeline)) {}

  /// Pipeline Promotion › Create: promotes the current release of `from_app`
  /// to each of `to_apps` (names or ids). An empty target list, or a target
  /// that is the source, is an invalid_argument before any request.
  result<PipelinePromotion> create(std::string_view from_app,
                                   std::vector<std::string> const& to_apps) const;
  /// Pipeline Promotion › Info.
  result<PipelinePromotion> info(std::string_view promotion_id) const;
  /// Pipeline Promotion Target › List: one entry per target app, with its status.
  Paged<PipelinePromotionTarget> targets(std::string_view promotion_id,
                                         ListOptions const& options = {}) const;

 private:
  Client client_;
  std::string pipeline_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CLIENTS_PIPELINE_PROMOTIONS_CLIENT_HPP
