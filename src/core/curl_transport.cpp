#include <herokupp/curl_transport.hpp>

#include <curl/curl.h>

#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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

// What one transfer collects, and the bounds it is held to.
struct Transfer {
  HttpResponse* response = nullptr;
  std::size_t max_bytes = 0;
  std::size_t received = 0;  // header and body bytes so far
  bool too_large = false;
  int requests_started = 0;  // how often libcurl was about to send the request
};

// Counts bytes against the cap; false once it is passed, which makes the
// callback return a short count and libcurl abort the transfer right away.
bool within_cap(Transfer& t, std::size_t n) {
  t.received += n;
  if (t.received > t.max_bytes) t.too_large = true;
  return !t.too_large;
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  std::size_t const n = size * count;
  if (!within_cap(t, n)) return 0;
  t.response->body.append(data, n);
  return n;
}

// The size the server announces, when it says so plainly.
std::optional<unsigned long long> content_length(std::string_view value) {
  if (value.empty() || value.size() > 19) return std::nullopt;
  unsigned long long n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  return n;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

std::size_t write_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  Headers* headers = &t.response->headers;
  std::size_t const n = size * count;
  if (!within_cap(t, n)) return 0;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();  // a new response (after 100 Continue or a proxy's CONNECT)
    return n;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string_view name = line.substr(0, colon);
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  // An announced body over the cap is refused before a byte of it is read.
  if (iequals(name, "Content-Length")) {
    auto announced = content_length(value);
    if (announced && *announced > t.max_bytes) {
      t.too_large = true;
      return 0;
    }
  }
  headers->add(std::string(name), std::string(value));
  return n;
}

// libcurl resends a request by itself when a reused connection turns out to
// be closed before any answer arrived. The Client decides about retries and
// counts every request that reaches the wire, so a second send within one
// transfer is stopped here, before it is written.
int before_request(void* user, char* /*primary_ip*/, char* /*local_ip*/, int /*primary_port*/,
                   int /*local_port*/) {
  auto& t = *static_cast<Transfer*>(user);
  return ++t.requests_started > 1 ? CURL_PREREQFUNC_ABORT : CURL_PREREQFUNC_OK;
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
    // Only what libcurl supports sharing between concurrent threads: DNS
    // answers and TLS sessions, each under its own lock. Connections are not
    // shared ("not supported ... between multiple concurrent threads"); each
    // pooled handle keeps its own, so a handle taken from the pool reuses the
    // connection its last request left open.
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
    curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, &before_request);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(options.max_response_bytes));
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
  Transfer transfer;
  transfer.response = &response;
  transfer.max_bytes = impl_->options.max_response_bytes;
  char error_buffer[CURL_ERROR_SIZE] = {0};

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_PREREQDATA, &transfer);

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
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    Error e(ErrorKind::protocol, "the answer is larger than CurlOptions::max_response_bytes (" +
                                     std::to_string(impl_->options.max_response_bytes) +
                                     " bytes); the transfer was stopped");
    e.id = "response_too_large";
    return e;
  }
  if (code == CURLE_ABORTED_BY_CALLBACK && transfer.requests_started > 1) {
    Error e(ErrorKind::transport,
            "the connection closed before an answer arrived; the request was not resent "
            "within this attempt");
    e.id = "connection_reset";
    return e;
  }
  if (code != CURLE_OK) return transport_error(code, error_buffer);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace herokupp
