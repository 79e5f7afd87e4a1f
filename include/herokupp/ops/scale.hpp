// Scale: change how many dynos of a process type run, and their size.
#ifndef HEROKUPP_OPS_SCALE_HPP
#define HEROKUPP_OPS_SCALE_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// The change wanted for one process type; what is unset stays as it is.
///
/// @par Example
/// @code
/// herokupp::ops::ScaleRequest web{"web", 2, "standard-1x"};
/// herokupp::ops::ScaleRequest worker{"worker", 0, std::nullopt};
/// @endcode
struct ScaleRequest {
  /// The process type ("web").
  std::string type;
  /// How many dynos; none: unchanged.
  std::optional<std::int64_t> quantity;
  /// The dyno size; none: unchanged.
  std::optional<std::string> size;
};

/// Limits scale() checks before sending anything.
///
/// @par Example
/// @code
/// herokupp::ops::ScaleOptions o;
/// o.max_quantity = 10;
/// @endcode
struct ScaleOptions {
  /// The most dynos one request may ask for per process type.
  std::int64_t max_quantity = 100;
  /// Dyno sizes accepted (lower case); empty: known_dyno_sizes().
  std::vector<std::string> sizes;
};

/// The dyno sizes scale() accepts by default, lower case.
HEROKUPP_API std::vector<std::string> const& known_dyno_sizes();

/// Parses the command-line form: "web=2", "web=2:standard-1x",
/// "web=standard-2x", several separated by spaces or commas
/// ("web=2 worker=1:performance-m"). Only the syntax is checked here.
///
/// @par Example
/// @code
/// auto reqs = herokupp::ops::parse_scale("web=2:standard-1x worker=0");
/// assert(reqs && reqs->size() == 2 && reqs->at(0).quantity == 2);
/// @endcode
HEROKUPP_API result<std::vector<ScaleRequest>> parse_scale(std::string_view spec);

/// One process type before and after.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::ScaleResult> result
/// herokupp::ops::ScaleChange const& c = result->changes.front();
/// std::cout << c.type << " " << c.size_before << " -> " << c.size_after << "\n";
/// @endcode
struct ScaleChange {
  /// The process type.
  std::string type;
  /// Dynos before the change.
  std::int64_t quantity_before{};
  /// Dynos after the change.
  std::int64_t quantity_after{};
  /// Dyno size before the change.
  std::string size_before;
  /// Dyno size after the change.
  std::string size_after;
};

/// What a scale did.
///
/// @par Example
/// @code
/// // given: herokupp::result<herokupp::ops::ScaleResult> result
/// for (auto const& c : result->changes)
///   std::cout << c.type << ": " << c.quantity_before << " -> " << c.quantity_after << "\n";
/// @endcode
struct ScaleResult {
  /// The app that was scaled.
  std::string app;
  /// One entry per process type asked for.
  std::vector<ScaleChange> changes;
};

/// Scales process types in one Formation › Batch Update. Quantities must be
/// 0..max_quantity (at most 1 for eco, basic, free and hobby dynos), sizes
/// known, and every type present in the app's formation; otherwise nothing
/// is sent and the Error says why.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::scale(app, {{"web", 2, "standard-1x"}, {"worker", 1, std::nullopt}});
/// @endcode
HEROKUPP_API result<ScaleResult> scale(AppClient const& app,
                                       std::vector<ScaleRequest> const& requests,
                                       ScaleOptions const& options = {});

/// Same, from the command-line form.
///
/// @par Example
/// @code
/// auto r = herokupp::ops::scale(heroku.app("shop"), "web=2:standard-1x");
/// @endcode
HEROKUPP_API result<ScaleResult> scale(AppClient const& app, std::string_view spec,
                                       ScaleOptions const& options = {});

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_SCALE_HPP
