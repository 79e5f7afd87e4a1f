#include <herokupp/ops/promote.hpp>

#include <herokupp/ops/wait.hpp>

#include "ops/polling.hpp"
#include "ops/text.hpp"

#include <algorithm>

namespace herokupp::ops {
namespace {

bool same_app(PipelineRelease const& r, std::string_view name_or_id) {
  return r.app.id == name_or_id || detail::lower(r.app.name) == detail::lower(name_or_id);
}

PipelineRelease const* find_release(std::vector<PipelineRelease> const& releases,
                                    std::string_view name_or_id) {
  for (auto const& r : releases) {
    if (same_app(r, name_or_id)) return &r;
  }
  return nullptr;
}

}  // namespace

result<PromoteResult> promote(PipelineClient const& pipeline, std::string_view from_app,
                              std::vector<std::string> const& targets,
                              PromoteOptions const& options) {
  if (from_app.empty()) return Error(ErrorKind::invalid_argument, "promote: no source app given");
  if (targets.empty()) return Error(ErrorKind::invalid_argument, "promote: no target apps given");
  for (auto const& t : targets) {
    if (t.empty()) return Error(ErrorKind::invalid_argument, "promote: a target app is empty");
    if (detail::lower(t) == detail::lower(from_app)) {
      return Error(ErrorKind::invalid_argument,
                   "promote: " + t + " is both the source and a target");
    }
  }

  auto releases = pipeline.releases().list().collect();
  if (!releases) return releases.error();
  PipelineRelease const* source = find_release(releases.value(), from_app);
  if (!source) {
    return Error(ErrorKind::not_found, "promote: " + std::string(from_app) +
                                           " has no release in pipeline " + pipeline.identity() +
                                           " (is it coupled to it?)");
  }
  if (!source->slug || source->slug->id.empty()) {
    return Error(
        ErrorKind::precondition_failed,
        "promote: the current release of " + std::string(from_app) + " has no slug to promote");
  }
  std::string const slug = source->slug->id;
  std::vector<std::string> same;
  for (auto const& t : targets) {
    PipelineRelease const* target = find_release(releases.value(), t);
    if (target && target->slug && target->slug->id == slug) same.push_back(t);
  }
  if (!same.empty()) {
    return Error(ErrorKind::precondition_failed,
                 "promote: " + detail::join(same, ", ") +
                     (same.size() == 1 ? " already runs" : " already run") + " the slug of " +
                     std::string(from_app) + "; nothing to promote");
  }

  auto created = pipeline.promotions().create(from_app, targets);
  if (!created) return created.error();
  PromoteResult out;
  out.promotion = std::move(created).value();
  out.slug_id = slug;

  if (options.wait.enabled) {
    auto const clock = wait_clock(options.wait, &pipeline.client());
    std::string const id = out.promotion.id;
    PipelineClient const polled =
        detail::polling_client(pipeline.client()).pipeline(pipeline.identity());
    auto done = poll<PipelinePromotion>(
        options.wait, clock, "promotion " + id + " in pipeline " + pipeline.identity(),
        [&]() -> result<std::optional<PipelinePromotion>> {
          auto now = polled.promotions().info(id);
          if (!now) return now.error();
          if (now->status == PipelinePromotion::Status::pending) {
            return std::optional<PipelinePromotion>();
          }
          return std::optional<PipelinePromotion>(std::move(now).value());
        });
    if (!done) return done.error();
    out.promotion = std::move(done).value();
    out.completed = true;
  }

  auto outcomes = pipeline.promotions().targets(out.promotion.id).collect();
  if (!outcomes) return outcomes.error();
  for (auto const& t : targets) {  // in the order given
    PipelineRelease const* known = find_release(releases.value(), t);
    for (auto const& o : outcomes.value()) {
      bool const match = o.app.id == t || (known && known->app.id == o.app.id);
      if (!match) continue;
      PromotionOutcome p;
      p.app = t;
      p.app_id = o.app.id;
      p.status = o.status.raw;
      p.error_message = o.error_message;
      if (o.release) p.release_id = o.release->id;
      out.targets.push_back(std::move(p));
    }
  }
  // Targets the pipeline knew by an id we could not map to a given name.
  for (auto const& o : outcomes.value()) {
    bool listed = std::any_of(out.targets.begin(), out.targets.end(),
                              [&](PromotionOutcome const& p) { return p.app_id == o.app.id; });
    if (listed) continue;
    PromotionOutcome p;
    PipelineRelease const* known = find_release(releases.value(), o.app.id);
    p.app = known && !known->app.name.empty() ? known->app.name : o.app.id;
    p.app_id = o.app.id;
    p.status = o.status.raw;
    p.error_message = o.error_message;
    if (o.release) p.release_id = o.release->id;
    out.targets.push_back(std::move(p));
  }
  return out;
}

}  // namespace herokupp::ops
