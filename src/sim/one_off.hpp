// Internal: what a simulated one-off dyno prints.
#ifndef HEROKUPP_SRC_SIM_ONE_OFF_HPP
#define HEROKUPP_SRC_SIM_ONE_OFF_HPP

#include "state.hpp"

#include <string>
#include <vector>

namespace herokupp::sim::detail {

/// The lines a one-off dyno running `command` writes to the app's log
/// (as `app[run.N]`), ending the way exit status `status` says. A failing
/// migration names the database it could not reach, as Rails does, so a
/// client that shows the output raw would leak DATABASE_URL: the test of
/// the masking that must happen before output reaches a person.
std::vector<std::string> one_off_output(std::string const& command, int status,
                                        Config const& config);

}  // namespace herokupp::sim::detail

#endif  // HEROKUPP_SRC_SIM_ONE_OFF_HPP
