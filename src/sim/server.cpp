// The simulator over HTTP/1.1 on 127.0.0.1, on Boost.Beast (see docs/simulator.md
// for why Beast rather than cpp-httplib).
#include <herokupp/sim/server.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace herokupp::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::optional<Method> method_of(http::verb verb) {
  switch (verb) {
    case http::verb::get:
      return Method::get;
    case http::verb::head:
      return Method::head;
    case http::verb::post:
      return Method::post;
    case http::verb::put:
      return Method::put;
    case http::verb::patch:
      return Method::patch;
    case http::verb::delete_:
      return Method::delete_;
    default:
      return std::nullopt;
  }
}

constexpr std::size_t kSlowChunks = 8;

}  // namespace

#if defined(__GNUC__) && !defined(_WIN32)
#define HEROKUPP_SIM_HIDDEN __attribute__((visibility("hidden")))
#else
#define HEROKUPP_SIM_HIDDEN
#endif

/// Hidden: a shared libherokupp_sim exports only the public API.
struct HEROKUPP_SIM_HIDDEN Server::Impl {
  Impl(Platform& p, ServerOptions o) : platform(p), options(std::move(o)), acceptor(ioc) {}

  Platform& platform;
  ServerOptions options;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  std::uint16_t port = 0;
  std::mutex mutex;
  std::condition_variable stopped_cv;
  bool stopped = false;

  void accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), timer_(stream_.get_executor()), server_(server) {}

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(16 * 1024 * 1024);
    stream_.expires_after(std::chrono::seconds(120));
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec) {
      close();
      return;
    }
    auto& message = parser_->get();
    keep_alive_ = message.keep_alive();
    head_ = message.method() == http::verb::head;
    auto const started = std::chrono::steady_clock::now();
    auto method = method_of(message.method());
    if (!method) {
      response_ = Response();
      response_.status = 405;
      response_.headers.add("Content-Type", "application/json");
      response_.body = R"({"id":"method_not_allowed","message":"Method not allowed."})";
    } else {
      Request request;
      request.method = *method;
      request.target = std::string(message.target());
      for (auto const& field : message) {
        request.headers.add(std::string(field.name_string()), std::string(field.value()));
      }
      request.body = std::move(message.body());
      response_ = server_.platform.handle(request);
      if (server_.options.access_log) {
        auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
        char elapsed[32];
        std::snprintf(elapsed, sizeof elapsed, "%.1fms", static_cast<double>(micros) / 1000.0);
        auto target = request.target.substr(0, request.target.find('?'));
        server_.options.access_log(std::string(to_string(*method)) + " " + target + " " +
                                   std::to_string(response_.status) + " " + elapsed +
                                   (response_.fault != FaultKind::none
                                        ? " fault=" + std::string(to_string(response_.fault))
                                        : std::string()));
      }
    }
    if (response_.delay.count() > 0) {
      timer_.expires_after(response_.delay);
      timer_.async_wait([self = shared_from_this()](beast::error_code) { self->deliver(); });
    } else {
      deliver();
    }
  }

  std::string head_text(std::size_t content_length) const {
    std::string out =
        "HTTP/1.1 " + std::to_string(response_.status) + " " +
        std::string(http::obsolete_reason(static_cast<http::status>(response_.status))) + "\r\n";
    for (auto const& [name, value] : response_.headers) {
      if (iequals(name, "Content-Length") || iequals(name, "Connection")) continue;
      out += name;
      out += ": ";
      out += value;
      out += "\r\n";
    }
    if (response_.status != 304)
      out += "Content-Length: " + std::to_string(content_length) + "\r\n";
    out += keep_alive_ ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    return out;
  }

  void deliver() {
    std::string const& body = response_.body;
    switch (response_.fault) {
      case FaultKind::reset: {
        beast::error_code ignored;
        stream_.socket().set_option(asio::socket_base::linger(true, 0), ignored);
        stream_.socket().close(ignored);
        return;
      }
      case FaultKind::truncated_body:
        out_ = head_text(body.size()) + body.substr(0, body.size() / 2);
        keep_alive_ = false;
        write_all();
        return;
      case FaultKind::slow_body:
        out_ = head_text(body.size());
        slow_offset_ = 0;
        slow_chunk_ = std::max<std::size_t>(1, (body.size() + kSlowChunks - 1) / kSlowChunks);
        write_slow();
        return;
      default:
        out_ = head_text(body.size());
        if (!head_ && response_.status != 304) out_ += body;
        write_all();
        return;
    }
  }

  void write_all() {
    stream_.expires_after(std::chrono::seconds(60));
    asio::async_write(stream_, asio::buffer(out_),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec || !self->keep_alive_) {
                          self->close();
                          return;
                        }
                        self->read();
                      });
  }

  // Sends the head, then the body in kSlowChunks pieces spread over the
  // slow-body duration.
  void write_slow() {
    stream_.expires_after(std::chrono::seconds(60));
    asio::async_write(
        stream_, asio::buffer(out_),
        [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) {
            self->close();
            return;
          }
          auto const& body = self->response_.body;
          if (self->head_ || self->slow_offset_ >= body.size()) {
            if (!self->keep_alive_) {
              self->close();
            } else {
              self->read();
            }
            return;
          }
          self->timer_.expires_after(self->response_.slow_body_duration / kSlowChunks);
          self->timer_.async_wait([self](beast::error_code) {
            auto const& b = self->response_.body;
            self->out_ = b.substr(self->slow_offset_, self->slow_chunk_);
            self->slow_offset_ += self->slow_chunk_;
            self->write_slow();
          });
        });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  asio::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Server::Impl& server_;
  Response response_;
  std::string out_;
  bool keep_alive_ = true;
  bool head_ = false;
  std::size_t slow_offset_ = 0;
  std::size_t slow_chunk_ = 1;
};

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    } else {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Session>(std::move(socket), *this)->start();
    }
    accept();
  });
}

Server::Server(Platform& platform, ServerOptions options)
    : impl_(std::make_unique<Impl>(platform, std::move(options))) {
  auto& impl = *impl_;
  beast::error_code ec;
  tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), impl.options.port);
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    Error e(ErrorKind::transport, "cannot listen on 127.0.0.1:" +
                                      std::to_string(impl.options.port) + ": " + ec.message());
    e.id = "listen";
    throw Exception(std::move(e));
  }
  impl.port = impl.acceptor.local_endpoint().port();
  platform.set_base_url(base_url());
  impl.accept();
  int const threads = std::max(1, impl.options.threads);
  for (int i = 0; i < threads; ++i)
    impl.threads.emplace_back([&impl] { impl.ioc.run(); });
}

Server::~Server() {
  stop();
}

std::string Server::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

std::uint16_t Server::port() const noexcept {
  return impl_->port;
}

void Server::stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->stopped) return;
    impl_->stopped = true;
  }
  asio::post(impl_->ioc, [impl = impl_.get()] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
  });
  impl_->ioc.stop();
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  impl_->stopped_cv.notify_all();
}

void Server::wait() {
  std::unique_lock<std::mutex> lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [&] { return impl_->stopped; });
}

}  // namespace herokupp::sim
