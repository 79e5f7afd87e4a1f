// Test support: a loopback HTTP/1.1 server on plain sockets, for the cases a
// well-behaved server library will not produce: closing a kept-alive
// connection right after reading a request, announcing or streaming
// oversized bodies. It counts every request that arrives.
#ifndef HEROKUPP_TESTS_SUPPORT_RAW_HTTP_SERVER_HPP
#define HEROKUPP_TESTS_SUPPORT_RAW_HTTP_SERVER_HPP

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <functional>
#include <string>
#include <thread>

namespace herokupp::test {

class RawHttpServer {
 public:
  /// What to do with one request.
  struct Reply {
    std::string bytes;             ///< written as is (status line, headers, body)
    bool close = false;            ///< close the connection after `bytes` (or without any)
    std::size_t stream_bytes = 0;  ///< then this many filler bytes, until the peer leaves
  };
  /// Called for each request with its index on its connection (0 for the
  /// first) and its head (request line and headers).
  using Behaviour = std::function<Reply(int index_on_connection, std::string const& head)>;

  explicit RawHttpServer(Behaviour behaviour) : behaviour_(std::move(behaviour)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listener_, 16);
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~RawHttpServer() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  RawHttpServer(RawHttpServer const&) = delete;
  RawHttpServer& operator=(RawHttpServer const&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Requests that reached the server, whether answered or not.
  int arrivals() const { return arrivals_.load(); }
  int connections() const { return connections_.load(); }
  /// Body bytes written by streamed replies before the peer went away.
  std::size_t streamed() const { return streamed_.load(); }

 private:
  // Waits until `fd` is readable; false when stopping or on timeout.
  bool readable(int fd) {
    while (!stop_) {
      pollfd p{fd, POLLIN, 0};
      int r = ::poll(&p, 1, 20);
      if (r > 0) return true;
      if (r < 0) return false;
    }
    return false;
  }

  void run() {
    while (readable(listener_)) {
      int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) continue;
      ++connections_;
      serve(fd);
      ::close(fd);
    }
  }

  // One connection at a time: the tests drive one request at a time.
  void serve(int fd) {
    std::string buffer;
    for (int index = 0;; ++index) {
      std::size_t end;
      while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!readable(fd)) return;
        char chunk[4096];
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return;
        buffer.append(chunk, static_cast<std::size_t>(n));
      }
      std::string head = buffer.substr(0, end + 4);
      std::size_t body = content_length(head);
      while (buffer.size() < end + 4 + body) {
        if (!readable(fd)) return;
        char chunk[4096];
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return;
        buffer.append(chunk, static_cast<std::size_t>(n));
      }
      buffer.erase(0, end + 4 + body);
      ++arrivals_;
      Reply reply = behaviour_(index, head);
      if (!write_all(fd, reply.bytes.data(), reply.bytes.size())) return;
      if (reply.stream_bytes > 0) {
        std::string filler(64 * 1024, 'x');
        std::size_t left = reply.stream_bytes;
        while (left > 0 && !stop_) {
          std::size_t n = std::min(left, filler.size());
          if (!write_all(fd, filler.data(), n)) return;
          streamed_ += n;
          left -= n;
        }
      }
      if (reply.close) return;
    }
  }

  static bool write_all(int fd, char const* data, std::size_t size) {
    while (size > 0) {
      ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
      if (n <= 0) return false;
      data += n;
      size -= static_cast<std::size_t>(n);
    }
    return true;
  }

  static std::size_t content_length(std::string const& head) {
    for (char const* name : {"Content-Length:", "content-length:"}) {
      auto at = head.find(name);
      if (at != std::string::npos) return std::stoul(head.substr(at + std::strlen(name)));
    }
    return 0;
  }

  Behaviour behaviour_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> arrivals_{0};
  std::atomic<int> connections_{0};
  std::atomic<std::size_t> streamed_{0};
  std::thread thread_;
};

}  // namespace herokupp::test

#endif  // HEROKUPP_TESTS_SUPPORT_RAW_HTTP_SERVER_HPP
