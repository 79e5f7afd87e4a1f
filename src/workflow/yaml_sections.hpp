// Internal: the hygiene and notices sections of an environments file.
#ifndef HEROKUPP_SRC_WORKFLOW_YAML_SECTIONS_HPP
#define HEROKUPP_SRC_WORKFLOW_YAML_SECTIONS_HPP

#include <herokupp/ops/hygiene_rules.hpp>
#include <herokupp/workflow/notice_sinks.hpp>

#include <yaml-cpp/yaml.h>

namespace herokupp::workflow::detail {

/// The `hygiene` section, read by ops::HygieneRules::from_json.
result<ops::HygieneRules> read_hygiene(YAML::Node const& node);
/// The `notices` section, read by NoticeSinks::from_json.
result<NoticeSinks> read_notices(YAML::Node const& node);

}  // namespace herokupp::workflow::detail

#endif  // HEROKUPP_SRC_WORKFLOW_YAML_SECTIONS_HPP
