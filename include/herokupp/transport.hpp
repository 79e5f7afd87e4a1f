// The pluggable HTTP layer: requests, responses and the Transport interface.
#ifndef HEROKUPP_TRANSPORT_HPP
#define HEROKUPP_TRANSPORT_HPP

#include <herokupp/error.hpp>
#include <herokupp/export.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herokupp {

/// HTTP methods the Platform API uses.
enum class Method { get, head, post, put, patch, delete_ };

/// "GET", "PATCH"...
HEROKUPP_API std::string_view to_string(Method method) noexcept;

/// True for methods the library may send twice (GET, HEAD, PUT, DELETE).
HEROKUPP_API bool is_idempotent(Method method) noexcept;

/// An ordered list of header fields whose names compare case-insensitively.
///
/// @par Example
/// @code
/// herokupp::Headers h;
/// h.set("Content-Type", "application/json");
/// assert(h.get("content-type") == "application/json");
/// @endcode
class HEROKUPP_API Headers {
 public:
  /// One header: its name as given, and its value.
  using Field = std::pair<std::string, std::string>;

  Headers() = default;
  /// Headers from name/value pairs, in order.
  Headers(std::initializer_list<Field> fields);

  /// The first value of `name`, if present.
  std::optional<std::string_view> get(std::string_view name) const;
  /// Whether a header called `name` is present (any case).
  bool contains(std::string_view name) const { return get(name).has_value(); }
  /// Replaces every field called `name` by one with `value`.
  void set(std::string_view name, std::string value);
  /// Appends a field, keeping any of the same name.
  void add(std::string name, std::string value);
  /// Removes every field called `name`.
  void erase(std::string_view name);

  /// Every header, in the order added.
  std::vector<Field> const& fields() const noexcept { return fields_; }
  /// The first header.
  auto begin() const noexcept { return fields_.begin(); }
  /// Past the last header.
  auto end() const noexcept { return fields_.end(); }
  /// How many headers there are.
  std::size_t size() const noexcept { return fields_.size(); }
  /// Whether there are none.
  bool empty() const noexcept { return fields_.empty(); }
  /// Removes every header.
  void clear() noexcept { fields_.clear(); }

 private:
  std::vector<Field> fields_;
};

/// ASCII case-insensitive comparison, as header names need.
HEROKUPP_API bool iequals(std::string_view a, std::string_view b) noexcept;

/// One HTTP request, fully formed by the Client.
struct HttpRequest {
  /// The HTTP method.
  Method method = Method::get;
  std::string url;  ///< absolute: "https://api.heroku.com/apps/x"
  /// The headers to send.
  Headers headers;
  /// The body to send; empty for none.
  std::string body;
  std::chrono::milliseconds timeout{30000};  ///< the whole exchange
};

/// One HTTP answer, whatever its status.
struct HttpResponse {
  /// The HTTP status.
  int status = 0;
  /// The answer's headers.
  Headers headers;
  /// The answer's body, as received.
  std::string body;
};

/// Moves bytes: sends a request and returns the answer, or an Error of kind
/// transport, tls or timeout when no answer arrived. A transport never retries,
/// authenticates or parses JSON; the Client does. Implementations must be
/// safe to call from many threads at once.
///
/// @par Example
/// @code
/// class Recording : public herokupp::Transport {
///  public:
///   explicit Recording(std::shared_ptr<herokupp::Transport> next) : next_(std::move(next)) {}
///   herokupp::result<herokupp::HttpResponse> send(herokupp::HttpRequest const& r) override {
///     std::clog << herokupp::to_string(r.method) << " " << r.url << "\n";
///     return next_->send(r);
///   }
///  private:
///   std::shared_ptr<herokupp::Transport> next_;
/// };
/// @endcode
class HEROKUPP_API Transport {
 public:
  virtual ~Transport() = default;
  /// Sends one request and returns the answer, whatever its status; an Error only when there is no
  /// answer (transport, timeout). Thread-safe.
  virtual result<HttpResponse> send(HttpRequest const& request) = 0;
};

}  // namespace herokupp

#endif  // HEROKUPP_TRANSPORT_HPP
