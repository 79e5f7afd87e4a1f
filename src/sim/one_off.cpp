#include "one_off.hpp"

#include "platform_impl.hpp"

namespace herokupp::sim {
namespace detail {

std::vector<std::string> one_off_output(std::string const& command, int status,
                                        Config const& config) {
  bool const migration = command.find("db:migrate") != std::string::npos;
  std::vector<std::string> out;
  if (migration) {
    out.push_back("== 20240501120000 AddPlacedAtIndexToOrders: migrating ==================");
    out.push_back("-- add_index(:orders, :placed_at)");
  } else {
    out.push_back("Running `" + command + "`");
  }
  if (status == 0) {
    out.push_back(migration
                      ? "== 20240501120000 AddPlacedAtIndexToOrders: migrated (0.0123s) ========="
                      : "Done.");
    return out;
  }
  out.push_back("rake aborted!");
  auto db = config.find("DATABASE_URL");
  if (db != config.end()) {
    out.push_back("ActiveRecord::ConnectionNotEstablished: connection to " + db->second +
                  " failed: FATAL: too many connections");
  } else {
    out.push_back("StandardError: An error has occurred, all later migrations canceled");
  }
  out.push_back("Tasks: TOP => " + std::string(migration ? "db:migrate" : "default"));
  return out;
}

}  // namespace detail

bool Platform::fail_next_run(std::string const& app, int status) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  detail::App* a = impl_->app_by_identity(app);
  if (a == nullptr) return false;
  ++impl_->generation;
  a->fail_next_run = status == 0 ? 1 : status;
  return true;
}

}  // namespace herokupp::sim
