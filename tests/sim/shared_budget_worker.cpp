// One process of the shared-budget test: its own Client, the default
// throttle (told the simulator's small bucket), `n` GETs; prints
// "requests R 429s T failed F" and exits 0 when every GET succeeded.
//
//   herokupp_shared_budget_worker URL KEY N CAPACITY REFILL_PER_MINUTE
#include <herokupp/herokupp.hpp>
#include <herokupp/pacing.hpp>
#include <herokupp/reserve_pacing.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
class Count429 : public herokupp::Stage {
 public:
  std::string_view name() const noexcept override { return "count-429"; }
  herokupp::result<herokupp::HttpResponse> send(herokupp::Exchange& x,
                                                herokupp::Next next) override {
    auto r = next(x);
    ++requests;
    if (r && r->status == 429) ++limited;
    return r;
  }
  std::atomic<long> requests{0}, limited{0};
};
}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) return 2;
  herokupp::ClientOptions opts;
  opts.base_url = argv[1];
  opts.api_key = argv[2];
  int const n = std::atoi(argv[3]);
  herokupp::ReservePacingOptions pacing;
  pacing.capacity = std::atof(argv[4]);
  pacing.refill_per_second = std::atof(argv[5]) / 60.0;
  opts.throttle =
      std::make_shared<herokupp::PacingThrottle>(std::make_unique<herokupp::ReservePacing>(pacing));
  opts.retry.max_attempts = 8;
  auto counter = std::make_shared<Count429>();
  opts.extra_stages.push_back(counter);
  herokupp::Client heroku{opts};
  int failed = 0;
  for (int i = 0; i < n; ++i) {
    if (!heroku.raw(herokupp::Method::get, "/account")) ++failed;
  }
  std::printf("requests %ld 429s %ld failed %d\n", counter->requests.load(),
              counter->limited.load(), failed);
  return failed == 0 ? 0 : 1;
}
