#include <herokupp/workflow/notice_sinks.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

#include "notice_detail.hpp"

namespace herokupp::workflow {

namespace detail {

std::string url_host(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  auto rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest.front() == '[') return std::string(rest.substr(0, rest.find(']') + 1));
  return std::string(rest.substr(0, rest.find(':')));
}

bool loopback_host(std::string_view host) {
  if (host == "localhost" || host == "[::1]") return true;
  // 127.0.0.0/8 in plain dotted decimal only.
  if (host.substr(0, 4) != "127.") return false;
  int parts = 0;
  std::size_t start = 0;
  while (start <= host.size()) {
    auto end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    auto part = host.substr(start, end - start);
    if (part.empty() || part.size() > 3 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(std::string(part)) > 255)
      return false;
    ++parts;
    start = end + 1;
  }
  return parts == 4;
}

}  // namespace detail

namespace {

Error notices_error(std::string message) {
  return Error(ErrorKind::invalid_argument, "notices: " + std::move(message));
}

}  // namespace

bool NoticeSinks::empty() const {
  return webhook_url.empty() && webhook_url_env.empty() && command.empty();
}

std::string NoticeSinks::resolved_webhook_url() const {
  if (!webhook_url.empty() || webhook_url_env.empty()) return webhook_url;
  char const* value = std::getenv(webhook_url_env.c_str());
  return value ? std::string(value) : std::string();
}

result<void> NoticeSinks::check() const {
  if (!command.empty() && command.front().empty())
    return notices_error("the command's program is empty");
  if (webhook_url.empty() && webhook_url_env.empty()) return success();
  auto const url = resolved_webhook_url();
  if (url.empty()) {
    return notices_error("the webhook URL variable " + webhook_url_env + " is not set");
  }
  auto const host = detail::url_host(url);
  if (host.empty()) return notices_error("the webhook URL has no host");
  if (url.rfind("https://", 0) == 0) return success();
  if (url.rfind("http://", 0) == 0) {
    if (detail::loopback_host(host) || allow_insecure_http) return success();
    return notices_error("the webhook at " + host +
                         " is plain http: use https (plain http is only for loopback, or set "
                         "allow_insecure_http)");
  }
  return notices_error("the webhook at " + host + " must be an https URL");
}

result<NoticeSinks> NoticeSinks::from_json(std::string_view text) {
  auto root = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return notices_error("not valid JSON");
  if (!root.is_object()) return notices_error("the notices section must be a mapping");
  NoticeSinks sinks;
  for (auto it = root.begin(); it != root.end(); ++it) {
    auto const& key = it.key();
    auto const& v = it.value();
    if (key == "webhook_url" || key == "webhook_url_env") {
      if (!v.is_string()) return notices_error(key + " must be text");
      (key == "webhook_url" ? sinks.webhook_url : sinks.webhook_url_env) = v.get<std::string>();
    } else if (key == "allow_insecure_http") {
      if (!v.is_boolean()) return notices_error("allow_insecure_http must be true or false");
      sinks.allow_insecure_http = v.get<bool>();
    } else if (key == "command") {
      if (!v.is_array() || v.empty())
        return notices_error("command must be a list: the program, then its arguments");
      for (auto const& word : v) {
        // YAML reads a bare `false` or `10` as a boolean or a number: a word all the same.
        if (word.is_string()) {
          sinks.command.push_back(word.get<std::string>());
        } else if (word.is_boolean() || word.is_number_integer()) {
          sinks.command.push_back(word.dump());
        } else {
          return notices_error("command must be a list of words");
        }
      }
    } else if (key == "timeout_seconds") {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > 300)
        return notices_error("timeout_seconds must be a whole number, 1..300");
      sinks.timeout = std::chrono::seconds(v.get<std::int64_t>());
    } else if (key == "dashboard") {
      if (!v.is_string()) return notices_error("dashboard must be a URL");
      sinks.dashboard = v.get<std::string>();
    } else {
      return notices_error("unknown field `" + key + "`");
    }
  }
  // A literal URL is checked now; one from a variable when it is used.
  if (!sinks.webhook_url.empty()) {
    if (auto checked = sinks.check(); !checked) return checked.error();
  }
  return sinks;
}

}  // namespace herokupp::workflow
