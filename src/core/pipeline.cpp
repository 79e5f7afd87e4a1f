// The Client's request path: the one place where the stages are put in order.
#include <herokupp/stage.hpp>

#include "core/client_state.hpp"
#include "core/stages/stages.hpp"

namespace herokupp {

result<HttpResponse> Next::operator()(Exchange& exchange) const {
  if (position_ == end_) {
    return Error(ErrorKind::invalid_argument, "the request path ended before a transport");
  }
  return (*position_)->send(exchange, Next(position_ + 1, end_));
}

namespace detail {

std::vector<std::shared_ptr<Stage>> compose(ClientState const& state) {
  auto const& o = state.options;
  std::vector<std::shared_ptr<Stage>> stages;
  // Outside the retries: one lookup, and a 304 is served whichever attempt got it.
  stages.push_back(std::make_shared<CacheStage>(o.cache, state.account_digest));
  stages.push_back(std::make_shared<RetryStage>(state));
  // Per attempt, from here on: a fresh Request-Id for each.
  stages.push_back(std::make_shared<HeadersStage>(state));
  // Pacing before the clock of the log starts: a record's duration is the
  // exchange itself, not the wait for budget.
  stages.push_back(std::make_shared<ThrottleStage>(o.throttle, o.rate_limit_remaining));
  if (o.logger) stages.push_back(std::make_shared<LogStage>(o.logger));
  for (auto const& extra : o.extra_stages) {
    if (extra) stages.push_back(extra);
  }
  stages.push_back(std::make_shared<TransportStage>(o.transport));
  return stages;
}

}  // namespace detail
}  // namespace herokupp
