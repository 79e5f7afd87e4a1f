// The simulator: a faithful local Heroku Platform API (library herokupp::sim).
#ifndef HEROKUPP_SIM_HPP
#define HEROKUPP_SIM_HPP

#include <herokupp/sim/clock.hpp>
#include <herokupp/sim/fault.hpp>
#include <herokupp/sim/in_process_transport.hpp>
#include <herokupp/sim/message.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>
#include <herokupp/sim/virtual_time.hpp>

#endif  // HEROKUPP_SIM_HPP
