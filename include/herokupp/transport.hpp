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
  using Field = std::pair<std::string, std::string>;

  Headers() = default;
  Headers(std::initializer_list<Field> fields);

  /// The first value of `name`, if present.
  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  /// Replaces every field called `name` by one with `value`.
  void set(std::string_view name, std::string value);
  /// Appends a field, keeping any of the same name.
  void add(std::string name, std::string value);
  /// Removes every field called `name`.
  void erase(std::string_view name);

  std::vector<Field> const& fields() const noexcept { return fields_; }
  auto begin() const noexcept { return fields_.begin(); }
  auto end() const noexcept { return fields_.end(); }
  std::size_t size() const noexcept { return fields_.size(); }
  bool empty() const noexcept { return fields_.empty(); }
  void clear() noexcept { fields_.clear(); }

 private:
  std::vector<Field> fields_;
};

/// ASCII case-insensitive comparison, as header names need.
HEROKUPP_API bool iequals(std::string_view a, std::string_view b) noexcept;

/// One HTTP request, fully formed by the Client.
struct HttpRequest {
  Method method = Method::get;
  std::string url;  ///< absolute: "https://api.heroku.com/apps/x"
  Headers headers;
  std::string body;
  std::chrono::milliseconds timeout{30000};  ///< the whole exchange
};

/// One HTTP answer, whatever its status.
struct HttpResponse {
  int status = 0;
  Headers headers;
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
  virtual result<HttpResponse> send(HttpRequest const& request) = 0;
};

}  // namespace herokupp

#endif  // HEROKUPP_TRANSPORT_HPP
