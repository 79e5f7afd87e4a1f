// The state store: plans and diffs wait here for their confirmation between
// invocations, with open maintenance windows and the key's account. The
// directory is 0700 and every file 0600: plans name apps, commits and
// fingerprints, which are nobody else's business.
#include "context.hpp"

#include <herokupp/ops/fingerprint.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace herokupp::cli {

std::string state_dir(Context const& c) {
  if (!c.opts.state_dir.empty()) return c.opts.state_dir;
  if (auto v = c.env.getenv("HEROKUPP_STATE_DIR")) return *v;
  if (auto v = c.env.getenv("XDG_STATE_HOME")) return *v + "/herokupp";
  if (auto v = c.env.getenv("HOME")) return *v + "/.local/state/herokupp";
  return ".herokupp";
}

std::string safe_name(std::string s) {
  // Distinct names stay distinct: a short hash of the original follows the
  // readable part whenever a character had to be replaced.
  std::string const original = s;
  bool replaced = false;
  for (auto& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') {
      ch = '_';
      replaced = true;
    }
  }
  if (replaced) s += "-" + ops::Fingerprinter{"herokupp state names"}(original).substr(0, 8);
  return s;
}

std::string actor_state_name(std::string const& kind, std::string const& env,
                             std::string const& actor) {
  return kind + "-" + safe_name(env) + "--" + safe_name(actor) + ".json";
}

result<void> ensure_state_dir(Context const& c) {
  auto dir = std::filesystem::path(state_dir(c));
  std::error_code ec;
  bool made = std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Error{ErrorKind::invalid_argument,
                 "cannot create the state directory " + dir.string() + ": " + ec.message()};
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Error{ErrorKind::invalid_argument, dir.string() + " is not a directory"};
  }
  if (made || (st.st_mode & 077) != 0) {
    if (st.st_uid != ::geteuid() || ::chmod(dir.c_str(), 0700) != 0) {
      return Error{ErrorKind::invalid_argument,
                   "the state directory " + dir.string() +
                       " is open to others and cannot be made private (chmod 700 it)"};
    }
  }
  return success();
}

result<void> save_state(Context const& c, std::string const& name, std::string const& text) {
  if (auto ok = ensure_state_dir(c); !ok) return ok.error();
  auto dir = std::filesystem::path(state_dir(c));
  // Written beside, then renamed: a reader never sees half a plan, and the
  // file is 0600 from its first byte.
  auto tmp = dir / (name + ".tmp-" + std::to_string(::getpid()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return Error{ErrorKind::invalid_argument,
                 "cannot write to " + tmp.string() + ": " + std::strerror(errno)};
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::fchmod(fd, 0600) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), (dir / name).c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Error{ErrorKind::invalid_argument, "cannot write to " + (dir / name).string()};
  }
  return success();
}

std::optional<std::string> load_state(Context const& c, std::string const& name) {
  std::ifstream f(std::filesystem::path(state_dir(c)) / name);
  if (!f) return std::nullopt;
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void drop_state(Context const& c, std::string const& name) {
  std::error_code ec;
  std::filesystem::remove(std::filesystem::path(state_dir(c)) / name, ec);
}

std::vector<std::string> list_state(Context const& c, std::string const& prefix) {
  std::vector<std::string> names;
  std::error_code ec;
  for (auto const& entry : std::filesystem::directory_iterator(state_dir(c), ec)) {
    auto name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.find(".tmp-") == std::string::npos)
      names.push_back(name);
  }
  return names;
}

}  // namespace herokupp::cli
