// Maintenance windows: maintenance on for a while, then back as it was.
#ifndef HEROKUPP_OPS_MAINTENANCE_HPP
#define HEROKUPP_OPS_MAINTENANCE_HPP

#include <herokupp/clients/app_client.hpp>
#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace herokupp::ops {

/// An RAII maintenance window. Opening it turns maintenance on (unless it
/// already was); closing it restores the state found at opening. close()
/// reports whether that worked; a window not closed is closed by its
/// destructor, also during stack unwinding, and the destructor never throws.
/// Move-only.
///
/// @par Example
/// @code
/// // given: herokupp::ops::OneOffOptions wait_opts
/// // given: void fail(herokupp::Error const& error)
/// auto window = herokupp::ops::maintenance(heroku.app("shop"));
/// if (!window) return fail(window.error());
/// auto migrated = herokupp::ops::migrate(heroku.app("shop"), wait_opts);
/// auto restored = window->close();   // maintenance off again, even if migrate failed
/// @endcode
class HEROKUPP_API MaintenanceWindow {
 public:
  /// Restores the state found at opening, sending its request through `via`
  /// (a Client for the same account, such as an audited action's).
  using Restore = std::function<result<void>(Client const& via)>;
  /// Wraps the restoring step: called once with the Restore; what the hook
  /// returns is what close() reports. Session uses it to audit the closing.
  /// Unset: the restore runs through the window's own Client.
  using CloseHook = std::function<result<void>(Restore const& restore)>;

  /// Takes over `other`'s window; `other` closes nothing.
  MaintenanceWindow(MaintenanceWindow&& other) noexcept;
  /// Closes this window if open, then takes over `other`'s.
  MaintenanceWindow& operator=(MaintenanceWindow&& other) noexcept;
  MaintenanceWindow(MaintenanceWindow const&) = delete;
  MaintenanceWindow& operator=(MaintenanceWindow const&) = delete;
  ~MaintenanceWindow();

  /// Reads the current state and turns maintenance on if it was off. When
  /// turning it on fails, nothing was changed and the Error is returned.
  static result<MaintenanceWindow> open(AppClient app, CloseHook on_close = {});

  /// Restores the state found at opening (turns maintenance off only if it
  /// was off then). A second call does nothing and succeeds.
  result<void> close();

  /// Whether maintenance was already on when the window opened.
  bool was_on() const noexcept { return was_on_; }
  /// True until close() (or a move) has ended the window.
  bool is_open() const noexcept { return open_; }
  /// The outcome of restoring, once closed.
  std::optional<result<void>> const& close_result() const noexcept { return closed_; }

 private:
  MaintenanceWindow(AppClient app, bool was_on, CloseHook on_close);

  std::optional<AppClient> app_;
  bool was_on_ = false;
  bool open_ = false;
  CloseHook on_close_;
  std::optional<result<void>> closed_;
};

/// Opens a maintenance window on `app`; see MaintenanceWindow.
///
/// @par Example
/// @code
/// auto window = herokupp::ops::maintenance(app);
/// @endcode
HEROKUPP_API result<MaintenanceWindow> maintenance(AppClient const& app);

/// The error of work that failed inside a maintenance window whose closing
/// failed too: `work_error`, its message extended with the closing's (the
/// app may still be in maintenance), never one of them dropped.
///
/// @par Example
/// @code
/// herokupp::Error work(herokupp::ErrorKind::server, "deploy failed");
/// herokupp::Error closing(herokupp::ErrorKind::timeout, "closing timed out");
/// herokupp::Error e = herokupp::ops::with_restore_failure(work, closing);
/// @endcode
HEROKUPP_API Error with_restore_failure(Error work_error, Error const& restore_error);

/// Runs `work` inside a maintenance window and restores maintenance after
/// it, whatever `work` returns or throws. `work` returns a result<T>. When
/// the work succeeded but restoring failed, the restore Error is returned;
/// when both failed, the work's Error says that maintenance is still on
/// (see with_restore_failure).
///
/// @par Example
/// @code
/// // given: herokupp::ops::OneOffOptions o
/// auto r = herokupp::ops::with_maintenance(app, [&] { return herokupp::ops::migrate(app, o); });
/// @endcode
template <class Work>
auto with_maintenance(AppClient const& app, Work&& work) -> decltype(std::forward<Work>(work)()) {
  auto window = MaintenanceWindow::open(app);
  if (!window) return window.error();
  auto outcome = std::forward<Work>(work)();  // a throw here unwinds through ~MaintenanceWindow
  auto restored = window.value().close();
  if (restored) return outcome;
  if (outcome) return restored.error();
  return with_restore_failure(outcome.error(), restored.error());
}

}  // namespace herokupp::ops

#endif  // HEROKUPP_OPS_MAINTENANCE_HPP
