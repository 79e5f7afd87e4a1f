// explain: an Error as the sentence a person needs.
#ifndef HEROKUPP_OPS_EXPLAIN_HPP
#define HEROKUPP_OPS_EXPLAIN_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <string>

namespace herokupp::ops {

/// What went wrong and what to do, in one or two sentences, for a chat
/// reply or a command line: what happened, naming the app the request was
/// about ("No access to the app shop."), then the advice of Error::hint(),
/// the one table of advice ("...perhaps the name has a typo..."). Refusals by
/// ops (policy_denied, protected_app, precondition_failed, invalid_argument,
/// confirmation_required) keep their own message, which already says why.
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
