// Internal: the per-app checks of ops::hygiene, and what they share.
#ifndef HEROKUPP_SRC_OPS_HYGIENE_CHECKS_HPP
#define HEROKUPP_SRC_OPS_HYGIENE_CHECKS_HPP

#include <herokupp/client.hpp>
#include <herokupp/models/app.hpp>
#include <herokupp/ops/hygiene.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace herokupp::ops::detail {

/// What the first pass learnt about one visible app.
struct HygieneFacts {
  App app;
  std::string pipeline_id;  ///< empty: not in a pipeline
  std::string stage;        ///< "staging", "production"... (raw)
};

/// What every app's checks share, read once per run.
struct HygieneContext {
  HygieneContext(Client c, HygieneRules r) : client(std::move(c)), rules(std::move(r)) {}
  Client client;
  HygieneRules rules;
  Timestamp now;
  std::string expected_owner;                       ///< the rules' owner, else the scope's team
  bool stacks_known = false;                        ///< false: the stack list could not be read
  std::string stacks_error;                         ///< why not
  std::map<std::string, std::string> stack_states;  ///< stack name -> state
  std::string default_stack;                        ///< the API's default stack
  /// pipeline id -> stage -> app names, for the unpromoted-code rule.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> stages;
  std::map<std::string, std::string> pipeline_names;  ///< pipeline id -> name
};

/// The findings for one app; an Error when a check could not be made.
result<std::vector<HygieneFinding>> check_app(HygieneContext const& context,
                                              HygieneFacts const& facts);

/// The stage a stage's apps are promoted from, among those `stages` has apps
/// for ("production" -> "staging", else "development"); empty if none.
std::string upstream_stage(std::map<std::string, std::vector<std::string>> const& stages,
                           std::string const& stage);

}  // namespace herokupp::ops::detail

#endif  // HEROKUPP_SRC_OPS_HYGIENE_CHECKS_HPP
