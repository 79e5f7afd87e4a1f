#include <herokupp/testing/mock_transport.hpp>

namespace herokupp::testing {

namespace {
std::string route_key(Method method, std::string_view path) {
  return std::string(to_string(method)) + " " + std::string(path);
}
}  // namespace

std::string path_of(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    auto slash = url.find('/', scheme + 3);
    url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
  }
  auto query = url.find('?');
  if (query != std::string_view::npos) url = url.substr(0, query);
  return std::string(url.empty() ? "/" : url);
}

MockTransport& MockTransport::on(Method method, std::string path, HttpResponse response) {
  return on(
      method, std::move(path),
      Handler([r = std::move(response)](HttpRequest const&) -> result<HttpResponse> { return r; }));
}

MockTransport& MockTransport::on(Method method, std::string path, Error error) {
  return on(
      method, std::move(path),
      Handler([e = std::move(error)](HttpRequest const&) -> result<HttpResponse> { return e; }));
}

MockTransport& MockTransport::on(Method method, std::string path, Handler handler) {
  std::lock_guard<std::mutex> guard(mutex_);
  script_[route_key(method, path)].push_back(std::move(handler));
  return *this;
}

result<HttpResponse> MockTransport::send(HttpRequest const& request) {
  Handler handler;
  std::string key = route_key(request.method, path_of(request.url));
  {
    std::lock_guard<std::mutex> guard(mutex_);
    requests_.push_back(request);
    auto it = script_.find(key);
    if (it == script_.end() || it->second.empty()) {
      unexpected_.push_back(key);
      // Kind unknown, so the Client does not retry it: one call, one entry.
      Error e(ErrorKind::unknown, "MockTransport: nothing scripted for " + key);
      e.id = "unexpected_request";
      return e;
    }
    std::size_t& served = served_[key];
    handler = it->second[std::min(served, it->second.size() - 1)];
    ++served;
  }
  return handler(request);
}

std::vector<HttpRequest> MockTransport::requests() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return requests_;
}

std::vector<std::string> MockTransport::unexpected() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return unexpected_;
}

std::size_t MockTransport::request_count() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return requests_.size();
}

void MockTransport::reset() {
  std::lock_guard<std::mutex> guard(mutex_);
  script_.clear();
  served_.clear();
  requests_.clear();
  unexpected_.clear();
}

HttpResponse MockTransport::json(int status, std::string body, Headers headers) {
  HttpResponse r;
  r.status = status;
  r.headers = std::move(headers);
  if (!r.headers.contains("Content-Type")) r.headers.set("Content-Type", "application/json");
  r.body = std::move(body);
  return r;
}

}  // namespace herokupp::testing
