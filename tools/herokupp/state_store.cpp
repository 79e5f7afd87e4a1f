// The state store: plans and diffs wait here for their confirmation between
// invocations of the tool.
#include "context.hpp"

#include <cctype>
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
  for (auto& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') ch = '_';
  }
  return s;
}

result<void> save_state(Context const& c, std::string const& name, std::string const& text) {
  std::error_code ec;
  auto dir = std::filesystem::path(state_dir(c));
  std::filesystem::create_directories(dir, ec);
  std::ofstream f(dir / name, std::ios::trunc);
  if (!f) return Error{ErrorKind::invalid_argument, "cannot write to " + (dir / name).string()};
  f << text;
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

}  // namespace herokupp::cli
