// bench_sim_throughput: simple GETs per second that herokupp::sim::Server
// answers to 16 keep-alive clients, and the memory the fleet seed takes.
//
//   bench_sim_throughput [--clients 16] [--seconds 5] [--threads 2] [--seed FILE]
//
// Each client is a thread with one persistent HTTP/1.1 connection sending
// `GET /apps/shop-staging` and reading the answer, as fast as it can. The
// clients are deliberately thin (plain sockets) so the figure measures the
// server, which shares the machine's cores with them.
#include <herokupp/sim/platform.hpp>
#include <herokupp/sim/server.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

int connect_to(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// Sends `request` and reads one answer; false on any failure or a non-200.
bool exchange(int fd, std::string const& request, std::string& buffer) {
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  buffer.clear();
  std::size_t header_end = std::string::npos;
  std::size_t content_length = 0;
  char chunk[16384];
  while (true) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    if (header_end == std::string::npos) {
      header_end = buffer.find("\r\n\r\n");
      if (header_end == std::string::npos) continue;
      auto cl = buffer.find("Content-Length: ");
      if (cl == std::string::npos || cl > header_end) return false;
      content_length = std::strtoul(buffer.c_str() + cl + 16, nullptr, 10);
    }
    if (buffer.size() >= header_end + 4 + content_length) {
      return buffer.compare(0, 12, "HTTP/1.1 200") == 0;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  int clients = 16;
  double seconds = 5;
  int threads = 2;
  std::string seed = HEROKUPP_FLEET_SEED;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view arg = argv[i];
    if (arg == "--clients") clients = std::atoi(argv[i + 1]);
    if (arg == "--seconds") seconds = std::atof(argv[i + 1]);
    if (arg == "--threads") threads = std::atoi(argv[i + 1]);
    if (arg == "--seed") seed = argv[i + 1];
  }

  long const rss_start = rss_kib();
  herokupp::sim::PlatformOptions options;
  options.rate_limit_capacity = 1'000'000'000;  // measure the server, not the rate limit
  herokupp::sim::Platform platform{options};
  if (auto loaded = platform.load_seed_file(seed); !loaded) {
    std::fprintf(stderr, "bench_sim_throughput: %s\n", loaded.error().message.c_str());
    return 1;
  }
  std::string const key = platform.default_api_key();
  herokupp::sim::ServerOptions server_options;
  server_options.threads = threads;
  herokupp::sim::Server server{platform, server_options};
  long const rss_loaded = rss_kib();

  std::string const request =
      "GET /apps/shop-staging HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Accept: application/vnd.heroku+json; version=3\r\n"
      "Authorization: Bearer " +
      key + "\r\n\r\n";
  std::atomic<bool> stop{false};
  std::atomic<long> done{0};
  std::atomic<long> failed{0};
  std::vector<std::thread> workers;
  for (int c = 0; c < clients; ++c) {
    workers.emplace_back([&] {
      int fd = connect_to(server.port());
      std::string buffer;
      long mine = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        if (fd < 0 || !exchange(fd, request, buffer)) {
          failed.fetch_add(1);
          if (fd >= 0) ::close(fd);
          fd = connect_to(server.port());
          continue;
        }
        ++mine;
      }
      if (fd >= 0) ::close(fd);
      done.fetch_add(mine);
    });
  }
  auto const started = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers)
    w.join();
  double const elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  long const rss_end = rss_kib();
  server.stop();

  std::printf("clients          %d keep-alive connections, server threads %d\n", clients, threads);
  std::printf("requests         %ld GET /apps/shop-staging in %.2f s (%ld failed)\n", done.load(),
              elapsed, failed.load());
  std::printf("throughput       %.0f GETs/s\n", static_cast<double>(done.load()) / elapsed);
  std::printf(
      "rss              %ld KiB before, %ld KiB with the fleet seed loaded and serving, "
      "%ld KiB after the run\n",
      rss_start, rss_loaded, rss_end);
  return failed.load() == 0 ? 0 : 1;
}
