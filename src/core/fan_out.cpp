#include <herokupp/fan_out.hpp>

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

namespace herokupp {

void fan_out_indices(std::size_t count, FanOutOptions const& options,
                     std::function<bool(std::size_t)> const& run,
                     std::function<void(std::size_t, Error)> const& skip) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed_once{false};
  std::mutex progress_mutex;
  FanOutProgress progress;
  progress.total = count;

  auto worker = [&] {
    for (;;) {
      std::size_t const i = next.fetch_add(1);
      if (i >= count) return;
      bool ok = false;
      if (options.cancel && options.cancel->cancelled()) {
        skip(i, Error(ErrorKind::precondition_failed, "not started: the run was cancelled"));
      } else if (options.stop_on_first_error && failed_once.load()) {
        skip(i, Error(ErrorKind::precondition_failed, "not started: an earlier item failed"));
      } else {
        ok = run(i);
        if (!ok) failed_once.store(true);
      }
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++progress.done;
      if (!ok) ++progress.failed;
      if (options.on_progress) options.on_progress(progress);
    }
  };

  std::size_t const threads = std::min(std::max<std::size_t>(1, options.in_flight), count);
  if (threads <= 1) {
    worker();
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();  // the calling thread works too
  for (auto& t : pool)
    t.join();
}

}  // namespace herokupp
