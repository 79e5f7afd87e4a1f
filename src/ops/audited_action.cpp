#include <herokupp/call_context.hpp>
#include <herokupp/ops/audited_action.hpp>

#include "core/client_state.hpp"

#include <mutex>
#include <utility>

namespace herokupp::ops {
namespace detail {

struct AuditedActionRunnerState {
  Client client;
  std::shared_ptr<AuditSink> sink;
  AuditedActionOptions options;

  Timestamp now() const { return options.now ? options.now() : Timestamp::now(); }
  void report(Error const& e) const {
    if (options.on_audit_failure) options.on_audit_failure(e);
  }
};

// What one action shares with the logger of its Client: the request ids
// land here from whichever thread sends, so no thread-local is needed and
// nested or concurrent actions never see each other's requests.
struct RequestIds {
  std::mutex mutex;
  std::vector<std::string> ids;

  void add(std::string id) {
    std::lock_guard<std::mutex> guard(mutex);
    ids.push_back(std::move(id));
  }
  std::vector<std::string> copy() {
    std::lock_guard<std::mutex> guard(mutex);
    return ids;
  }
};

struct AuditedActionState {
  std::shared_ptr<AuditedActionRunnerState const> runner;
  ActionSpec spec;
  std::string id;
  std::shared_ptr<RequestIds> request_ids = std::make_shared<RequestIds>();
  Client client;
  std::mutex mutex;  // guards `finished` and `extra`
  bool finished = false;
  std::vector<std::pair<std::string, std::string>> extra;

  AuditedActionState(std::shared_ptr<AuditedActionRunnerState const> r, ActionSpec s,
                     std::string action_id, Client c)
      : runner(std::move(r)), spec(std::move(s)), id(std::move(action_id)), client(std::move(c)) {}

  AuditRecord record(std::string outcome) {
    AuditRecord r;
    r.time = runner->now();
    r.action_id = id;
    r.actor = spec.actor;
    r.action = spec.action;
    r.app = spec.app;
    r.arguments = spec.arguments;
    {
      std::lock_guard<std::mutex> guard(mutex);
      r.arguments.insert(r.arguments.end(), extra.begin(), extra.end());
    }
    r.outcome = std::move(outcome);
    r.request_ids = request_ids->copy();
    return r;
  }

  // Writes a record; an Error when the sink refused it.
  result<void> write(AuditRecord const& record) const {
    if (!runner->sink) return success();
    auto written = runner->sink->write(record);
    if (!written) {
      Error e = written.error();
      if (e.message.rfind("audit", 0) != 0) e.message = "audit: " + e.message;
      return e;
    }
    return success();
  }

