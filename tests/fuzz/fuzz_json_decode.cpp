// JsonReader and the generated decoders: the first byte picks a model (or a
// list of them), the rest is the answer's body. Any input must give a value
// or a decode Error, never a crash, a hang or an exception.
#include "core/json_codec.hpp"
#include "core/json_reader.hpp"

#include "models/account_codec.hpp"
#include "models/app_codec.hpp"
#include "models/app_webhook_codec.hpp"
#include "models/build_codec.hpp"
#include "models/dyno_codec.hpp"
#include "models/formation_codec.hpp"
#include "models/log_session_codec.hpp"
#include "models/pipeline_codec.hpp"
#include "models/pipeline_coupling_codec.hpp"
#include "models/pipeline_promotion_codec.hpp"
#include "models/release_codec.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

template <class T>
void decode(std::string_view text, char const* root) {
  auto r = herokupp::detail::decode_text<T>(text, root);
  // A failure is a decode Error that names where it happened.
  if (!r && (r.error().kind != herokupp::ErrorKind::decode || r.error().message.empty())) {
    std::abort();
  }
}

// The reader alone: skip whatever value comes, then require the end.
void skim(std::string_view text) {
  try {
    herokupp::detail::JsonReader reader(text);
    reader.skip();
    reader.finish();
  } catch (herokupp::detail::MalformedJson const&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<char const*>(data) + 1, size - 1);
  using namespace herokupp;
  switch (data[0] % 16) {
    case 0:
      skim(text);
      break;
    case 1:
      decode<App>(text, "app");
      break;
    case 2:
      decode<std::vector<App>>(text, "apps");
      break;
    case 3:
      decode<Release>(text, "release");
      break;
    case 4:
      decode<std::vector<Release>>(text, "releases");
      break;
    case 5:
      decode<Dyno>(text, "dyno");
      break;
    case 6:
      decode<std::vector<Dyno>>(text, "dynos");
      break;
    case 7:
      decode<Formation>(text, "formation");
      break;
    case 8:
      decode<std::vector<Formation>>(text, "formations");
      break;
    case 9:
      decode<Build>(text, "build");
      break;
    case 10:
      decode<Pipeline>(text, "pipeline");
      break;
    case 11:
      decode<std::vector<PipelineCoupling>>(text, "couplings");
      break;
    case 12:
      decode<PipelinePromotion>(text, "promotion");
      break;
    case 13:
      decode<LogSession>(text, "log_session");
      break;
    case 14:
      decode<Account>(text, "account");
      break;
    default:
      decode<std::vector<AppWebhook>>(text, "webhooks");
      break;
  }
  return 0;
}
