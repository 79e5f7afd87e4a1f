#include <herokupp/sim/fault.hpp>

namespace herokupp::sim {

std::string_view to_string(FaultKind kind) noexcept {
  switch (kind) {
    case FaultKind::none:
      return "none";
    case FaultKind::error_500:
      return "error_500";
    case FaultKind::error_503:
      return "error_503";
    case FaultKind::reset:
      return "reset";
    case FaultKind::truncated_body:
      return "truncated_body";
    case FaultKind::malformed_json:
      return "malformed_json";
    case FaultKind::slow_body:
      return "slow_body";
    case FaultKind::error_429:
      return "error_429";
  }
  return "none";
}

std::optional<FaultKind> fault_kind_from_string(std::string_view name) noexcept {
  if (name == "500") return FaultKind::error_500;
  if (name == "503") return FaultKind::error_503;
  if (name == "429") return FaultKind::error_429;
  if (name == "truncated" || name == "truncate") return FaultKind::truncated_body;
  if (name == "malformed") return FaultKind::malformed_json;
  if (name == "slow") return FaultKind::slow_body;
  for (auto kind : {FaultKind::none, FaultKind::error_500, FaultKind::error_503, FaultKind::reset,
                    FaultKind::truncated_body, FaultKind::malformed_json, FaultKind::slow_body,
                    FaultKind::error_429}) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace herokupp::sim
