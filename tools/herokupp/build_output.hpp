// A deploy's build output (output_stream_url) on stderr as the build runs,
// with config values masked and control characters dropped.
#ifndef HEROKUPP_TOOLS_HEROKUPP_BUILD_OUTPUT_HPP
#define HEROKUPP_TOOLS_HEROKUPP_BUILD_OUTPUT_HPP

#include "context.hpp"

#include <herokupp/models/build.hpp>

#include <memory>
#include <string>
#include <vector>

namespace herokupp::cli {

/// Follows one build's output. Each call with the build (created, then
/// polled) fetches the output and prints the complete lines not yet printed;
/// once the build has finished, the rest. The output URL is fetched without
/// the API key (it is a signed URL on another host) and only over https, or
/// http to a loopback address.
class BuildOutput {
 public:
  explicit BuildOutput(Context& c);
  void operator()(Build const& build);

 private:
  std::string masked(std::string line);
  void load_values(std::string const& app);

  Context& c_;
  std::shared_ptr<Transport> transport_;
  std::vector<std::string> values_;  // the app's config values, longest first
  bool values_loaded_ = false;
  std::size_t printed_ = 0;  // bytes of the output already printed
  bool done_ = false;
};

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_BUILD_OUTPUT_HPP
