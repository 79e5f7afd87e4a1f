// No echo: whatever the user typed after an `=` is a value, and values never
// reach an error message or an audit record, wherever they were typed.
#ifndef HEROKUPP_TOOLS_HEROKUPP_REDACT_HPP
#define HEROKUPP_TOOLS_HEROKUPP_REDACT_HPP

#include <herokupp/ops/audit.hpp>

#include <memory>
#include <string>
#include <vector>

namespace herokupp::cli {

/// Masks the values typed on one command line.
class Redactor {
 public:
  Redactor() = default;
  /// Collects the values in `words` (argv without the program name): the
  /// text after the first `=` of each word, except in the tool's own
  /// `--option=value` words, whose values are settings, not data.
  explicit Redactor(std::vector<std::string> const& words);

  /// `text` with every typed value replaced by ********. Values of 4
  /// characters or more are replaced wherever they appear; shorter ones only
  /// as a whole word, so that "v1" survives a typed "X=1".
  std::string operator()(std::string text) const;

  /// `word` with the part after its first `=` masked: "K=********".
  static std::string mask_word(std::string const& word);

 private:
  std::vector<std::string> values_;  // longest first
};

/// An audit sink that redacts every record before handing it on.
std::shared_ptr<ops::AuditSink> redacting(std::shared_ptr<ops::AuditSink> inner, Redactor redactor);

}  // namespace herokupp::cli

#endif  // HEROKUPP_TOOLS_HEROKUPP_REDACT_HPP
