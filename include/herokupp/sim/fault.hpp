// Faults: deterministic misbehaviour the simulator can inject into its answers.
#ifndef HEROKUPP_SIM_FAULT_HPP
#define HEROKUPP_SIM_FAULT_HPP

#include <herokupp/export.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp::sim {

/// One way an answer can go wrong.
///
/// @par Example
/// @code
/// platform.inject(herokupp::sim::FaultKind::reset);   // the next request's connection is reset
/// @endcode
enum class FaultKind {
  none,
  error_500,       ///< a 500 `internal_server_error` answer instead of the real one
  error_503,       ///< a 503 `service_unavailable` answer instead of the real one
  reset,           ///< the connection is reset before any answer arrives
  truncated_body,  ///< the body stops halfway, shorter than its Content-Length
  malformed_json,  ///< a 200 whose body is not valid JSON
  slow_body,       ///< the body trickles out over `FaultOptions::slow_body_duration`
  error_429,       ///< a 429 `rate_limit` answer (with Retry-After) instead of the real one
};

/// "error_500", "reset"...
HEROKUPP_API std::string_view to_string(FaultKind kind) noexcept;
/// The kind named `name` ("reset", "truncated_body"; also "500", "503" and "429").
HEROKUPP_API std::optional<FaultKind> fault_kind_from_string(std::string_view name) noexcept;

/// Random faults, each with its own probability, drawn from a generator
/// seeded with `seed`: the same seed and the same sequence of requests give
/// the same faults. Errors (500, 503) are chosen before any behaviour runs,
/// so they change nothing; connection faults (reset, truncated or slow
/// bodies) strike after the request was carried out, as on a real network.
///
/// @par Example
/// @code
/// herokupp::sim::FaultOptions f;
/// f.seed = 42;
/// f.error_503_rate = 0.1;         // one answer in ten is a 503
/// f.latency = std::chrono::milliseconds(20);
/// platform.set_faults(f);
/// @endcode
struct FaultOptions {
  /// Seeds the generator drawing faults: the same seed and requests give the same faults.
  std::uint64_t seed = 0;
  std::chrono::milliseconds latency{0};  ///< added before every answer
  /// Share of answers replaced by a 500 (0 to 1).
  double error_500_rate = 0;
  /// Share of answers replaced by a 503.
  double error_503_rate = 0;
  /// Share of connections reset instead of answered.
  double reset_rate = 0;
  /// Share of answers whose body is cut short.
  double truncated_body_rate = 0;
  /// Share of answers whose body is not valid JSON.
  double malformed_json_rate = 0;
  /// Share of answers sent slowly, over slow_body_duration.
  double slow_body_rate = 0;
  /// Share of answers replaced by a 429 (rate limited), with a Retry-After header.
  double error_429_rate = 0;
  /// How long a slow answer takes to arrive.
  std::chrono::milliseconds slow_body_duration{2000};
  /// Only requests whose path starts with this are touched; empty: all.
  std::string path_prefix;

  /// True when no fault and no latency is configured.
  bool quiet() const noexcept {
    return latency.count() == 0 && error_500_rate <= 0 && error_503_rate <= 0 && reset_rate <= 0 &&
           truncated_body_rate <= 0 && malformed_json_rate <= 0 && slow_body_rate <= 0 &&
           error_429_rate <= 0;
  }
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_FAULT_HPP
