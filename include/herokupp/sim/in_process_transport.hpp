// InProcessTransport: a herokupp::Transport that calls a Platform directly.
#ifndef HEROKUPP_SIM_IN_PROCESS_TRANSPORT_HPP
#define HEROKUPP_SIM_IN_PROCESS_TRANSPORT_HPP

#include <herokupp/export.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/transport.hpp>

namespace herokupp::sim {

/// Sends requests straight to a Platform: no sockets, no threads, no
/// waiting. The scheme and host of the URL are ignored. Connection faults
/// become the Errors a network transport would return (reset → transport,
/// truncated body → transport, latency or a slow body beyond the request's
/// timeout → timeout); latency never sleeps.
///
/// The Platform must outlive the transport.
///
/// @par Example
/// @code
/// herokupp::sim::Platform platform;
/// herokupp::ClientOptions opts;
/// opts.api_key = platform.default_api_key();
/// opts.transport = std::make_shared<herokupp::sim::InProcessTransport>(platform);
/// herokupp::Client heroku{opts};
/// heroku.raw(herokupp::Method::post, "/apps", R"({"name":"my-app"})").value();
/// @endcode
class HEROKUPP_API InProcessTransport : public Transport {
 public:
  /// Sends to `platform`, which must outlive the transport.
  explicit InProcessTransport(Platform& platform) : platform_(platform) {}

  /// Hands the request to the Platform and delivers its answer, without a socket.
  result<HttpResponse> send(HttpRequest const& request) override;

 private:
  Platform& platform_;
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_IN_PROCESS_TRANSPORT_HPP
