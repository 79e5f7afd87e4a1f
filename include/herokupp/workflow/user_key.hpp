// The per-user key: a secret under the user's config directory that makes
// fingerprints stable and signs plan confirmation codes.
#ifndef HEROKUPP_WORKFLOW_USER_KEY_HPP
#define HEROKUPP_WORKFLOW_USER_KEY_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/fingerprint.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace herokupp::workflow {

/// The purposes one key serves, each through its own derived key
/// (ops::Fingerprinter::derive), so a fingerprint never equals a plan MAC.
inline constexpr std::string_view fingerprint_purpose = "herokupp fingerprints v1";
inline constexpr std::string_view plan_code_purpose = "herokupp plan codes v1";

/// Where the per-user key lives: `$XDG_CONFIG_HOME/herokupp/key`, else
/// `$HOME/.config/herokupp/key`; empty when neither variable is set.
///
/// @par Example
/// @code
/// auto path = herokupp::workflow::default_user_key_path(
///     [](std::string const& n) -> std::optional<std::string> {
///       char const* v = std::getenv(n.c_str());
///       return v ? std::optional<std::string>(v) : std::nullopt;
///     });
/// @endcode
HEROKUPP_API std::string default_user_key_path(
    std::function<std::optional<std::string>(std::string const&)> const& getenv);

/// Reads the key at `path`, or creates it: 32 random bytes written as hex to
/// a file created with mode 0600 (its directory 0700, created if missing).
/// An existing key file that group or others can read or write, or that is
/// shorter than 32 hex digits, is refused (invalid_argument, naming the file,
/// never the key), since anyone who can read it can forge plan codes.
///
/// @par Example
/// @code
/// // given: herokupp::workflow::DeployOptions options
/// auto key = herokupp::workflow::load_or_create_user_key("/home/dana/.config/herokupp/key");
/// if (key) options.plan_key = key->derive(herokupp::workflow::plan_code_purpose);
/// @endcode
HEROKUPP_API result<ops::Fingerprinter> load_or_create_user_key(std::string const& path);

/// Reads a team key file (named by the policy's `fingerprint_key_file`):
/// the same checks as load_or_create_user_key, but never creates it.
///
/// @par Example
/// @code
/// auto team = herokupp::workflow::load_key_file("/etc/herokupp/team.key");
/// @endcode
HEROKUPP_API result<ops::Fingerprinter> load_key_file(std::string const& path);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_USER_KEY_HPP
