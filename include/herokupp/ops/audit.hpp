// Audit: one record per action, written to a sink.
#ifndef HEROKUPP_OPS_AUDIT_HPP
#define HEROKUPP_OPS_AUDIT_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/timestamp.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace herokupp::ops {

/// One audit record. An action that changes something writes two, linked by
/// `action_id`: one with outcome "started" before its first write request,
/// and one with its outcome after (see AuditedActionRunner). A record never
/// holds a config value: values are replaced by their fingerprints, and log
/// session URLs are left out.
///
/// @par Example
/// @code
/// herokupp::ops::AuditRecord r;
/// r.actor = "alice";
/// r.action = "rollback";
/// r.app = "shop";
/// r.arguments = {{"version", "42"}};
/// r.outcome = "ok";
/// std::cout << herokupp::ops::to_json_line(r) << "\n";
/// @endcode
struct AuditRecord {
  Timestamp time;         ///< when the record was written (UTC)
  std::string action_id;  ///< links the records of one action (a UUID)
  std::string actor;      ///< who asked
  std::string action;     ///< "rollback", see ops::to_string(Action)
  std::string app;        ///< the app acted on (for promote: the source app)
  std::vector<std::pair<std::string, std::string>> arguments;  ///< in the order given
  std::string outcome;                   ///< "started", then "ok", "denied" or "error"
  std::string error;                     ///< the ErrorKind name when not ok ("policy_denied")
  std::string message;                   ///< one line: what was done, or why not
  std::vector<std::string> request_ids;  ///< Heroku Request-Ids of the requests made
};

/// The record as one line of JSON (no newline), fields in a fixed order:
/// time, action_id, actor, action, app, arguments, outcome, error, message,
/// request_ids.
HEROKUPP_API std::string to_json_line(AuditRecord const& record);

/// Where audit records go. Implementations must be safe to call from several
/// threads at once.
///
/// @par Example
/// @code
/// class Syslog : public herokupp::ops::AuditSink {
///  public:
///   herokupp::result<void> write(herokupp::ops::AuditRecord const& r) override {
///     syslog(LOG_INFO, "%s", herokupp::ops::to_json_line(r).c_str());
///     return herokupp::success();
///   }
/// };
/// @endcode
class HEROKUPP_API AuditSink {
 public:
  virtual ~AuditSink() = default;
  /// Stores one record; an Error when it could not.
  virtual result<void> write(AuditRecord const& record) = 0;
};

/// Appends each record as one JSON line to a file, flushed at once. The file
/// is created when missing and opened for each write, so log rotation needs
/// nothing special.
///
/// @par Example
/// @code
/// auto audit =
/// std::make_shared<herokupp::ops::JsonLinesAuditSink>("/var/log/herokupp/audit.jsonl");
/// @endcode
class HEROKUPP_API JsonLinesAuditSink : public AuditSink {
 public:
  /// Appends to the file at `path`.
  explicit JsonLinesAuditSink(std::string path) : path_(std::move(path)) {}
  /// Appends the record as one line and flushes it.
  result<void> write(AuditRecord const& record) override;
  /// The file written to.
  std::string const& path() const noexcept { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;
};

/// Hands each record to a function (a chat message, a test's vector...).
/// Calls are serialized, so the function need not be thread-safe.
///
/// @par Example
/// @code
/// std::vector<herokupp::ops::AuditRecord> seen;
/// auto audit = std::make_shared<herokupp::ops::CallbackAuditSink>(
///     [&](herokupp::ops::AuditRecord const& r) { seen.push_back(r); });
/// @endcode
class HEROKUPP_API CallbackAuditSink : public AuditSink {
 public:
  /// Hands every record to `callback`.
  explicit CallbackAuditSink(std::function<void(AuditRecord const&)> callback)
      : callback_(std::move(callback)) {}
  /// Calls the callback with the record, one call at a time.
  result<void> write(AuditRecord const& record) override;

 private:
  std::function<void(AuditRecord const&)> callback_;
  std::mutex mutex_;
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_AUDIT_HPP
