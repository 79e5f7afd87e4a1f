// virtual_time: a Client that keeps time on the simulator's VirtualClock.
#ifndef HEROKUPP_SIM_VIRTUAL_TIME_HPP
#define HEROKUPP_SIM_VIRTUAL_TIME_HPP

#include <herokupp/client.hpp>
#include <herokupp/export.hpp>
#include <herokupp/sim/clock.hpp>

#include <memory>

namespace herokupp::sim {

/// Makes `options` keep time on `clock`: `now` reads it and `sleep` advances
/// it, so that retries, throttling and every wait built on the Client (ops'
/// polls take the Client's clock when their own is left empty) pass in
/// virtual time, and a test or a demo never sleeps for real. Returns
/// `options`, for chaining.
///
/// @par Example
/// @code
/// auto clock = std::make_shared<herokupp::sim::VirtualClock>();
/// herokupp::sim::PlatformOptions sim_options;
/// sim_options.clock = clock;
/// herokupp::sim::Platform platform{sim_options};
/// herokupp::ClientOptions options;
/// options.api_key = platform.default_api_key();
/// options.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
/// herokupp::Client heroku{herokupp::sim::keep_time_on(clock, options)};
/// @endcode
HEROKUPP_API ClientOptions& keep_time_on(std::shared_ptr<VirtualClock> clock,
                                         ClientOptions& options);

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_VIRTUAL_TIME_HPP
