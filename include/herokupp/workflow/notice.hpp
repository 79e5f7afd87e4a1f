// Notice: what a deploy, promotion or rollback changed, for the people who care.
#ifndef HEROKUPP_WORKFLOW_NOTICE_HPP
#define HEROKUPP_WORKFLOW_NOTICE_HPP

#include <herokupp/client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>
#include <herokupp/ops/rollback.hpp>
#include <herokupp/timestamp.hpp>
#include <herokupp/workflow/deploy.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herokupp::workflow {

/// What happened: a deploy (a build or a promotion-based deploy), a
/// promotion, or a rollback.
///
/// @par Example
/// @code
/// std::cout << herokupp::workflow::to_string(herokupp::workflow::NoticeKind::rollback);
/// @endcode
enum class NoticeKind {
  deploy,     ///< a deploy from source, or a promotion-based deploy of the workflow
  promotion,  ///< a promotion to one target app
  rollback,   ///< a rollback
};

/// "deploy", "promotion", "rollback".
HEROKUPP_API std::string_view to_string(NoticeKind kind) noexcept;

/// "You just made a change to production. Tell people that care": what
/// changed (the release's description), who did it, the versions and links.
/// A notice never holds a config value: it is built from release metadata,
/// and its text is reduced to printable characters.
///
/// @par Example
/// @code
/// herokupp::workflow::Notice n;
/// n.kind = herokupp::workflow::NoticeKind::rollback;
/// n.app = "shop";
/// n.actor = "dana";
/// n.from_version = 45;
/// n.to_version = 46;
/// n.description = "Rollback to v42";
/// n.links = herokupp::workflow::dashboard_links("shop");
/// std::cout << n.text() << "\n";
/// // dana rolled back shop v45 -> v46: Rollback to v42 https://dashboard...
/// @endcode
struct HEROKUPP_API Notice {
  NoticeKind kind = NoticeKind::deploy;      ///< what happened
  std::string app;                           ///< the app changed
  std::string environment;                   ///< its label in the environments file, if known
  std::string actor;                         ///< who did it
  std::optional<std::int64_t> from_version;  ///< the release that ran before
  std::optional<std::int64_t> to_version;    ///< the release that runs now
  std::string description;                   ///< the new release's description ("Deploy 1a2b3c4")
  std::string commit;                        ///< the commit that runs now, when known
  std::string note;  ///< more for people (commit subjects, a rollback's reminder)
  /// Labelled URLs: "dashboard", "activity".
  std::vector<std::pair<std::string, std::string>> links;
  Timestamp time;         ///< when it happened
  std::string action_id;  ///< the audit record of the change, to link the two

  /// One line for people, as a chat message shows it.
  std::string text() const;
  /// `{"text": ..., "kind": ..., "app": ..., ...}`: the text plus every
  /// field, for a webhook or a command.
  std::string to_json() const;
};

/// The dashboard's page and activity page of `app`.
///
/// @par Example
/// @code
/// auto links = herokupp::workflow::dashboard_links("shop");
/// // {"dashboard", "https://dashboard.heroku.com/apps/shop"}, {"activity", ".../activity"}
/// @endcode
HEROKUPP_API std::vector<std::pair<std::string, std::string>> dashboard_links(
    std::string_view app, std::string_view dashboard = "https://dashboard.heroku.com");

/// The notice of an executed deploy: a build is a `deploy`, a plan that
/// promotes a `promotion`. Reads the release that ran before (one request,
/// for its version); if that fails the notice has no from-version.
///
/// @par Example
/// @code
/// // given: herokupp::Client heroku
/// // given: herokupp::workflow::DeployPlan plan
/// // given: herokupp::workflow::DeployResult done
/// auto notice = herokupp::workflow::deploy_notice(heroku, plan, done);
/// @endcode
HEROKUPP_API Notice deploy_notice(Client const& client, DeployPlan const& plan,
                                  DeployResult const& result);

/// The notice of a rollback done by ops::rollback (or a Session).
///
/// @par Example
/// @code
/// // given: herokupp::ops::RollbackResult r
/// auto notice = herokupp::workflow::rollback_notice("shop", "dana", r);
/// @endcode
HEROKUPP_API Notice rollback_notice(std::string_view app, std::string_view actor,
                                    ops::RollbackResult const& result);

/// The notice of one target of a promotion: `to` is the target's new
/// release, `from_version` the release it ran before (if known).
///
/// @par Example
/// @code
/// // given: herokupp::Release released
/// auto notice = herokupp::workflow::promotion_notice("shop-staging", "shop", "dana",
///                                                    41, released);
/// @endcode
HEROKUPP_API Notice promotion_notice(std::string_view source, std::string_view target,
                                     std::string_view actor,
                                     std::optional<std::int64_t> from_version, Release const& to);

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_NOTICE_HPP
