#include <herokupp/ops/audit.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

namespace herokupp::ops {

std::string to_json_line(AuditRecord const& record) {
  // nlohmann::ordered_json keeps the documented field order.
  nlohmann::ordered_json j;
  j["time"] = record.time.to_string();
  j["action_id"] = record.action_id;
  j["actor"] = record.actor;
  j["action"] = record.action;
  j["app"] = record.app;
  nlohmann::ordered_json args = nlohmann::ordered_json::object();
  for (auto const& [name, value] : record.arguments)
    args[name] = value;
  j["arguments"] = std::move(args);
  j["outcome"] = record.outcome;
  if (!record.error.empty()) j["error"] = record.error;
  j["message"] = record.message;
  j["request_ids"] = record.request_ids;
  // Invalid UTF-8 (a caller's odd input) is replaced rather than thrown on.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

result<void> JsonLinesAuditSink::write(AuditRecord const& record) {
  std::string line = to_json_line(record);
  line.push_back('\n');
  std::lock_guard<std::mutex> guard(mutex_);
  std::ofstream out(path_, std::ios::binary | std::ios::app);
  if (!out) return Error(ErrorKind::unknown, "audit: cannot open " + path_ + " for appending");
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
  out.flush();
  if (!out) return Error(ErrorKind::unknown, "audit: cannot write to " + path_);
  return success();
}

result<void> CallbackAuditSink::write(AuditRecord const& record) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (callback_) callback_(record);
  return success();
}

}  // namespace herokupp::ops
