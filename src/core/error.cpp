#include <herokupp/error.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

namespace herokupp {

std::string_view to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::unknown:
      return "unknown";
    case ErrorKind::bad_request:
      return "bad_request";
    case ErrorKind::unauthorized:
      return "unauthorized";
    case ErrorKind::payment_required:
      return "payment_required";
    case ErrorKind::forbidden:
      return "forbidden";
    case ErrorKind::verification_needed:
      return "verification_needed";
    case ErrorKind::two_factor:
      return "two_factor";
    case ErrorKind::not_found:
      return "not_found";
    case ErrorKind::method_not_allowed:
      return "method_not_allowed";
    case ErrorKind::conflict:
      return "conflict";
    case ErrorKind::gone:
      return "gone";
    case ErrorKind::range_not_satisfiable:
      return "range_not_satisfiable";
    case ErrorKind::invalid_params:
      return "invalid_params";
    case ErrorKind::rate_limited:
      return "rate_limited";
    case ErrorKind::server:
      return "server";
    case ErrorKind::transport:
      return "transport";
    case ErrorKind::tls:
      return "tls";
    case ErrorKind::timeout:
      return "timeout";
    case ErrorKind::decode:
      return "decode";
    case ErrorKind::invalid_argument:
      return "invalid_argument";
    case ErrorKind::policy_denied:
      return "policy_denied";
    case ErrorKind::confirmation_required:
      return "confirmation_required";
    case ErrorKind::protected_app:
      return "protected_app";
    case ErrorKind::precondition_failed:
      return "precondition_failed";
    case ErrorKind::protocol:
      return "protocol";
  }
  return "unknown";
}

ErrorKind kind_for(int status, std::string_view id) noexcept {
  // Heroku's id is more precise than the status where both are known.
  if (id == "delinquent") return ErrorKind::payment_required;
  if (id == "verification_needed") return ErrorKind::verification_needed;
  if (id == "two_factor") return ErrorKind::two_factor;
  if (id == "suspended") return ErrorKind::forbidden;
  if (id == "rate_limit") return ErrorKind::rate_limited;
  if (id == "invalid_params") return ErrorKind::invalid_params;
  if (id == "requested_range_not_satisfiable") return ErrorKind::range_not_satisfiable;
  switch (status) {
    case 400:
      return ErrorKind::bad_request;
    case 401:
      return ErrorKind::unauthorized;
    case 402:
      return ErrorKind::payment_required;
    case 403:
      return ErrorKind::forbidden;
    case 404:
      return ErrorKind::not_found;
    case 405:
      return ErrorKind::method_not_allowed;
    case 409:
      return ErrorKind::conflict;
    case 410:
      return ErrorKind::gone;
    case 416:
      return ErrorKind::range_not_satisfiable;
    case 422:
      return ErrorKind::invalid_params;
    case 429:
      return ErrorKind::rate_limited;
    default:
      break;
  }
  if (status >= 500 && status <= 599) return ErrorKind::server;
  if (status >= 400 && status <= 499) return ErrorKind::bad_request;
  return ErrorKind::unknown;
}

namespace {

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 416:
      return "Range Not Satisfiable";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "HTTP error";
  }
}

// A short, single-line, printable excerpt of a non-JSON body, so an HTML error
// page still says something useful without flooding a log.
std::string excerpt(std::string_view body) {
  std::string out;
  bool in_tag = false;
  bool space = false;
  for (char c : body) {
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == '>') {
      in_tag = false;
      space = true;
      continue;
    }
    if (in_tag) continue;
    auto uc = static_cast<unsigned char>(c);
    if (std::isspace(uc) || std::iscntrl(uc)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() >= 120) {
      out += "...";
      break;
    }
  }
  return out;
}

// Text from the server goes into messages that tools print: control
// characters (C0, DEL, C1) and bytes that are not UTF-8 become '?', line
// breaks become spaces, and the length is bounded.
std::string neutralised(std::string_view text) {
  std::string out;
  out.reserve(std::min<std::size_t>(text.size(), 500));
  std::size_t i = 0;
  while (i < text.size() && out.size() < 500) {
    auto const b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\n' || b == '\t' || b == '\r') {
        out.push_back(' ');
      } else {
        out.push_back(b < 0x20 || b == 0x7f ? '?' : static_cast<char>(b));
      }
      ++i;
      continue;
    }
    std::size_t const len = b >= 0xc2 && b <= 0xdf   ? 2
                            : b >= 0xe0 && b <= 0xef ? 3
                            : b >= 0xf0 && b <= 0xf4 ? 4
                                                     : 0;
    std::uint32_t cp = len == 2 ? b & 0x1fu : len == 3 ? b & 0x0fu : b & 0x07u;
    bool valid = len != 0 && i + len <= text.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      auto const c = static_cast<unsigned char>(text[i + k]);
      valid = (c & 0xc0) == 0x80;
      cp = (cp << 6) | (c & 0x3fu);
    }
    // Overlong forms, surrogates, and the C1 controls (U+0080..U+009F).
    valid = valid && !(len == 3 && cp < 0x800) && !(len == 4 && (cp < 0x10000 || cp > 0x10ffff)) &&
            !(cp >= 0xd800 && cp <= 0xdfff) && !(cp >= 0x80 && cp <= 0x9f);
    if (valid) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out.push_back('?');
      ++i;
    }
  }
  if (i < text.size()) out += "...";
  return out;
}

}  // namespace

