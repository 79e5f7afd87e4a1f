// Promote: the source app's slug to downstream apps of a pipeline.
#ifndef HEROKUPP_OPS_PROMOTE_HPP
#define HEROKUPP_OPS_PROMOTE_HPP

#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/models/pipeline_promotion.hpp>
#include <herokupp/ops/wait.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// How promote waits; it waits by default.
///
/// @par Example
/// @code
/// herokupp::ops::PromoteOptions o;
/// o.wait.timeout = std::chrono::minutes(20);
/// @endcode
struct PromoteOptions {
  /// Waiting for the targets' releases; on unless turned off.
  WaitOptions wait = [] {
    WaitOptions w;
    w.enabled = true;
    return w;
  }();
};

/// How one target app fared.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::PromoteResult> result
/// for (auto const& t : result->targets)
///   if (t.status == "failed") std::cerr << t.app << ": " << t.error_message.value_or("") << "\n";
/// @endcode
struct PromotionOutcome {
  std::string app;  ///< the name as given, or the app's id
  /// The target app's id.
  std::string app_id;
  std::string status;  ///< "succeeded", "failed", "pending"...
  /// Why the target failed, as the API says it; none when it did not.
  std::optional<std::string> error_message;
  std::optional<std::string> release_id;  ///< the release created on the target
};

/// What a promotion did.
///
/// @par Example
/// @code
/// auto p = herokupp::ops::promote(heroku.pipeline("shop"), "shop-staging", {"shop"});
/// if (p) for (auto const& t : p->targets) std::cout << t.app << ": " << t.status << "\n";
/// @endcode
struct PromoteResult {
  /// The promotion as the API answered it.
  PipelinePromotion promotion;
  std::string slug_id;                    ///< the slug promoted
  bool completed = false;                 ///< false when not waited for
  std::vector<PromotionOutcome> targets;  ///< in the order given
  /// True when every target succeeded.
  bool succeeded() const {
    if (!completed) return false;
    for (auto const& t : targets) {
      if (t.status != "succeeded") return false;
    }
    return true;
  }
};

/// Promotes the current release of `from_app` to `targets` (names or ids of
/// apps in the same pipeline). Refused with precondition_failed, before
/// anything is created, when a target already runs the source's slug or the
/// source has none; not_found when an app is not in the pipeline. Then
/// creates the promotion, waits for it (see PromoteOptions) and returns each
/// target's outcome.
///
/// @par Example
/// @code
/// auto p = herokupp::ops::promote(heroku.pipeline("shop"), "shop-staging", {"shop"});
/// if (!p) std::cerr << herokupp::ops::explain(p.error()) << "\n";
/// else if (!p->succeeded()) std::cerr << "some targets failed\n";
/// @endcode
HEROKUPP_API result<PromoteResult> promote(PipelineClient const& pipeline,
                                           std::string_view from_app,
                                           std::vector<std::string> const& targets,
                                           PromoteOptions const& options = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_PROMOTE_HPP
