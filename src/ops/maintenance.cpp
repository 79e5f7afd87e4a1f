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
      if (now && now->maintenance) (void)app.disable_maintenance();
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

result<MaintenanceWindow> maintenance(AppClient const& app) {
  return MaintenanceWindow::open(app);
}

}  // namespace herokupp::ops
