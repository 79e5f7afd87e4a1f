// Internal: where the simulator accepts what the real API accepts although
// the schema's types say otherwise. Every leniency lives in the table in
// leniency.cpp, tied to the real client request that needs it.
#ifndef HEROKUPP_SRC_SIM_LENIENCY_HPP
#define HEROKUPP_SRC_SIM_LENIENCY_HPP

#include "route_table.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace herokupp::sim::detail {

/// How a value the schema would refuse is read instead.
enum class Coercion {
  integer_from_string,   ///< "2" is read as 2
  absent_if_null,        ///< a null where the schema wants a string is left out
  string_from_ref,       ///< {"name": "x"} (or {"id": "x"}) is read as "x"
  dyno_size_from_size,   ///< "size": "X" is read as "dyno_size": {"name": "X"}
  process_type_as_dyno,  ///< a dyno path parameter naming a process type means its dynos
};

/// One leniency of the real API.
struct Leniency {
  char const* resource;  ///< the link's resource ("formation")
  char const* title;     ///< and title ("Batch Update")
  char const* field;     ///< "updates[].quantity": `[]` walks every element of an array
  Coercion coercion;
  char const* client_request;  ///< the real request that needs it, for the docs and tests
};

/// The table of every leniency.
extern Leniency const kLeniencies[];
extern std::size_t const kLeniencyCount;

/// Rewrites `body`, a request to `link`, as the real API reads it; returns how
/// many values changed. Values that do not fit a coercion are left for the
/// validator to refuse.
std::size_t apply_leniencies(RouteLink const& link, nlohmann::json& body);

/// Whether the table lets `field` of a request to `link` be read `how`; for
/// leniencies of a path parameter, which the handler applies.
bool lenient(RouteLink const& link, std::string_view field, Coercion how);

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_LENIENCY_HPP
