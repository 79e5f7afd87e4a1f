// NoticeSinks: where deploy notices go (a webhook, a command).
#ifndef HEROKUPP_WORKFLOW_NOTICE_SINKS_HPP
#define HEROKUPP_WORKFLOW_NOTICE_SINKS_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace herokupp::workflow {

/// Where notices are sent: a JSON webhook (a Slack-style incoming webhook:
/// POST `{"text": ...}` plus the notice's fields), a command that reads the
/// notice's JSON on its standard input, or both. The `notices` section of an
/// environments file:
///
/// @code{.yaml}
/// notices:
///   webhook_url_env: DEPLOY_WEBHOOK_URL   # or webhook_url: https://hooks.example.com/...
///   command: [./scripts/notify, --channel, deploys]
///   timeout_seconds: 10
/// @endcode
///
/// The webhook must be https; plain http is accepted only to a loopback
/// host, unless `allow_insecure_http` (the rule of
/// ClientOptions::allow_insecure_http). TLS is always verified. A webhook
/// URL is a credential: it is never printed or audited (only its host is).
///
/// @par Example
/// @code
/// herokupp::workflow::NoticeSinks sinks;
/// sinks.webhook_url = "https://hooks.slack.com/services/T000/B000/XXXX";
/// sinks.command = {"/usr/local/bin/notify-deploys"};
/// auto checked = sinks.check();   // invalid_argument for an http URL elsewhere
/// @endcode
struct HEROKUPP_API NoticeSinks {
  /// The incoming webhook's URL; empty for none.
  std::string webhook_url;
  /// The environment variable holding the webhook's URL (keeps the URL out
  /// of a committed file); used when webhook_url is empty.
  std::string webhook_url_env;
  /// Allows a plain http webhook to a host that is not loopback.
  bool allow_insecure_http = false;
  /// The command and its arguments, run without a shell; empty for none.
  std::vector<std::string> command;
  /// How long each sink may take.
  std::chrono::seconds timeout{10};
  /// The dashboard the links point to.
  std::string dashboard = "https://dashboard.heroku.com";

  /// Whether no sink is configured.
  bool empty() const;
  /// The webhook's URL: webhook_url, else the variable webhook_url_env names.
  std::string resolved_webhook_url() const;
  /// Refuses (invalid_argument) a webhook URL that is not https (or http to
  /// loopback, unless allowed), a webhook_url_env naming an unset variable,
  /// and a command whose program is empty. Messages name the host, never the URL.
  result<void> check() const;
  /// Reads the JSON form of the `notices` section (as above); unknown fields
  /// and wrong types are refused with invalid_argument.
  static result<NoticeSinks> from_json(std::string_view text);
};

}  // namespace herokupp::workflow

#endif  // HEROKUPP_WORKFLOW_NOTICE_SINKS_HPP
