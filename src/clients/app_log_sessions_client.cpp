#include <herokupp/api/log_session.hpp>
#include <herokupp/clients/app_log_sessions_client.hpp>

namespace herokupp {

result<LogSession> AppLogSessionsClient::create(LogSessionOptions const& options) const {
  api::log_session::CreateParams params;
  params.dyno_name = options.dyno;
  params.tail = options.tail;
  params.lines = options.lines;
  params.source = options.source;
  return api::log_session::create(client_, app_, params);
}

}  // namespace herokupp
