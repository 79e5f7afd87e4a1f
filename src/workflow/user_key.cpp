#include <herokupp/workflow/user_key.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace herokupp::workflow {
namespace {

constexpr std::size_t min_hex_digits = 32;

Error key_error(std::string const& path, std::string const& why) {
  return Error{ErrorKind::invalid_argument, "the key file " + path + " " + why +
                                                " (keep it to its owner: chmod 600 " + path + ")"};
}

std::string random_hex(std::size_t bytes) {
  // The randomness comes from libcrypto (through a random Fingerprinter's
  // key) when it can; the MAC of a counter under that key is uniform.
  auto source = ops::Fingerprinter::random();
  std::string out;
  for (int i = 0; out.size() < bytes * 2; ++i)
    out += source.mac(std::to_string(i));
  return out.substr(0, bytes * 2);
}

result<ops::Fingerprinter> read_key(std::string const& path, int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return key_error(path, "is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    ::close(fd);
    return key_error(path, "can be read or written by others");
  }
  if (st.st_uid != ::geteuid()) {
    ::close(fd);
    return key_error(path, "belongs to another user");
  }
  std::string text;
  char buffer[256];
  for (;;) {
    auto n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > 4096) break;
  }
  ::close(fd);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.pop_back();
  if (text.size() < min_hex_digits || text.size() > 4096) {
    return key_error(path, "does not hold a key of at least 32 hex digits");
  }
  return ops::Fingerprinter(text);
}

}  // namespace

std::string default_user_key_path(
    std::function<std::optional<std::string>(std::string const&)> const& getenv) {
  if (auto v = getenv("XDG_CONFIG_HOME"); v && !v->empty()) return *v + "/herokupp/key";
  if (auto v = getenv("HOME"); v && !v->empty()) return *v + "/.config/herokupp/key";
  return {};
}

result<ops::Fingerprinter> load_key_file(std::string const& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return key_error(path, std::string("cannot be read: ") + std::strerror(errno));
  return read_key(path, fd);
}

result<ops::Fingerprinter> load_or_create_user_key(std::string const& path) {
  if (path.empty()) {
    return Error{ErrorKind::invalid_argument,
                 "no place for the per-user key: set HOME or XDG_CONFIG_HOME"};
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) return read_key(path, fd);
  if (errno != ENOENT) {
    return key_error(path, std::string("cannot be read: ") + std::strerror(errno));
  }
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    bool made = std::filesystem::create_directories(dir, ec);
    if (ec) return key_error(path, "cannot be created: " + ec.message());
    if (made) ::chmod(dir.c_str(), 0700);
  }
  // O_EXCL: two first runs at once cannot both write a key; the loser reads.
  fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return load_key_file(path);
    return key_error(path, std::string("cannot be created: ") + std::strerror(errno));
  }
  std::string key = random_hex(32);
  std::string line = key + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ok = ::fsync(fd) == 0 && ok;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    return key_error(path, "could not be written");
  }
  return ops::Fingerprinter(key);
}

}  // namespace herokupp::workflow
