// ValueMasker: text with an app's config values replaced by the mask.
#ifndef HEROKUPP_OPS_VALUE_MASKER_HPP
#define HEROKUPP_OPS_VALUE_MASKER_HPP

#include <herokupp/export.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::ops {

/// Replaces every config value (and the password inside a URL value such as
/// DATABASE_URL) found in a text with value_mask, and neutralises control
/// characters (escapes, carriage returns...) as `\xNN`, so that output from a
/// dyno or an error from the server can be shown to a person. Values
/// shorter than 4 characters ("1", "on") are left: they carry little and
/// would mangle ordinary words. The values live only inside the masker.
///
/// @par Example
/// @code
/// herokupp::ops::ValueMasker mask{{{"DATABASE_URL", "postgres://u:pw-secret@db/x"}}};
/// assert(mask("cannot reach postgres://u:pw-secret@db/x") == "cannot reach ********");
/// @endcode
class HEROKUPP_API ValueMasker {
 public:
  ValueMasker() = default;
  explicit ValueMasker(std::map<std::string, std::string> const& config);  ///< masks these values

  /// `text` with every known value masked and control characters escaped.
  std::string operator()(std::string_view text) const;

 private:
  std::vector<std::string> secrets_;  // longest first, so a value hides its parts
};

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_VALUE_MASKER_HPP
