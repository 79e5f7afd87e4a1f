// Maintenance windows that outlive an interruption: each window the tool
// opens is recorded in the state dir until it is closed; SIGINT and SIGTERM
// close this run's windows before the tool exits; the next run reports any
// window left open, with the command that closes it.
#include "context.hpp"

#include <herokupp/clients/app_client.hpp>
#include <herokupp/ops/audited_action.hpp>

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <thread>

namespace herokupp::cli {
namespace {

std::string window_name(std::string const& app) {
  return "window-" + safe_name(app) + ".json";
}

}  // namespace

void record_window(Context& c, std::string const& app, bool open) {
  if (open) {
    json j{{"app", app},
           {"opened_at", Timestamp::now().to_string()},
           {"actor", c.actor},
           {"pid", static_cast<long>(::getpid())},
           {"close_with", "herokupp maintenance " + app + " off"}};
    if (auto saved = save_state(c, window_name(app), j.dump()); !saved) {
      c.err << "herokupp: " << printable(saved.error().message) << "\n";
    }
  } else {
    drop_state(c, window_name(app));
  }
}

void report_open_windows(Context& c) {
  for (auto const& name : list_state(c, "window-")) {
    auto text = load_state(c, name);
    if (!text) continue;
    try {
      auto j = json::parse(*text);
      c.err << "herokupp: warning: " << printable(j.at("app").get<std::string>())
            << " was left in maintenance by an interrupted run (opened "
            << printable(j.at("opened_at").get<std::string>())
            << "); close it with: " << printable(j.at("close_with").get<std::string>()) << "\n";
    } catch (json::exception const&) {
      c.err << "herokupp: warning: unreadable window record " << printable(name) << "\n";
    }
  }
}

int close_recorded_windows(Context& c, std::string const& why) {
  int failures = 0;
  for (auto const& name : list_state(c, "window-")) {
    auto text = load_state(c, name);
    if (!text) continue;
    json j;
    try {
      j = json::parse(*text);
      if (j.at("pid").get<long>() != static_cast<long>(::getpid())) continue;
    } catch (json::exception const&) {
      continue;
    }
    auto app = j.at("app").get<std::string>();
    ops::ActionSpec spec;
    spec.actor = c.actor;
    spec.action = "maintenance";
    spec.app = app;
    spec.arguments = {{"state", "off"}, {"reason", why}};
    spec.restoring = true;  // runs even if the audit cannot be written
    ops::AuditedActionRunner runner{c.client, c.audit};
    auto off = runner.run(
        spec, {}, [&](ops::AuditedAction& a) { return a.client().app(app).disable_maintenance(); },
        [&](App const&) { return "maintenance off after " + why; });
    if (off) {
      drop_state(c, name);
      c.err << "herokupp: " << why << ": maintenance is off again for " << printable(app) << "\n";
    } else {
      ++failures;
      c.err << "herokupp: " << why << ": maintenance could NOT be turned off for " << printable(app)
            << ": " << printable(off.error().message) << "; close it with: herokupp maintenance "
            << printable(app) << " off\n";
    }
  }
  return failures;
}

void block_interrupts() {
  // Blocked before any thread starts, so that every thread inherits the
  // mask and only the guard's sigwait() receives them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

InterruptGuard::InterruptGuard(Context& c) {
  if (!c.env.handle_signals) return;
  // SIGINT and SIGTERM are taken by a thread of ours: it can make the HTTP
  // requests that close windows, which a signal handler could not.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  Context* ctx = &c;
  std::thread([ctx, set] {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return;
    std::string why = sig == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)";
    int failures = close_recorded_windows(*ctx, why);
    ctx->err.flush();
    std::_Exit(failures > 0 ? exit_api_error : 128 + sig);
  }).detach();
}

}  // namespace herokupp::cli