  result<void> write_final(AuditRecord const& record) {
    {
      std::lock_guard<std::mutex> guard(mutex);
      if (finished) return success();
      finished = true;
    }
    auto written = write(record);
    if (!written) runner->report(written.error());
    return written;
  }
};

}  // namespace detail

namespace {

// A handle on `base` (same transport, throttle, cache and rate-limit
// reading) whose calls note their request ids for the audit record and tag
// their log records with the action and the actor.
Client noting_client(Client const& base, ActionSpec const& spec,
                     std::shared_ptr<detail::RequestIds> ids) {
  // The embedding program's own context (a deadline, its tags, its sink)
  // stays in force; the action adds to it.
  CallContext context = base.context() ? *base.context() : CallContext{};
  context.tags.emplace_back("action", spec.action);
  context.tags.emplace_back("actor", spec.actor);
  // One id per attempt: a retried request lists every attempt it made.
  context.on_request_id = [ids, outer = std::move(context.on_request_id)](std::string const& id) {
    ids->add(id);
    if (outer) outer(id);
  };
  return base.with(std::move(context));
}

}  // namespace

std::string_view outcome_of(Error const& error) noexcept {
  switch (error.kind) {
    case ErrorKind::policy_denied:
    case ErrorKind::protected_app:
    case ErrorKind::confirmation_required:
      return "denied";
    default:
      return "error";
  }
}

// --- AuditedAction ----------------------------------------------------------

AuditedAction::AuditedAction(std::shared_ptr<detail::AuditedActionState> state)
    : state_(std::move(state)) {}

AuditedAction::AuditedAction(AuditedAction&&) noexcept = default;

AuditedAction& AuditedAction::operator=(AuditedAction&& other) noexcept {
  if (this != &other) {
    if (state_ && !state_->finished) {
      try {
        (void)fail(Error(ErrorKind::unknown, "the action ended without reporting an outcome"));
      } catch (...) {  // best effort, like the destructor
      }
    }
    state_ = std::move(other.state_);
  }
  return *this;
}

AuditedAction::~AuditedAction() {
  if (!state_ || finished()) return;
  try {
    (void)fail(Error(ErrorKind::unknown,
                     "the action ended without reporting an outcome (an exception, or a "
                     "caller that returned early)"));
  } catch (...) {  // a destructor must not throw
  }
}

std::string const& AuditedAction::id() const noexcept {
  return state_->id;
}

Client const& AuditedAction::client() const noexcept {
  return state_->client;
}

void AuditedAction::add_request_id(std::string request_id) {
  if (!request_id.empty()) state_->request_ids->add(std::move(request_id));
}

std::vector<std::string> AuditedAction::request_ids() const {
  return state_->request_ids->copy();
}

void AuditedAction::add_argument(std::string name, std::string value) {
  std::lock_guard<std::mutex> guard(state_->mutex);
  state_->extra.emplace_back(std::move(name), std::move(value));
}

bool AuditedAction::finished() const noexcept {
  if (!state_) return true;  // moved from
  std::lock_guard<std::mutex> guard(state_->mutex);
  return state_->finished;
}

result<void> AuditedAction::succeed(std::string message) {
  AuditRecord r = state_->record("ok");
  r.message = std::move(message);
  return state_->write_final(r);
}

result<void> AuditedAction::fail(Error const& error) {
  AuditRecord r = state_->record(std::string(outcome_of(error)));
  r.error = std::string(to_string(error.kind));
  r.message = error.message;
  return state_->write_final(r);
}

// --- AuditedActionRunner ----------------------------------------------------

AuditedActionRunner::AuditedActionRunner(Client client, std::shared_ptr<AuditSink> sink,
                                         AuditedActionOptions options)
    : state_(
          std::make_shared<detail::AuditedActionRunnerState const>(detail::AuditedActionRunnerState{
              std::move(client), std::move(sink), std::move(options)})) {}

Client const& AuditedActionRunner::client() const noexcept {
  return state_->client;
}

std::shared_ptr<AuditSink> const& AuditedActionRunner::sink() const noexcept {
  return state_->sink;
}

result<AuditedAction> AuditedActionRunner::begin(ActionSpec spec, Check const& check) const {
  auto ids = std::make_shared<detail::RequestIds>();
  Client client = noting_client(state_->client, spec, ids);
  auto st = std::make_shared<detail::AuditedActionState>(
      state_, std::move(spec), herokupp::detail::new_request_id(), std::move(client));
  st->request_ids = ids;
  AuditedAction action(st);

  if (check) {
    auto allowed = check(st->client);
    if (!allowed) {
      // A refusal is recorded as well as it can be; it stays a refusal
      // whether or not the record could be written.
      (void)action.fail(allowed.error());
      return allowed.error();
    }
  }
  if (st->spec.read_only) return action;

  auto started = st->write(st->record("started"));
  if (!started) {
    if (st->spec.restoring) {
      state_->report(started.error());
      return action;
    }
    {
      std::lock_guard<std::mutex> guard(st->mutex);
      st->finished = true;  // nothing ran: no final record to write either
    }
    return Error(ErrorKind::precondition_failed,
                 st->spec.action + " on " + st->spec.app +
                     " was refused because its audit record could not be written (" +
                     started.error().message + "); nothing was changed");
  }
  return action;
}

}  // namespace herokupp::ops
