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

// What happened, in words that name the app; the advice is Error::hint's, so
// that the two never drift apart. Empty when the hint says it all.
std::string situation(Error const& error) {
  std::string const app = app_of(error.request);
  switch (error.kind) {
    case ErrorKind::unauthorized:
    case ErrorKind::payment_required:
    case ErrorKind::verification_needed:
    case ErrorKind::two_factor:
    case ErrorKind::rate_limited:
      return {};
    case ErrorKind::forbidden:
      return app.empty() ? std::string("No access.") : "No access to the app " + app + ".";
    case ErrorKind::not_found:
      if (error.http_status == 404 && !app.empty() && ends_with(error.request, "/apps/" + app)) {
        return "There is no app called " + app + ".";
      }
      return sentence(error.message);
    case ErrorKind::transport:
      return "Could not reach the Heroku API" +
             (error.message.empty() ? std::string(".") : ": " + sentence(error.message));
    case ErrorKind::invalid_params:
      return "Heroku refused the request.";
    default:
      return error.message.empty() ? std::string() : sentence(error.message);
  }
}

}  // namespace

std::string explain(Error const& error) {
  switch (error.kind) {
    // ops' own refusals already say what to do, in the words the caller used.
    case ErrorKind::policy_denied:
    case ErrorKind::protected_app:
    case ErrorKind::precondition_failed:
    case ErrorKind::invalid_argument:
    case ErrorKind::confirmation_required:
      return sentence(error.message);
    case ErrorKind::timeout:
      if (error.http_status == 0 && error.message.find("still unfinished") != std::string::npos) {
        return sentence(error.message) + " It may still finish: look again later.";
      }
      break;
    default:
      break;
  }
  std::string const what = situation(error);
  return what.empty() ? error.hint() : what + " " + error.hint();
}

}  // namespace herokupp::ops
