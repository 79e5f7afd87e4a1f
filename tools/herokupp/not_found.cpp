// "Not found" names what was not found: the API answers "Couldn't find that
// app." without saying which; the request's URL says it.
#include "context.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace herokupp::cli {
namespace {

std::string percent_decoded(std::string const& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// "/apps/shop/releases/42?x" -> {"apps","shop","releases","42"}
std::vector<std::string> path_segments(std::string const& url) {
  std::string path = url;
  if (auto scheme = path.find("://"); scheme != std::string::npos) {
    auto slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? "" : path.substr(slash);
  }
  if (auto q = path.find_first_of("?#"); q != std::string::npos) path.resize(q);
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(percent_decoded(path.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

// "releases" -> "release", "config-vars" -> "config var"
std::string singular(std::string word) {
  for (auto& ch : word) {
    if (ch == '-' || ch == '_') ch = ' ';
  }
  if (word.size() > 3 && word.compare(word.size() - 3, 3, "ies") == 0) {
    word.replace(word.size() - 3, 3, "y");
  } else if (!word.empty() && word.back() == 's') {
    word.pop_back();
  }
  return word;
}

bool mentions(std::string const& text, std::string const& word) {
  return !word.empty() && text.find(word) != std::string::npos;
}

}  // namespace

Error name_not_found(Error e, std::string const& app) {
  if (e.kind != ErrorKind::not_found) return e;
  auto segments = path_segments(e.url);
  // (kind, id) pairs along the path: apps/shop/releases/42.
  std::vector<std::pair<std::string, std::string>> named;
  for (std::size_t i = 0; i + 1 < segments.size(); i += 2)
    named.emplace_back(singular(segments[i]), segments[i + 1]);
  std::string what;
  if (!named.empty()) {
    // The server's message says which kind it missed; else the deepest one
    // named, and for a list the thing it belongs to.
    auto pick = named.back();
    for (auto const& n : named) {
      if (mentions(e.message, "that " + n.first)) pick = n;
    }
    what = pick.first + " " + pick.second;
    if (pick != named.front() && named.front().first == "app") {
      what += " of app " + named.front().second;
    }
  } else if (!app.empty() && !mentions(e.message, app)) {
    // Not from a request: the action's own finding, said of this app.
    e.message =
        e.message.empty() ? "app " + app + " was not found" : e.message + " (app " + app + ")";
    return e;
  }
  if (what.empty() || mentions(e.message, what)) return e;
  e.message = what + " was not found" + (e.message.empty() ? "" : " (" + e.message + ")");
  return e;
}

}  // namespace herokupp::cli
