// The stage after an app's in a pipeline: where a promotion goes by default.
#ifndef HEROKUPP_WORKFLOW_PIPELINE_STAGES_HPP
#define HEROKUPP_WORKFLOW_PIPELINE_STAGES_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow {

/// The names of the apps in the first stage after `from`'s in `pipeline`
/// (development -> staging -> production), as `heroku pipelines:promote`
/// picks them. An app outside the pipeline is not_found; an app in the last
/// stage is invalid_argument ("nothing downstream").
///
/// @par Example
/// @code
/// auto targets = herokupp::workflow::downstream_apps(heroku, "shop", "shop-staging");
/// if (targets) for (auto const& app : *targets) std::cout << app << "\n";
/// @endcode
HEROKUPP_API result<std::vector<std::string>> downstream_apps(Client const& client,
                                                              std::string_view pipeline,
                                                              std::string_view from);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_PIPELINE_STAGES_HPP
