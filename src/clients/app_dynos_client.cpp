#include <herokupp/api/dyno.hpp>
#include <herokupp/clients/app_dynos_client.hpp>

namespace herokupp {

namespace {
// Restart and stop answer with an empty object; callers only need success.
template <class R>
result<void> discard_value(R&& r) {
  if (!r) return std::forward<R>(r).error();
  return success();
}
}  // namespace

Paged<Dyno> AppDynosClient::list(ListOptions const& options) const {
  return api::dyno::list(client_, app_, options);
}

result<Dyno> AppDynosClient::info(std::string_view dyno) const {
  return api::dyno::info(client_, app_, dyno);
}

result<Dyno> AppDynosClient::run(RunOptions const& options) const {
  if (options.command.empty()) {
    return Error(ErrorKind::invalid_argument, "RunOptions.command must not be empty");
  }
  api::dyno::CreateParams params;
  params.command = options.command;
  params.attach = options.attach;
  params.size = options.size;
  params.time_to_live = options.time_to_live;
  params.type = options.type;
  if (!options.env.empty()) params.env.emplace(options.env.begin(), options.env.end());
  return api::dyno::create(client_, app_, params);
}

result<void> AppDynosClient::restart(std::string_view dyno) const {
  return discard_value(api::dyno::restart(client_, app_, dyno));
}

result<void> AppDynosClient::restart_type(std::string_view type) const {
  return discard_value(api::dyno::restart_formation(client_, app_, type));
}

result<void> AppDynosClient::restart_all() const {
  return discard_value(api::dyno::restart_all(client_, app_));
}

result<void> AppDynosClient::stop(std::string_view dyno) const {
  return discard_value(api::dyno::stop(client_, app_, dyno));
}

result<void> AppDynosClient::stop_type(std::string_view type) const {
  return discard_value(api::dyno::stop_formation(client_, app_, type));
}

}  // namespace herokupp
