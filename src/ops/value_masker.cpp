#include <herokupp/ops/masked_config.hpp>
#include <herokupp/ops/value_masker.hpp>

#include <algorithm>

namespace herokupp::ops {
namespace {

constexpr std::size_t shortest = 4;

// "scheme://user:password@host...": the password alone may be printed by a
// program that shows the URL's parts.
std::string url_password(std::string const& value) {
  auto scheme = value.find("://");
  if (scheme == std::string::npos) return {};
  auto at = value.find('@', scheme + 3);
  if (at == std::string::npos) return {};
  auto colon = value.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return {};
  return value.substr(colon + 1, at - colon - 1);
}

}  // namespace

ValueMasker::ValueMasker(std::map<std::string, std::string> const& config) {
  for (auto const& [key, value] : config) {
    if (value.size() >= shortest) secrets_.push_back(value);
    std::string password = url_password(value);
    if (password.size() >= shortest) secrets_.push_back(std::move(password));
  }
  std::sort(secrets_.begin(), secrets_.end(),
            [](std::string const& a, std::string const& b) { return a.size() > b.size(); });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

std::string ValueMasker::operator()(std::string_view text) const {
  std::string masked(text);
  for (auto const& secret : secrets_) {
    std::size_t pos = 0;
    while ((pos = masked.find(secret, pos)) != std::string::npos) {
      masked.replace(pos, secret.size(), value_mask);
      pos += value_mask.size();
    }
  }
  std::string out;
  out.reserve(masked.size());
  static constexpr char digits[] = "0123456789abcdef";
  for (char c : masked) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out.push_back(digits[u >> 4]);
      out.push_back(digits[u & 0x0f]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace herokupp::ops
