#include "core/client_state.hpp"
#include "core/stages/stages.hpp"

namespace herokupp::detail {

namespace {
void add_unless_present(Headers& headers, char const* name, std::string const& value) {
  if (!headers.contains(name)) headers.add(name, value);
}
}  // namespace

result<HttpResponse> HeadersStage::send(Exchange& x, Next next) {
  Headers& h = x.request.headers;
  if (x.attempt == 1) {
    static std::string const accept = "application/vnd.heroku+json; version=3";
    static std::string const json = "application/json";
    add_unless_present(h, "Accept", accept);
    if (!state_.authorization.empty()) add_unless_present(h, "Authorization", state_.authorization);
    add_unless_present(h, "User-Agent", state_.user_agent);
    if (!x.request.body.empty()) add_unless_present(h, "Content-Type", json);
  }
  x.request_id = new_request_id();
  h.set("Request-Id", x.request_id);
  auto answer = next(x);
  if (answer) {
    if (auto id = answer.value().headers.get("Request-Id")) x.request_id = std::string(*id);
  } else if (answer.error().request_id.empty()) {
    answer.error().request_id = x.request_id;
  }
  if (x.context->on_request_id) x.context->on_request_id(x.request_id);
  return answer;
}

}  // namespace herokupp::detail
