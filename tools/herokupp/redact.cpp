#include "redact.hpp"

#include <herokupp/ops/masked_config.hpp>

#include <algorithm>
#include <cctype>

namespace herokupp::cli {
namespace {

// The tool's options that may be written --name=value.
bool is_tool_option(std::string const& name) {
  static constexpr char const* options[] = {
      "--actor",   "--policy",  "--audit",   "--environments", "--state-dir", "--app",
      "--remote",  "--from",    "--to",      "--source",       "--commit",    "--confirm",
      "--changed", "--subject", "--git-dir", "--num"};
  return std::find(std::begin(options), std::end(options), name) != std::end(options);
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

}  // namespace

Redactor::Redactor(std::vector<std::string> const& words) {
  bool after_dashes = false;
  for (auto const& w : words) {
    if (w == "--") after_dashes = true;
    auto eq = w.find('=');
    if (eq == std::string::npos) continue;
    if (!after_dashes && w.rfind("--", 0) == 0 && is_tool_option(w.substr(0, eq))) continue;
    std::string value = w.substr(eq + 1);
    if (!value.empty()) values_.push_back(std::move(value));
  }
  // Longest first, so that a value holding another is replaced whole.
  std::sort(values_.begin(), values_.end(),
            [](std::string const& a, std::string const& b) { return a.size() > b.size(); });
  values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
}

std::string Redactor::operator()(std::string text) const {
  std::string const mask(ops::value_mask);
  for (auto const& value : values_) {
    std::size_t pos = 0;
    while ((pos = text.find(value, pos)) != std::string::npos) {
      bool whole = (pos == 0 || !is_word_char(text[pos - 1])) &&
                   (pos + value.size() == text.size() || !is_word_char(text[pos + value.size()]));
      if (value.size() >= 4 || whole) {
        text.replace(pos, value.size(), mask);
        pos += mask.size();
      } else {
        pos += value.size();
      }
    }
  }
  return text;
}

std::string Redactor::mask_word(std::string const& word) {
  auto eq = word.find('=');
  if (eq == std::string::npos) return word;
  return word.substr(0, eq + 1) + std::string(ops::value_mask);
}

namespace {

class RedactingSink : public ops::AuditSink {
 public:
  RedactingSink(std::shared_ptr<ops::AuditSink> inner, Redactor redactor)
      : inner_(std::move(inner)), redactor_(std::move(redactor)) {}
  result<void> write(ops::AuditRecord const& record) override {
    ops::AuditRecord r = record;
    r.app = redactor_(std::move(r.app));
    for (auto& [name, value] : r.arguments) {
      name = redactor_(std::move(name));
      value = redactor_(std::move(value));
    }
    r.error = redactor_(std::move(r.error));
    r.message = redactor_(std::move(r.message));
    return inner_->write(r);
  }

 private:
  std::shared_ptr<ops::AuditSink> inner_;
  Redactor redactor_;
};

}  // namespace

std::shared_ptr<ops::AuditSink> redacting(std::shared_ptr<ops::AuditSink> inner,
                                          Redactor redactor) {
  if (!inner) return inner;
  return std::make_shared<RedactingSink>(std::move(inner), std::move(redactor));
}

}  // namespace herokupp::cli
