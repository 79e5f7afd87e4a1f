#include "core/endpoint.hpp"

namespace herokupp::detail {

Error with_response_context(Error error, HttpResponse const& response) {
  error.http_status = response.status;
  if (auto id = response.headers.get("Request-Id")) error.request_id = std::string(*id);
  return error;
}

result<void> call_void(Client const& client, Method method, result<std::string> path,
                       std::string const* body) {
  if (!path) return std::move(path).error();
  ApiRequest request;
  request.method = method;
  request.path = std::move(path).value();
  request.body = body;
  auto response = ClientAccess::send(client, request);
  if (!response) return std::move(response).error();
  return success();
}

result<HttpResponse> fetch_page(Client const& client, std::string const& path,
                                std::string const& range) {
  ApiRequest request;
  request.method = Method::get;
  request.path = path;
  request.range = &range;
  return ClientAccess::send(client, request);
}

std::optional<std::string> next_range_of(HttpResponse const& response) {
  if (response.status != 206) return std::nullopt;
  auto next = response.headers.get("Next-Range");
  if (!next || next->empty()) return std::nullopt;
  return std::string(*next);
}

}  // namespace herokupp::detail
