#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <thread>

#include "notice_detail.hpp"

extern char** environ;

namespace herokupp::workflow::detail {

namespace {

/// The notice goes through a private temporary file rather than a pipe: a
/// command that exits without reading cannot raise SIGPIPE in this process,
/// and a large notice cannot block on a full pipe.
struct InputFile {
  std::string path;
  int fd = -1;
  ~InputFile() {
    if (fd >= 0) ::close(fd);
    if (!path.empty()) ::unlink(path.c_str());
  }
};

result<void> write_input(InputFile& file, std::string const& input) {
  char const* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/herokupp-notice-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  file.fd = ::mkstemp(name.data());  // mode 0600
  if (file.fd < 0) return Error(ErrorKind::transport, "could not create a temporary file");
  file.path = name.data();
  std::size_t done = 0;
  while (done < input.size()) {
    auto n = ::write(file.fd, input.data() + done, input.size() - done);
    if (n <= 0) return Error(ErrorKind::transport, "could not write a temporary file");
    done += static_cast<std::size_t>(n);
  }
  ::lseek(file.fd, 0, SEEK_SET);
  return success();
}

}  // namespace

result<void> run_with_input(std::vector<std::string> const& command, std::string const& input,
                            std::chrono::milliseconds timeout) {
  if (command.empty() || command.front().empty()) {
    return Error(ErrorKind::invalid_argument, "the notice command is empty");
  }
  InputFile file;
  if (auto written = write_input(file, input); !written) return written.error();

  // The command is the team's, but the API key is not its business.
  std::vector<std::string> env_text;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    if (std::strncmp(*e, "HEROKU_API_KEY=", 15) != 0) env_text.emplace_back(*e);
  }
  std::vector<char*> envp;
  for (auto& e : env_text)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = command;
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, file.fd, STDIN_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  std::string const program = command.front();
  if (spawned != 0) {
    return Error(ErrorKind::transport,
                 "could not start " + program + ": " + std::strerror(spawned));
  }
  auto const deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  for (;;) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return Error(ErrorKind::transport, "lost track of " + program);
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return Error(ErrorKind::timeout,
                   program + " did not finish in " + std::to_string(timeout.count() / 1000) + "s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return success();
  if (WIFEXITED(status)) {
    return Error(ErrorKind::transport,
                 program + " exited with status " + std::to_string(WEXITSTATUS(status)));
  }
  return Error(ErrorKind::transport, program + " was ended by a signal");
}

}  // namespace herokupp::workflow::detail
