#include <herokupp/ops/explain.hpp>

#include <string_view>

namespace herokupp::ops {
namespace {

// The app a request was about: "GET /apps/shop/releases" -> "shop".
std::string app_of(std::string const& request) {
  constexpr std::string_view marker = "/apps/";
  std::size_t pos = request.find(marker);
  if (pos == std::string::npos) return {};
  pos += marker.size();
  std::size_t end = request.find_first_of("/? ", pos);
  return request.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

bool ends_with(std::string const& text, std::string const& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n'))
    text.pop_back();
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') {
    text.push_back('.');
  }
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

}  // namespace

std::string explain(Error const& error) {
  std::string const app = app_of(error.request);
  std::string const the_app = app.empty() ? std::string("that app") : "the app " + app;
  if (error.id == "delinquent") {
    return "The Heroku account is behind on payments: update its payment details, then retry.";
  }
  if (error.id == "suspended") {
    return "The Heroku account or app is suspended: contact Heroku support.";
  }
  switch (error.kind) {
    case ErrorKind::unauthorized:
      return "The Heroku API key is wrong, expired or missing: set HEROKU_API_KEY to a valid "
             "key (heroku authorizations:create makes one).";
    case ErrorKind::payment_required:
      return "The Heroku account needs payment details before it can do this: add a payment "
             "method in the account's billing settings.";
    case ErrorKind::forbidden:
      return "No access to " + the_app +
             ": perhaps its name has a typo, or this account must be added as a collaborator.";
    case ErrorKind::verification_needed:
      return "The Heroku account must be verified (add a payment method) before it can do this.";
    case ErrorKind::two_factor:
      return "This action needs a second factor: use an API key created with two-factor "
             "authentication.";
    case ErrorKind::not_found:
      if (error.http_status == 404 && !app.empty() && ends_with(error.request, "/apps/" + app)) {
        return "There is no app called " + app + ": check the name for a typo.";
      }
      return sentence(error.message) + " Check the name for a typo.";
    case ErrorKind::rate_limited:
      if (error.retry_after) {
        return "Heroku's rate limit for this account is used up: retry after " +
               std::to_string(error.retry_after->count()) + " seconds.";
      }
      return "Heroku's rate limit for this account is used up: retry in a minute.";
    case ErrorKind::conflict:
      return sentence(error.message) + " The app changed meanwhile: look again, then retry.";
    case ErrorKind::invalid_params:
      return "Heroku refused the request: " + sentence(error.message);
    case ErrorKind::server:
      return "Heroku had a problem" +
             (error.http_status ? " (HTTP " + std::to_string(error.http_status) + ")" : "") +
             ": retry in a few minutes, and check https://status.heroku.com.";
    case ErrorKind::transport:
      return "Could not reach the Heroku API: check the network, proxy settings and base URL.";
    case ErrorKind::tls:
      return "The secure connection to the Heroku API failed: check the CA bundle and any "
             "intercepting proxy.";
    case ErrorKind::timeout:
      if (error.http_status == 0 && !error.message.empty() &&
          error.message.find("still unfinished") != std::string::npos) {
        return sentence(error.message) + " It may still finish: look again later.";
      }
      return "The Heroku API did not answer in time: retry, or allow a longer timeout.";
    case ErrorKind::policy_denied:
    case ErrorKind::protected_app:
    case ErrorKind::precondition_failed:
    case ErrorKind::invalid_argument:
    case ErrorKind::confirmation_required:
      return sentence(error.message);
    case ErrorKind::decode:
    case ErrorKind::protocol:
    case ErrorKind::bad_request:
    case ErrorKind::method_not_allowed:
    case ErrorKind::gone:
    case ErrorKind::range_not_satisfiable:
    case ErrorKind::unknown:
      break;
  }
  std::string out = error.message.empty() ? std::string() : sentence(error.message) + " ";
  return out + error.hint();
}

}  // namespace herokupp::ops
