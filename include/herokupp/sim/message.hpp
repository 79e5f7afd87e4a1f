// Request and Response: one HTTP exchange as the simulator's Platform sees it.
#ifndef HEROKUPP_SIM_MESSAGE_HPP
#define HEROKUPP_SIM_MESSAGE_HPP

#include <herokupp/sim/fault.hpp>
#include <herokupp/transport.hpp>

#include <chrono>
#include <string>

namespace herokupp::sim {

/// A request to the Platform: method, target (path and optional query, as on
/// the request line: "/apps/my-app/releases"), headers and body.
///
/// @par Example
/// @code
/// herokupp::sim::Request req;
/// req.method = herokupp::Method::get;
/// req.target = "/account";
/// req.headers.set("Accept", "application/vnd.heroku+json; version=3");
/// req.headers.set("Authorization", "Bearer " + platform.default_api_key());
/// herokupp::sim::Response res = platform.handle(req);
/// @endcode
struct Request {
  /// The request's method.
  Method method = Method::get;
  /// The path and query ("/apps/shop/releases?x=1").
  std::string target;
  /// The request's headers.
  Headers headers;
  /// The request's body.
  std::string body;
};

/// The Platform's answer, and how a transport must deliver it.
///
/// `fault` and `delay` are instructions for the transport (the in-process
/// one or the HTTP server): wait `delay` before answering, then deliver
/// normally, reset the connection, cut the body short, or send it slowly.
/// Faults that only change the answer (500, 503, malformed JSON) are already
/// applied to `status` and `body`.
///
/// @par Example
/// @code
/// // given: herokupp::sim::Request req
/// herokupp::sim::Response res = platform.handle(req);
/// if (res.fault == herokupp::sim::FaultKind::none) std::cout << res.status << " " << res.body;
/// @endcode
struct Response {
  /// The HTTP status.
  int status = 200;
  /// The answer's headers.
  Headers headers;
  /// The answer's body.
  std::string body;
  /// How the transport must deliver the answer.
  FaultKind fault = FaultKind::none;
  /// How long the transport waits before answering.
  std::chrono::milliseconds delay{0};
  /// For FaultKind::slow_body: how long sending the whole body should take.
  std::chrono::milliseconds slow_body_duration{0};
};

}  // namespace herokupp::sim

#endif  // HEROKUPP_SIM_MESSAGE_HPP
