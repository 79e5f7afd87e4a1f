#include <herokupp/curl_transport.hpp>

#include <curl/curl.h>

#include <array>
#include <atomic>
#include <mutex>
#include <vector>

namespace herokupp {

namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Error transport_error(CURLcode code, char const* detail) {
  Error e;
  std::string text = detail != nullptr && detail[0] != '\0' ? detail : curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      e.kind = ErrorKind::transport;
      e.id = "name_resolution";
      e.message = "could not resolve the host name: " + text;
      break;
    case CURLE_COULDNT_CONNECT:
      e.kind = ErrorKind::transport;
      e.id = "connection_refused";
      e.message = "could not connect: " + text;
      break;
    case CURLE_OPERATION_TIMEDOUT:
      e.kind = ErrorKind::timeout;
      e.id = "timeout";
      e.message = "timed out: " + text;
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
      e.kind = ErrorKind::tls;
      e.id = "tls";
      e.message = "TLS failed: " + text;
      break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      e.kind = ErrorKind::transport;
      e.id = "connection_reset";
      e.message = "the connection broke: " + text;
      break;
    case CURLE_PARTIAL_FILE:
      e.kind = ErrorKind::transport;
      e.id = "incomplete_response";
      e.message = "the answer was cut short: " + text;
      break;
    default:
      e.kind = ErrorKind::transport;
      e.id = "transport";
      e.message = text;
      break;
  }
  return e;
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t write_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* headers = static_cast<Headers*>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();  // a new response (after 100 Continue or a proxy's CONNECT)
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string_view name = line.substr(0, colon);
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  headers->add(std::string(name), std::string(value));
  return size * count;
}

}  // namespace

struct CurlTransport::Impl {
  CurlOptions options;
  CURLSH* share = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> share_locks;
  std::mutex pool_mutex;
  std::vector<CURL*> idle;
  std::atomic<long> connections{0};

  static void lock(CURL* /*handle*/, curl_lock_data data, curl_lock_access /*access*/, void* user) {
    static_cast<Impl*>(user)->share_locks[static_cast<std::size_t>(data)].lock();
  }
  static void unlock(CURL* /*handle*/, curl_lock_data data, void* user) {
    static_cast<Impl*>(user)->share_locks[static_cast<std::size_t>(data)].unlock();
  }

  explicit Impl(CurlOptions opts) : options(std::move(opts)) {
    global_init();
    share = curl_share_init();
    curl_share_setopt(share, CURLSHOPT_LOCKFUNC, &Impl::lock);
    curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC, &Impl::unlock);
    curl_share_setopt(share, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }

  ~Impl() {
    for (CURL* h : idle)
      curl_easy_cleanup(h);
    curl_share_cleanup(share);
  }

  CURL* acquire() {
    {
      std::lock_guard<std::mutex> guard(pool_mutex);
      if (!idle.empty()) {
        CURL* h = idle.back();
        idle.pop_back();
        return h;
      }
    }
    CURL* h = curl_easy_init();
    if (h != nullptr) configure(h);
    return h;
  }

  // What is the same for every request is set once per handle; send() sets
  // everything that varies, every time, so nothing carries over.
  void configure(CURL* h) const {
    curl_easy_setopt(h, CURLOPT_SHARE, share);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_MAXCONNECTS, static_cast<long>(options.max_idle_handles));
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L);
    if (!options.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_bundle.c_str());
    if (!options.proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, options.proxy.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &write_body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &write_header);
  }

  void release(CURL* h) {
    {
      std::lock_guard<std::mutex> guard(pool_mutex);
      if (idle.size() < options.max_idle_handles) {
        idle.push_back(h);
        return;
      }
    }
    curl_easy_cleanup(h);
  }
};

CurlTransport::CurlTransport(CurlOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

CurlTransport::~CurlTransport() = default;

long CurlTransport::connections_opened() const noexcept {
  return impl_->connections.load();
}

result<HttpResponse> CurlTransport::send(HttpRequest const& request) {
  CURL* h = impl_->acquire();
  if (h == nullptr) return Error(ErrorKind::transport, "could not create a libcurl handle");
  struct Releaser {
    Impl* impl;
    CURL* handle;
    curl_slist* headers = nullptr;
    ~Releaser() {
      curl_slist_free_all(headers);
      impl->release(handle);
    }
  } releaser{impl_.get(), h};

  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);

  // The method and its body: every option a previous request on this handle
  // may have set is set again.
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, nullptr);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(-1));
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  switch (request.method) {
    case Method::get:
      break;
    case Method::head:
      curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
      break;
    case Method::post:
      curl_easy_setopt(h, CURLOPT_POST, 1L);
      break;
    case Method::put:
    case Method::patch:
    case Method::delete_:
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, std::string(to_string(request.method)).c_str());
      break;
  }
  // libcurl silently resends a request whose reused connection died before
  // any answer arrived; for a POST or PATCH that would apply it twice. Those
  // go out on a fresh connection, which libcurl never retries.
  curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, is_idempotent(request.method) ? 0L : 1L);
  bool const sends_body = request.method == Method::post || request.method == Method::put ||
                          request.method == Method::patch || !request.body.empty();
  if (sends_body && request.method != Method::get && request.method != Method::head) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
  }

  std::string line;
  for (auto const& [name, value] : request.headers) {
    line.assign(name).append(": ").append(value);
    releaser.headers = curl_slist_append(releaser.headers, line.c_str());
  }
  // A body would otherwise wait a second for "100 Continue" first.
  if (sends_body) releaser.headers = curl_slist_append(releaser.headers, "Expect:");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, releaser.headers);

  CURLcode code = curl_easy_perform(h);
  // Both die with this call; the pooled handle must not keep pointing at them.
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  long new_connections = 0;
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &new_connections);
  impl_->connections.fetch_add(new_connections);
  if (code != CURLE_OK) return transport_error(code, error_buffer);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace herokupp
