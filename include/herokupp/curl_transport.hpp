// The default Transport, over libcurl.
#ifndef HEROKUPP_CURL_TRANSPORT_HPP
#define HEROKUPP_CURL_TRANSPORT_HPP

#include <herokupp/export.hpp>
#include <herokupp/transport.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace herokupp {

/// Settings of a CurlTransport. TLS verification is always on unless a caller
/// turns it off explicitly, and herokupp's own tests never do.
struct CurlOptions {
  std::string ca_bundle;  ///< a PEM file of trusted CAs; empty: the system's store
  std::chrono::milliseconds connect_timeout{10000};
  /// An explicit proxy URL. Empty: libcurl reads https_proxy, http_proxy,
  /// all_proxy and no_proxy from the environment.
  std::string proxy;
  bool verify_tls = true;
  std::size_t max_idle_handles = 16;  ///< idle connections kept for reuse
};

/// HTTP/1.1 and HTTP/2 over libcurl, with a keep-alive pool per transport.
///
/// Requests running at the same time each borrow a handle from the pool;
/// connections, DNS answers and TLS sessions are shared across handles, so
/// consecutive requests to one host reuse one connection.
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
  explicit CurlTransport(CurlOptions options = {});
  ~CurlTransport() override;
  CurlTransport(CurlTransport const&) = delete;
  CurlTransport& operator=(CurlTransport const&) = delete;

  result<HttpResponse> send(HttpRequest const& request) override;

  /// How many TCP connections this transport has opened so far.
  long connections_opened() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace herokupp

#endif  // HEROKUPP_CURL_TRANSPORT_HPP
