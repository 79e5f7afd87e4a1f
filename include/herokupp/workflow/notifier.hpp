// Notifier: sends a notice to every sink, reports and audits failures, and
// never fails the change it tells about.
#ifndef HEROKUPP_WORKFLOW_NOTIFIER_HPP
#define HEROKUPP_WORKFLOW_NOTIFIER_HPP

#include <herokupp/export.hpp>
#include <herokupp/ops/audit.hpp>
#include <herokupp/transport.hpp>
#include <herokupp/workflow/notice.hpp>
#include <herokupp/workflow/notice_sinks.hpp>

#include <memory>
#include <string>
#include <vector>

namespace herokupp::workflow {

/// How one sink took a notice.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::NoticeDelivery d
/// if (!d.ok) std::cerr << "warning: notice not sent to " << d.sink << ": " << d.message << "\n";
/// @endcode
struct NoticeDelivery {
  std::string sink;     ///< "webhook hooks.slack.com" or "command notify-deploys"
  bool ok = false;      ///< whether the sink accepted it
  std::string message;  ///< why not ("the webhook answered HTTP 500")
};

/// What sending a notice did.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::NoticeReport r
/// for (auto const& w : r.warnings()) std::cerr << "warning: " << w << "\n";
/// @endcode
struct HEROKUPP_API NoticeReport {
  /// One per configured sink, webhook first.
  std::vector<NoticeDelivery> deliveries;
  /// Whether every sink took the notice.
  bool ok() const;
  /// A line per failed sink.
  std::vector<std::string> warnings() const;
};

/// Sends notices. A failed sink is a warning in the report and, with an
/// audit sink, an audit record (`"action": "notice"`, outcome `error`); a
/// sent notice is recorded `ok`. Nothing here fails or undoes the deploy:
/// `send` returns a report, never an Error.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::NoticeSinks sinks
/// // given: herokupp::workflow::Notice notice
/// herokupp::workflow::Notifier notifier{sinks};
/// auto report = notifier.send(notice);
/// for (auto const& w : report.warnings()) std::cerr << "warning: " << w << "\n";
/// @endcode
class HEROKUPP_API Notifier {
 public:
  /// `transport` carries the webhook's POST (a CurlTransport when null; it
  /// never sends the API key); `audit` records each sending (none when null).
  explicit Notifier(NoticeSinks sinks, std::shared_ptr<Transport> transport = nullptr,
                    std::shared_ptr<ops::AuditSink> audit = nullptr);

  /// The sinks in use.
  NoticeSinks const& sinks() const noexcept { return sinks_; }
  /// Sends `notice` to every sink, one after the other.
  NoticeReport send(Notice const& notice) const;

 private:
  NoticeSinks sinks_;
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<ops::AuditSink> audit_;
};

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_NOTIFIER_HPP
