#include "build_output.hpp"

#include <herokupp/clients/app_client.hpp>
#include <herokupp/curl_transport.hpp>
#include <herokupp/ops/masked_config.hpp>

#include <algorithm>

namespace herokupp::cli {
namespace {

// Output of a build is logs, not a download: a generous cap all the same.
constexpr std::size_t output_limit = 8 << 20;

bool fetchable(std::string const& url) {
  if (url.rfind("https://", 0) == 0) return true;
  for (char const* loopback : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
    std::string prefix = loopback;
    if (url.rfind(prefix, 0) == 0 &&
        (url.size() == prefix.size() || url[prefix.size()] == ':' || url[prefix.size()] == '/'))
      return true;
  }
  return false;
}

}  // namespace

BuildOutput::BuildOutput(Context& c) : c_(c), transport_(c.env.transport) {}

void BuildOutput::load_values(std::string const& app) {
  values_loaded_ = true;
  // Read only to be masked; never printed. Values under 4 characters carry
  // too little to matter and would blot ordinary words out of the output.
  auto vars = c_.client.app(app).config_vars().get();
  if (!vars) return;
  for (auto const& [key, value] : *vars) {
    if (value.size() >= 4) values_.push_back(value);
  }
  std::sort(values_.begin(), values_.end(),
            [](std::string const& a, std::string const& b) { return a.size() > b.size(); });
}

std::string BuildOutput::masked(std::string line) {
  std::string const mask(ops::value_mask);
  for (auto const& value : values_) {
    std::size_t pos = 0;
    while ((pos = line.find(value, pos)) != std::string::npos) {
      line.replace(pos, value.size(), mask);
      pos += mask.size();
    }
  }
  // Server text reaches a terminal: control characters as visible escapes.
  return printable(c_.redact(std::move(line)));
}

void BuildOutput::operator()(Build const& build) {
  if (done_ || build.output_stream_url.empty() || !fetchable(build.output_stream_url)) return;
  bool const finished = build.status != Build::Status::pending;
  if (!values_loaded_) load_values(build.app.id);
  if (!transport_) transport_ = std::make_shared<CurlTransport>();
  HttpRequest request;
  request.method = Method::get;
  request.url = build.output_stream_url;
  // A streaming URL answers when the build ends: allow as long as a build.
  request.timeout = std::chrono::minutes(30);
  auto got = transport_->send(request);
  if (!got || got->status != 200) return;  // the deploy goes on without its output
  std::string const& text = got->body;
  if (text.size() > output_limit || text.size() < printed_) return;
  std::size_t end = finished ? text.size() : text.rfind('\n');
  if (end == std::string::npos || end < printed_) return;
  if (!finished) ++end;  // through the newline
  std::size_t start = printed_;
  printed_ = end;
  clear_progress(c_);
  while (start < end) {
    auto nl = text.find('\n', start);
    if (nl == std::string::npos || nl > end) nl = end;
    c_.err << "    " << masked(text.substr(start, nl - start)) << "\n";
    start = nl + 1;
  }
  c_.err << std::flush;
  done_ = finished;
}

}  // namespace herokupp::cli
