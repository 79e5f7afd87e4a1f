// The default Transport, over libcurl.
#ifndef HEROKUPP_CURL_TRANSPORT_HPP
#define HEROKUPP_CURL_TRANSPORT_HPP

#include <herokupp/export.hpp>
#include <herokupp/transport.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace herokupp {

/// Settings of a CurlTransport. TLS verification is always on unless a caller
/// turns it off explicitly, and herokupp's own tests never do.
struct CurlOptions {
  std::string ca_bundle;  ///< a PEM file of trusted CAs; empty: the system's store
  /// Time allowed to set up a connection (TCP and TLS).
  std::chrono::milliseconds connect_timeout{10000};
  /// An explicit proxy URL. Empty: libcurl reads https_proxy, http_proxy,
  /// all_proxy and no_proxy from the environment.
  std::string proxy;
  /// Checks the server's certificate and name; turn off only for a test server of your own.
  bool verify_tls = true;
  std::size_t max_idle_handles = 16;  ///< idle connections kept for reuse
  /// The largest answer accepted, headers and body together. A larger one is
  /// stopped as soon as it is announced (Content-Length) or, without one, as
  /// soon as the cap is passed, never buffered whole: a `protocol` Error.
  std::size_t max_response_bytes = 64 * 1024 * 1024;
};

/// HTTP/1.1 and HTTP/2 over libcurl, with a keep-alive pool per transport.
///
/// Requests running at the same time each borrow a handle from the pool;
/// each handle keeps its connection open for the next request that borrows
/// it, and DNS answers and TLS sessions are shared across handles. libcurl
/// never resends a request on its own: each send() puts a request on the
/// wire at most once.
///
/// @par Example
/// @code
/// herokupp::CurlOptions curl;
/// curl.ca_bundle = "/etc/ssl/certs/corp-ca.pem";
/// herokupp::ClientOptions opts = herokupp::ClientOptions::from_env();
/// opts.transport = std::make_shared<herokupp::CurlTransport>(curl);
/// @endcode
class HEROKUPP_API CurlTransport : public Transport {
 public:
  /// A transport with its own connection pool.
  explicit CurlTransport(CurlOptions options = {});
  ~CurlTransport() override;
  CurlTransport(CurlTransport const&) = delete;
  CurlTransport& operator=(CurlTransport const&) = delete;

  /// Sends one request on a pooled connection; a failure to connect or a timeout is a transport or
  /// timeout Error.
  result<HttpResponse> send(HttpRequest const& request) override;

  /// How many TCP connections this transport has opened so far.
  long connections_opened() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CURL_TRANSPORT_HPP
