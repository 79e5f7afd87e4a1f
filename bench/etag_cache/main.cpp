// What conditional GETs save on a polling loop against the simulator: a tool
// waiting on an app reads its dynos and the app itself, again and again,
// while the app changes now and then (a restart every `change_every` polls).
//
//   bench_etag_cache [polls=300] [change_every=30]
//
// Prints:
//   etag_cache polls P requests R not_modified M body_bytes_without B0 body_bytes_with B1 saved_pct
//   S
#include <herokupp/herokupp.hpp>
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// Counts what the transport really carried.
class Counting : public herokupp::Stage {
 public:
  std::string_view name() const noexcept override { return "counting"; }
  herokupp::result<herokupp::HttpResponse> send(herokupp::Exchange& x,
                                                herokupp::Next next) override {
    auto r = next(x);
    ++requests;
    if (r) {
      body_bytes += r->body.size();
      if (r->status == 304) ++not_modified;
    }
    return r;
  }
  std::atomic<long> requests{0}, not_modified{0}, body_bytes{0};
};

std::shared_ptr<Counting> poll(std::string const& url, std::string const& key, bool cached,
                               int polls, int change_every) {
  herokupp::ClientOptions opts;
  opts.api_key = key;
  opts.base_url = url;
  auto counting = std::make_shared<Counting>();
  opts.extra_stages.push_back(counting);
  if (cached) opts.cache = std::make_shared<herokupp::ETagCache>();
  herokupp::Client heroku{opts};
  auto app = heroku.app("shop-staging");
  for (int i = 0; i < polls; ++i) {
    if (i > 0 && i % change_every == 0) {
      if (!heroku.raw(herokupp::Method::delete_, "/apps/shop-staging/dynos")) std::abort();
    }
    if (!app.dynos().list().collect()) std::abort();
    if (!app.info()) std::abort();
  }
  return counting;
}

}  // namespace

int main(int argc, char** argv) {
  int const polls = argc > 1 ? std::atoi(argv[1]) : 300;
  int const change_every = argc > 2 ? std::atoi(argv[2]) : 30;
  herokupp::sim::Platform platform;
  if (!platform.load_seed_file(HEROKUPP_FLEET_SEED)) return 1;
  herokupp::sim::Server server{platform};
  std::string const key = platform.default_api_key();
  auto without = poll(server.base_url(), key, false, polls, change_every);
  auto with = poll(server.base_url(), key, true, polls, change_every);
  double const saved = 100.0 * (1.0 - static_cast<double>(with->body_bytes) /
                                          static_cast<double>(without->body_bytes));
  std::printf(
      "etag_cache polls %d requests %ld not_modified %ld body_bytes_without %ld body_bytes_with "
      "%ld saved_pct %.1f\n",
      polls, with->requests.load(), with->not_modified.load(), without->body_bytes.load(),
      with->body_bytes.load(), saved);
  server.stop();
  return 0;
}
