// Server: the simulator over HTTP/1.1 on the loopback interface.
#ifndef HEROKUPP_SIM_SERVER_HPP
#define HEROKUPP_SIM_SERVER_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/sim/platform.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace herokupp::sim {

/// Where and how a Server listens.
///
/// @par Example
/// @code
/// herokupp::sim::ServerOptions opts;
/// opts.port = 0;        // any free port
/// opts.threads = 2;
/// @endcode
struct ServerOptions {
  std::uint16_t port = 0;  ///< 0: the system picks a free port
  int threads = 2;         ///< I/O threads; connections are served asynchronously
  /// Called once per answered request with "GET /apps/x 200 0.3ms" (never a
  /// header value or a body). Null: no access log.
  std::function<void(std::string const&)> access_log;
};

/// Serves a Platform over HTTP/1.1 with keep-alive on 127.0.0.1 (never on
/// another interface). Starts listening on construction, stops on `stop()`
/// or destruction. The Platform must outlive the Server.
///
/// @par Example
/// @code
/// herokupp::sim::Platform platform;
/// herokupp::sim::Server server{platform};
/// herokupp::ClientOptions opts;
/// opts.base_url = server.base_url();          // "http://127.0.0.1:41234"
/// opts.api_key = platform.default_api_key();
/// herokupp::Client heroku{opts};               // CurlTransport, real sockets
/// @endcode
class HEROKUPP_API Server {
 public:
  /// Binds and starts serving; throws herokupp::Exception (kind transport)
  /// when the port cannot be bound.
  explicit Server(Platform& platform, ServerOptions options = {});
  ~Server();
  Server(Server const&) = delete;
  Server& operator=(Server const&) = delete;

  /// "http://127.0.0.1:<port>".
  std::string base_url() const;
  /// The port listened on (the one chosen when ServerOptions::port was 0).
  std::uint16_t port() const noexcept;
  /// Stops accepting, closes every connection and joins the threads. Idempotent.
  void stop();
  /// Blocks until stop() is called from another thread (or a signal handler
  /// thread).
  void wait();

  /// The implementation (src/sim); not part of the API.
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_SERVER_HPP
