#include <herokupp/sim/in_process_transport.hpp>

namespace herokupp::sim {

namespace {

std::string target_of(std::string const& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return url.empty() ? "/" : url;
  auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? "/" : url.substr(path);
}

Error network_error(ErrorKind kind, char const* id, std::string message) {
  Error e(kind, std::move(message));
  e.id = id;
  return e;
}

}  // namespace

result<HttpResponse> InProcessTransport::send(HttpRequest const& request) {
  Request req;
  req.method = request.method;
  req.target = target_of(request.url);
  req.headers = request.headers;
  req.body = request.body;
  Response res = platform_.handle(req);

  if (res.delay > request.timeout) {
    return network_error(ErrorKind::timeout, "timeout", "timed out: no answer within the timeout");
  }
  switch (res.fault) {
    case FaultKind::reset:
      return network_error(ErrorKind::transport, "connection_reset",
                           "the connection broke: connection reset by peer");
    case FaultKind::truncated_body:
      return network_error(ErrorKind::transport, "incomplete_response",
                           "the answer was cut short: transfer closed with outstanding read data");
    case FaultKind::slow_body:
      if (res.delay + res.slow_body_duration > request.timeout) {
        return network_error(ErrorKind::timeout, "timeout",
                             "timed out: the answer did not arrive within the timeout");
      }
      break;
    default:
      break;
  }
  HttpResponse out;
  out.status = res.status;
  out.headers = std::move(res.headers);
  out.headers.set("Content-Length", std::to_string(res.body.size()));
  if (request.method != Method::head) out.body = std::move(res.body);
  return out;
}

}  // namespace herokupp::sim
