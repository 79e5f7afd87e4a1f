#include <herokupp/clients/app_client.hpp>
#include <herokupp/clients/pipeline_client.hpp>
#include <herokupp/workflow/pipeline_stages.hpp>

#include <optional>

namespace herokupp::workflow {

result<std::vector<std::string>> downstream_apps(Client const& client, std::string_view pipeline,
                                                 std::string_view from) {
  auto couplings = client.pipeline(std::string(pipeline)).couplings().list().collect();
  if (!couplings) return couplings.error();
  auto source = client.app(std::string(from)).info();
  if (!source) return source.error();
  std::optional<PipelineCoupling::Stage> from_stage;
  for (auto const& cp : *couplings) {
    if (cp.app.id == source->id) from_stage = cp.stage.value;
  }
  if (!from_stage) {
    return Error{ErrorKind::not_found,
                 std::string(from) + " is not in pipeline " + std::string(pipeline)};
  }
  std::optional<PipelineCoupling::Stage> next;
  for (auto const& cp : *couplings) {
    if (cp.stage.value > *from_stage && (!next || cp.stage.value < *next)) next = cp.stage.value;
  }
  std::vector<std::string> to;
  for (auto const& cp : *couplings) {
    if (next && cp.stage.value == *next) {
      auto info = client.app(cp.app.id).info();
      to.push_back(info ? info->name : cp.app.id);
    }
  }
  if (to.empty()) {
    return Error{ErrorKind::invalid_argument,
                 "nothing downstream of " + std::string(from) + "; give --to"};
  }
  return to;
}

}  // namespace herokupp::workflow
