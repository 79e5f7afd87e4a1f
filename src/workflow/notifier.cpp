#include <herokupp/curl_transport.hpp>
#include <herokupp/workflow/notifier.hpp>

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "notice_detail.hpp"

namespace herokupp::workflow {

namespace {

std::string program_name(std::string const& program) {
  auto slash = program.rfind('/');
  return slash == std::string::npos ? program : program.substr(slash + 1);
}

result<void> post_webhook(Transport& transport, NoticeSinks const& sinks, Notice const& notice) {
  if (auto checked = sinks.check(); !checked) return checked.error();
  HttpRequest request;
  request.method = Method::post;
  request.url = sinks.resolved_webhook_url();
  request.headers.set("Content-Type", "application/json");
  request.headers.set("User-Agent", "herokupp-notice");
  // No Authorization: the webhook's URL is its credential; the API key never leaves.
  request.body = notice.to_json();
  request.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(sinks.timeout);
  auto const host = detail::url_host(request.url);
  auto response = transport.send(request);
  // Transport errors may quote the URL, which holds the webhook's secret.
  if (!response) {
    return Error(response.error().kind, "the webhook at " + host + " could not be reached (" +
                                            std::string(to_string(response.error().kind)) + ")");
  }
  if (response->status < 200 || response->status >= 300) {
    return Error(ErrorKind::server,
                 "the webhook at " + host + " answered HTTP " + std::to_string(response->status));
  }
  return success();
}

}  // namespace

bool NoticeReport::ok() const {
  for (auto const& d : deliveries) {
    if (!d.ok) return false;
  }
  return true;
}

std::vector<std::string> NoticeReport::warnings() const {
  std::vector<std::string> out;
  for (auto const& d : deliveries) {
    if (!d.ok) out.push_back("the notice was not sent to the " + d.sink + ": " + d.message);
  }
  return out;
}

Notifier::Notifier(NoticeSinks sinks, std::shared_ptr<Transport> transport,
                   std::shared_ptr<ops::AuditSink> audit)
    : sinks_(std::move(sinks)), transport_(std::move(transport)), audit_(std::move(audit)) {}

NoticeReport Notifier::send(Notice const& notice) const {
  NoticeReport report;
  if (!sinks_.webhook_url.empty() || !sinks_.webhook_url_env.empty()) {
    NoticeDelivery d;
    auto const host = detail::url_host(sinks_.resolved_webhook_url());
    d.sink = host.empty() ? std::string("webhook") : "webhook at " + host;
    // Made on first use: a Notifier with only a command needs no curl.
    std::shared_ptr<Transport> transport = transport_;
    if (!transport) {
      CurlOptions options;
      options.verify_tls = true;
      transport = std::make_shared<CurlTransport>(options);
    }
    auto sent = post_webhook(*transport, sinks_, notice);
    d.ok = static_cast<bool>(sent);
    if (!sent) d.message = sent.error().message;
    report.deliveries.push_back(std::move(d));
  }
  if (!sinks_.command.empty()) {
    NoticeDelivery d;
    d.sink = "command " + program_name(sinks_.command.front());
    auto ran = detail::run_with_input(
        sinks_.command, notice.to_json() + "\n",
        std::chrono::duration_cast<std::chrono::milliseconds>(sinks_.timeout));
    d.ok = static_cast<bool>(ran);
    if (!ran) d.message = ran.error().message;
    report.deliveries.push_back(std::move(d));
  }
  if (audit_ && !report.deliveries.empty()) {
    ops::AuditRecord r;
    r.time = Timestamp::now();
    r.action_id = boost::uuids::to_string(boost::uuids::random_generator()());
    r.actor = notice.actor;
    r.action = "notice";
    r.app = notice.app;
    r.arguments.emplace_back("kind", std::string(to_string(notice.kind)));
    if (notice.to_version)
      r.arguments.emplace_back("version", "v" + std::to_string(*notice.to_version));
    if (!notice.action_id.empty()) r.arguments.emplace_back("about", notice.action_id);
    std::string sinks;
    for (auto const& d : report.deliveries)
      sinks += (sinks.empty() ? "" : ", ") + d.sink;
    r.arguments.emplace_back("sinks", sinks);
    r.outcome = report.ok() ? "ok" : "error";
    if (!report.ok()) r.error = "transport";
    auto const warnings = report.warnings();
    r.message = report.ok() ? "notice sent to the " + sinks
                            : warnings.front() + (warnings.size() > 1 ? " (and more)" : "");
    // An audit that cannot be written does not undo the deploy either.
    (void)audit_->write(r);
  }
  return report;
}

}  // namespace herokupp::workflow
