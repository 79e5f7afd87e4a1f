#include <herokupp/workflow/git_remote.hpp>

#include "git_command.hpp"

#include <algorithm>
#include <cctype>

namespace herokupp::workflow {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Heroku app names: lower-case letters, digits and dashes.
bool is_app_name(std::string_view s) {
  return !s.empty() && s.size() <= 100 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_remote_name(std::string_view s) {
  return !s.empty() && s.size() <= 200 && s.front() != '-' &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' ||
                  c == '.' || c == '/';
         });
}

}  // namespace

std::optional<std::string> app_from_git_url(std::string_view url, std::string_view host) {
  std::string const git_host = "git." + std::string(host);
  std::string_view rest;
  for (std::string const& prefix :
       {"https://" + git_host + "/", "http://" + git_host + "/", "git@" + std::string(host) + ":",
        "ssh://git@" + std::string(host) + "/", "git@" + git_host + ":",
        "ssh://git@" + git_host + "/"}) {
    if (starts_with(url, prefix)) {
      rest = url.substr(prefix.size());
      break;
    }
  }
  if (rest.empty()) return std::nullopt;
  if (rest.size() > 4 && rest.substr(rest.size() - 4) == ".git") rest.remove_suffix(4);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (!is_app_name(rest)) return std::nullopt;
  return std::string(rest);
}

result<std::string> app_from_git_remote(std::string const& repository, std::string_view remote,
                                        std::string_view host) {
  if (!is_remote_name(remote)) {
    return Error{ErrorKind::invalid_argument,
                 "a git remote's name is letters, digits, '-', '_', '.' and '/'"};
  }
  auto lines = detail::git_lines(
      {"-C", repository, "config", "--get", "remote." + std::string(remote) + ".url"});
  if (lines.empty()) {
    return Error{ErrorKind::invalid_argument,
                 "no git remote called " + std::string(remote) + " in " + repository};
  }
  auto app = app_from_git_url(lines.front(), host);
  if (!app) {
    return Error{ErrorKind::invalid_argument, "the git remote " + std::string(remote) +
                                                  " is not a Heroku app's (https://git." +
                                                  std::string(host) + "/APP.git)"};
  }
  return *app;
}

}  // namespace herokupp::workflow
