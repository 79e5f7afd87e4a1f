// Internal: the shape of the tables tools/codegen/sim_tables.py generates from
// the Platform API schema (src/sim/generated/routes.cpp).
#ifndef HEROKUPP_SRC_SIM_ROUTE_TABLE_HPP
#define HEROKUPP_SRC_SIM_ROUTE_TABLE_HPP

#include <herokupp/transport.hpp>

#include <cstddef>
#include <iterator>

namespace herokupp::sim::detail {

/// JSON types a schema node accepts, as bits; a node with no bits accepts any.
enum JsonTypeBits : unsigned {
  kNull = 1U << 0,
  kBoolean = 1U << 1,
  kInteger = 1U << 2,
  kNumber = 1U << 3,
  kString = 1U << 4,
  kArray = 1U << 5,
  kObject = 1U << 6,
};

inline constexpr int kAnyAdditional = -1;  ///< additionalProperties absent or true
inline constexpr int kNoAdditional = -2;   ///< additionalProperties: false

/// One request-schema node, flattened; ranges index the arrays of RouteTables.
struct SchemaNode {
  unsigned types;
  int items;       ///< node of array items, or -1
  int additional;  ///< kAnyAdditional, kNoAdditional or a node
  int first_property, property_count;
  int first_required, required_count;
  int first_pattern, pattern_count;
  int first_enum, enum_count;
  int first_alternative, alternative_count;  ///< anyOf / oneOf
  char const* pattern;                       ///< a string value's pattern, or nullptr
};

/// A named property (or, in the pattern table, a property-name pattern).
struct SchemaProperty {
  char const* name;
  int node;
};

/// One link of the schema: an endpoint.
struct RouteLink {
  char const* resource;  ///< "app", "pipeline-promotion"
  char const* title;     ///< "Info", "Rollback"
  Method method;
  char const* href;  ///< "/apps/{app_identity}/releases/{release_identity}"
  char const* rel;   ///< "self", "instances", "create"...
  int body;          ///< the request body's node, or -1
  bool list;         ///< rel is "instances": a paged list
};

struct RouteTables {
  RouteLink const* links;
  std::size_t link_count;
  SchemaNode const* nodes;
  std::size_t node_count;
  SchemaProperty const* properties;
  char const* const* required;
  SchemaProperty const* pattern_properties;
  char const* const* enum_values;  ///< JSON text of each value
  int const* alternatives;
};

/// The tables generated from the schema.
RouteTables const& generated_route_tables();

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_ROUTE_TABLE_HPP