Error error_from_http(int status, std::string_view body, std::string_view request_id) {
  Error e;
  e.http_status = status;
  e.request_id = std::string(request_id);
  auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
  if (!j.is_discarded() && j.is_object()) {
    auto text = [&](char const* key) -> std::string {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? neutralised(it->get_ref<std::string const&>())
                                              : std::string();
    };
    e.id = text("id");
    e.message = text("message");
    e.url = text("url");
  }
  if (e.message.empty()) {
    std::string ex = neutralised(excerpt(body));
    e.message = "HTTP " + std::to_string(status) + " " + reason_phrase(status);
    if (!ex.empty()) e.message += ": " + ex;
  }
  e.kind = kind_for(status, e.id);
  return e;
}

std::string Error::hint() const {
  if (id == "delinquent") return "The account is delinquent: add or update payment details.";
  if (id == "suspended") return "The account or app is suspended: contact Heroku support.";
  if (id == "two_factor") return "This action needs a second factor: use a key with 2FA passed.";
  switch (kind) {
    case ErrorKind::unauthorized:
      return "The API key is wrong, expired or missing: set HEROKU_API_KEY to a valid key "
             "(`heroku auth:token` prints yours), or run `heroku login`, which stores one in "
             "~/.netrc.";
    case ErrorKind::payment_required:
      return "The account needs payment details before it can do this.";
    case ErrorKind::forbidden:
      return "This key's account has no access to that app or resource; perhaps the name "
             "has a typo, or you need to be added as a collaborator.";
    case ErrorKind::verification_needed:
      return "The account must be verified (add a credit card) before it can do this.";
    case ErrorKind::two_factor:
      return "A second factor is required for this action.";
    case ErrorKind::not_found:
      return "Nothing by that name or id: check the spelling for a typo, and that it was not "
             "deleted.";
    case ErrorKind::method_not_allowed:
      return "That path does not accept this method.";
    case ErrorKind::conflict:
      return "The change conflicts with the current state; refresh and try again.";
    case ErrorKind::gone:
      return "The resource was removed.";
    case ErrorKind::range_not_satisfiable:
      return "The list range is not valid: check the sort field and page size (1..1000).";
    case ErrorKind::invalid_params:
      return "The API rejected the input: " + message;
    case ErrorKind::rate_limited:
      if (retry_after) {
        return "The account ran out of API requests; retry after " +
               std::to_string(retry_after->count()) + " seconds.";
      }
      return "The account ran out of API requests; retry in a minute.";
    case ErrorKind::server:
      return "Heroku had a problem; retry later and check https://status.heroku.com.";
    case ErrorKind::transport:
      return "Check the network, DNS, proxy settings and base URL.";
    case ErrorKind::tls:
      return "The TLS connection failed: check the CA bundle and any intercepting proxy.";
    case ErrorKind::timeout:
      return "The API did not answer in time; retry, or allow a longer timeout.";
    case ErrorKind::decode:
      return "The answer did not have the documented shape; report it with the request id.";
    case ErrorKind::invalid_argument:
      return "Fix the argument named in the message.";
    case ErrorKind::policy_denied:
      return "Ask for the role named in the message, or for someone holding it to do this.";
    case ErrorKind::confirmation_required:
      return "Review the plan and run it again with its confirmation code.";
    case ErrorKind::protected_app:
      return "This app is protected; change it by another route.";
    case ErrorKind::precondition_failed:
      return "The app is not in a state that allows this.";
    case ErrorKind::protocol:
      return "The server (or a proxy) answered outside the API's rules; check the base URL and "
             "report it with the request id.";
    case ErrorKind::bad_request:
      return "The request was malformed; check the arguments and the API version.";
    case ErrorKind::unknown:
      break;
  }
  return "See the message and the request id.";
}

std::string Error::describe() const {
  std::string out(to_string(kind));
  if (http_status != 0) out += " (" + std::to_string(http_status) + ")";
  out += ": " + message;
  if (!request.empty()) out += " [" + request + "]";
  if (!request_id.empty()) out += " request-id=" + request_id;
  return out;
}

Exception::Exception(Error error)
    : std::runtime_error(error.describe()), error_(std::move(error)) {}

}  // namespace herokupp
