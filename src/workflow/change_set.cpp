#include <herokupp/workflow/change_set.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

extern char** environ;

namespace herokupp::workflow {
namespace {

// The lines git prints for `args`, run without a shell so no argument is
// ever interpreted; stderr goes to /dev/null.
std::vector<std::string> git_lines(std::vector<std::string> args) {
  std::vector<std::string> lines;
  int fds[2];
  if (::pipe(fds) != 0) return lines;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  args.insert(args.begin(), "git");
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    return lines;
  }
  std::string text;
  char buffer[4096];
  for (;;) {
    auto n = ::read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

bool is_commit_id(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
  });
}

ChangeSet git_change_set(std::string const& repository, std::string_view from,
                         std::string_view to) {
  ChangeSet changes;
  if (!is_commit_id(from) || !is_commit_id(to)) return changes;
  std::string range = std::string(from) + ".." + std::string(to);
  changes.files = git_lines({"-C", repository, "diff", "--name-only", range});
  changes.subjects = git_lines({"-C", repository, "log", "--reverse", "--format=%s", range});
  return changes;
}

}  // namespace herokupp::workflow
