#include <herokupp/ops/maintenance.hpp>

namespace herokupp::ops {

MaintenanceWindow::MaintenanceWindow(AppClient app, bool was_on, CloseHook on_close)
    : app_(std::move(app)), was_on_(was_on), open_(true), on_close_(std::move(on_close)) {}

MaintenanceWindow::MaintenanceWindow(MaintenanceWindow&& other) noexcept
    : app_(std::move(other.app_)),
      was_on_(other.was_on_),
      open_(other.open_),
      on_close_(std::move(other.on_close_)),
      closed_(std::move(other.closed_)) {
  other.open_ = false;
}

MaintenanceWindow& MaintenanceWindow::operator=(MaintenanceWindow&& other) noexcept {
  if (this != &other) {
    if (open_) {
      try {
        close();
      } catch (...) {  // best effort, like the destructor
      }
    }
    app_ = std::move(other.app_);
    was_on_ = other.was_on_;
    open_ = other.open_;
    on_close_ = std::move(other.on_close_);
    closed_ = std::move(other.closed_);
    other.open_ = false;
  }
  return *this;
}

MaintenanceWindow::~MaintenanceWindow() {
  if (!open_) return;
  try {
    close();
  } catch (...) {  // a destructor must not throw; close() itself reports errors
  }
}

result<MaintenanceWindow> MaintenanceWindow::open(AppClient app, CloseHook on_close) {
  auto info = app.info();
  if (!info) return info.error();
  bool const was_on = info->maintenance;
  if (!was_on) {
    auto on = app.enable_maintenance();
    if (!on) {
      // The request may have been applied even though no answer came back:
      // look, and put the state back if so. The first Error is the story.
      auto now = app.info();
      if (now && now->maintenance) {
        if (auto off = app.disable_maintenance(); !off) {
          return with_restore_failure(on.error(), off.error());
        }
      } else if (!now && on.error().http_status == 0) {
        // No answer to either: whether maintenance is on is unknown, and
        // saying nothing would let a caller believe it is off.
        Error e = on.error();
        e.message += "; whether maintenance is now on could not be read (" + now.error().message +
                     "): check " + app.identity();
        return e;
      }
      return on.error();
    }
  }
  return MaintenanceWindow(std::move(app), was_on, std::move(on_close));
}

result<void> MaintenanceWindow::close() {
  if (!open_) return closed_ ? *closed_ : result<void>(success());
  open_ = false;
  AppClient const app = *app_;
  bool const was_on = was_on_;
  Restore restore = [identity = app.identity(), was_on](Client const& via) -> result<void> {
    if (was_on) return success();  // it was on before: leave it on
    auto off = via.app(identity).disable_maintenance();
    if (!off) return off.error();
    return success();
  };
  closed_ = on_close_ ? on_close_(restore) : restore(app.client());
  return *closed_;
}

Error with_restore_failure(Error work_error, Error const& restore_error) {
  work_error.message += "; and maintenance could not be turned off again, so " +
                        std::string("the app may still be in maintenance (") +
                        restore_error.message + ")";
  return work_error;
}

result<MaintenanceWindow> maintenance(AppClient const& app) {
  return MaintenanceWindow::open(app);
}

}  // namespace herokupp::ops
