// Internal: sorting and paging a list answer by the request's Range header.
#ifndef HEROKUPP_SRC_SIM_RANGE_PAGING_HPP
#define HEROKUPP_SRC_SIM_RANGE_PAGING_HPP

#include <herokupp/sim/message.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::sim::detail {

/// One parsed Range header: "id ]abc..; max=10, order=desc".
struct RangeSpec {
  std::string field;
  std::optional<std::string> start;
  bool start_exclusive = false;
  std::optional<std::string> end;
  int max = 200;
  bool descending = false;
};

/// Parses a Range header into `spec`; false when it is not a Range.
bool parse_range(std::string_view text, RangeSpec& spec);

/// Sorts `items` (an array) by `fields` as `range` asks (the first field when
/// `range` is absent or blank), and writes one page into `res`: the body,
/// Accept-Ranges, Content-Range, and a 206 with Next-Range when more remain.
/// Returns false, with a 416 in `res`, when the Range is malformed or sorts
/// by a field the list does not accept.
bool page_list(nlohmann::json& items, std::vector<std::string> const& fields,
               std::optional<std::string_view> range, Response& res);

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_RANGE_PAGING_HPP
