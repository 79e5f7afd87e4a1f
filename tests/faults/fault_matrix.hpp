// The fault matrix's rows: every hand-written sub-client call, each with the
// request that carries its effect (the one a fault is injected into).
#ifndef HEROKUPP_TESTS_FAULTS_FAULT_MATRIX_HPP
#define HEROKUPP_TESTS_FAULTS_FAULT_MATRIX_HPP

#include <herokupp/herokupp.hpp>

#include <functional>
#include <string>
#include <vector>

namespace faults {

/// Ids a call needs that only exist once the fleet is loaded (found before
/// any fault is switched on).
struct Setup {
  std::string release_id;
  std::string build_id;
  std::string promotion_id;
  std::string dyno_name;
};

/// What a call gave: success and a summary to compare with the fault-free
/// run, or the Error.
struct Outcome {
  bool ok = false;
  std::string summary;
  herokupp::Error error;
};

struct Call {
  std::string name;         ///< "app.releases().list()"
  herokupp::Method method;  ///< of the request the fault hits
  std::string path;         ///< its path, also the fault's prefix
  std::function<Outcome(herokupp::Client const&, Setup const&)> run;
};

/// Every row of the matrix.
std::vector<Call> calls();

}  // namespace faults

#endif  // HEROKUPP_TESTS_FAULTS_FAULT_MATRIX_HPP
