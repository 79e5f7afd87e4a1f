// Progress on stderr: a `--> line` as each wait starts; on a terminal, a
// ticker counting that wait alone, cleared before whatever comes next.
#include "context.hpp"

#include <thread>

namespace herokupp::cli {
namespace {

constexpr char const* clear_line = "\r\033[K";

}  // namespace

std::function<void(std::chrono::milliseconds)> progress_sleep(Context& c) {
  auto base = c.env.sleep;
  auto interactive = c.env.interactive;
  auto* err = &c.err;
  auto ticker = c.ticker;
  return [base, interactive, err, ticker](std::chrono::milliseconds d) {
    if (base) {
      base(d);
    } else {
      std::this_thread::sleep_for(d);
    }
    // The time asked for, not the time measured: what the wait has allowed.
    ticker->waited += d;
    if (!interactive) return;
    auto tenths = ticker->waited.count() / 100;
    *err << clear_line << "    waiting " << tenths / 10 << "." << tenths % 10 << "s"
         << (ticker->label.empty() ? "" : " (" + ticker->label + ")") << std::flush;
    ticker->shown = true;
  };
}

void clear_progress(Context& c) {
  if (c.ticker->shown) c.err << clear_line << std::flush;
  c.ticker->shown = false;
}

void progress_line(Context& c, std::string const& line) {
  clear_progress(c);
  c.ticker->waited = std::chrono::milliseconds(0);
  c.ticker->label = printable(c.redact(line));
  c.err << "--> " << c.ticker->label << "\n";
}

}  // namespace herokupp::cli
