// Internal: checks request bodies against the schema nodes of the generated tables.
#ifndef HEROKUPP_SRC_SIM_VALIDATOR_HPP
#define HEROKUPP_SRC_SIM_VALIDATOR_HPP

#include "route_table.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

namespace herokupp::sim::detail {

/// A draft-04 subset, enough for the Platform API's request schemas: type
/// (with null), properties, required, enum, items, anyOf/oneOf,
/// additionalProperties, patternProperties and string patterns.
class Validator {
 public:
  explicit Validator(RouteTables const& tables);

  /// Nothing when `value` matches `node`; else a message naming the field
  /// ("`source_blob.url` must be a string, not a number").
  std::optional<std::string> check(int node, nlohmann::json const& value) const;

  /// The property names a node declares (to pick among links that share a route).
  std::vector<std::string> property_names(int node) const;

 private:
  bool matches(int node, nlohmann::json const& value, std::string const& path,
               std::string& error) const;
  std::regex const* regex_for(char const* pattern) const;

  RouteTables const& tables_;
  std::vector<nlohmann::json> enums_;
  std::unordered_map<char const*, std::regex> regexes_;
};

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_VALIDATOR_HPP
