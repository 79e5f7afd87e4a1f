// explain: an Error as the sentence a person needs.
#ifndef HEROKUPP_OPS_EXPLAIN_HPP
#define HEROKUPP_OPS_EXPLAIN_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <string>

namespace herokupp::ops {

/// What went wrong and what to do, in one or two sentences, for a chat
/// reply or a command line: 401 "The Heroku API key is wrong or missing...",
/// 402 "The account needs payment details...", 403 "No access to the app
/// shop; perhaps its name has a typo...", 429 "...retry after 30 seconds".
/// Refusals by ops (policy_denied, protected_app, precondition_failed,
/// invalid_argument) keep their own message, which already says why.
///
/// @par Example
/// @code
/// // given: void reply(std::string const& text)
/// auto r = herokupp::ops::rollback(heroku.app("shop"), 42);
/// if (!r) reply(herokupp::ops::explain(r.error()));
/// @endcode
HEROKUPP_API std::string explain(Error const& error);

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_EXPLAIN_HPP
