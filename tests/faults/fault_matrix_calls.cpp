#include "fault_matrix.hpp"

#include <sstream>

namespace faults {

namespace {

using herokupp::Method;

template <class T, class F>
Outcome outcome(herokupp::result<T> r, F summary) {
  Outcome o;
  o.ok = r.has_value();
  if (o.ok) {
    o.summary = summary(r.value());
  } else {
    o.error = r.error();
  }
  return o;
}

Outcome outcome(herokupp::result<void> r) {
  Outcome o;
  o.ok = r.has_value();
  if (!o.ok) o.error = r.error();
  return o;
}

template <class T, class F>
std::string each(T const& items, F f) {
  std::ostringstream out;
  for (auto const& item : items)
    out << f(item) << ";";
  return out.str();
}

constexpr char const* app = "shop-staging";

}  // namespace

std::vector<Call> calls() {
  using herokupp::Client;
  std::string const a = std::string("/apps/") + app;
  return {
      {"apps().list()", Method::get, "/apps",
       [](Client const& c, Setup const&) {
         return outcome(c.apps().list().collect(),
                        [](auto const& v) { return each(v, [](auto& x) { return x.name; }); });
       }},
      {"apps().create()", Method::post, "/apps",
       [](Client const& c, Setup const&) {
         herokupp::api::app::CreateParams p;
         p.name = "fault-new";
         return outcome(c.apps().create(p), [](auto const& x) { return x.name; });
       }},
      {"app.info()", Method::get, a,
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).info(), [](auto const& x) { return x.name; });
       }},
      {"app.enable_maintenance()", Method::patch, a,
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).enable_maintenance(),
                        [](auto const& x) { return std::to_string(x.maintenance); });
       }},
      {"app.dynos().list()", Method::get, a + "/dynos",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).dynos().list().collect(),
                        [](auto const& v) { return each(v, [](auto& x) { return x.name; }); });
       }},
      {"app.dynos().info()", Method::get, a + "/dynos/",
       [](Client const& c, Setup const& s) {
         return outcome(c.app(app).dynos().info(s.dyno_name), [](auto const& x) { return x.name; });
       }},
      {"app.dynos().run()", Method::post, a + "/dynos",
       [](Client const& c, Setup const&) {
         herokupp::RunOptions run;
         run.command = "rake db:migrate";
         return outcome(c.app(app).dynos().run(run), [](auto const& x) { return x.command; });
       }},
      {"app.dynos().restart()", Method::delete_, a + "/dynos/",
       [](Client const& c, Setup const& s) {
         return outcome(c.app(app).dynos().restart(s.dyno_name));
       }},
      {"app.dynos().restart_all()", Method::delete_, a + "/dynos",
       [](Client const& c, Setup const&) { return outcome(c.app(app).dynos().restart_all()); }},
      {"app.dynos().stop()", Method::post, a + "/dynos/",
       [](Client const& c, Setup const& s) {
         return outcome(c.app(app).dynos().stop(s.dyno_name));
       }},
      {"app.releases().list()", Method::get, a + "/releases",
       [](Client const& c, Setup const&) {
         herokupp::ListOptions two;
         two.max = 2;
         return outcome(c.app(app).releases().list(two).collect(), [](auto const& v) {
           return each(v, [](auto& x) { return std::to_string(x.version); });
         });
       }},
      {"app.releases().info()", Method::get, a + "/releases/",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).releases().info(std::int64_t{1}),
                        [](auto const& x) { return std::to_string(x.version); });
       }},
      {"app.releases().rollback()", Method::post, a + "/releases",
       [](Client const& c, Setup const& s) {
         return outcome(c.app(app).releases().rollback(s.release_id),
                        [](auto const& x) { return x.description; });
       }},
      {"app.config_vars().get()", Method::get, a + "/config-vars",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).config_vars().get(),
                        [](auto const& m) { return each(m, [](auto& kv) { return kv.first; }); });
       }},
      {"app.config_vars().update()", Method::patch, a + "/config-vars",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).config_vars().update({{"FAULT_KEY", std::string("v")}}),
                        [](auto const& m) { return each(m, [](auto& kv) { return kv.first; }); });
       }},
      {"app.config_vars().for_release()", Method::get, a + "/releases/",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).config_vars().for_release("1"),
                        [](auto const& m) { return each(m, [](auto& kv) { return kv.first; }); });
       }},
      {"app.formation().list()", Method::get, a + "/formation",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).formation().list().collect(),
                        [](auto const& v) { return each(v, [](auto& x) { return x.type; }); });
       }},
      {"app.formation().info()", Method::get, a + "/formation/",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).formation().info("web"),
                        [](auto const& x) { return std::to_string(x.quantity); });
       }},
      {"app.formation().scale()", Method::patch, a + "/formation/",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).formation().scale("web", 3),
                        [](auto const& x) { return std::to_string(x.quantity); });
       }},
      {"app.formation().batch_update()", Method::patch, a + "/formation",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).formation().batch_update({{"web", 2, std::nullopt}}),
                        [](auto const& v) {
                          return each(v, [](auto& x) { return std::to_string(x.quantity); });
                        });
       }},
      {"app.builds().create()", Method::post, a + "/builds",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).builds().create(
                            {"https://example.com/src.tgz", std::string("abc1234"), {}}),
                        [](auto const& x) { return x.status.raw; });
       }},
      {"app.builds().list()", Method::get, a + "/builds",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).builds().list().collect(),
                        [](auto const& v) { return std::to_string(v.size()); });
       }},
      {"app.builds().info()", Method::get, a + "/builds/",
       [](Client const& c, Setup const& s) {
         return outcome(c.app(app).builds().info(s.build_id), [](auto const& x) { return x.id; });
       }},
      {"app.log_sessions().create()", Method::post, a + "/log-sessions",
       [](Client const& c, Setup const&) {
         return outcome(c.app(app).log_sessions().create(),
                        [](auto const& x) { return std::to_string(!x.logplex_url.empty()); });
       }},
      {"pipelines().list()", Method::get, "/pipelines",
       [](Client const& c, Setup const&) {
         return outcome(c.pipelines().list().collect(),
                        [](auto const& v) { return each(v, [](auto& x) { return x.name; }); });
       }},
      {"pipeline.info()", Method::get, "/pipelines/",
       [](Client const& c, Setup const&) {
         return outcome(c.pipeline("shop").info(), [](auto const& x) { return x.name; });
       }},
      {"pipeline.couplings().list()", Method::get, "/pipelines/",
       [](Client const& c, Setup const&) {
         return outcome(c.pipeline("shop").couplings().list().collect(),
                        [](auto const& v) { return each(v, [](auto& x) { return x.stage.raw; }); });
       }},
      {"pipeline.releases().list()", Method::get, "/pipelines/",
       [](Client const& c, Setup const&) {
         return outcome(c.pipeline("shop").releases().list().collect(),
                        [](auto const& v) { return std::to_string(v.size()); });
       }},
      {"pipeline.promotions().create()", Method::post, "/pipeline-promotions",
       [](Client const& c, Setup const&) {
         return outcome(c.pipeline("shop").promotions().create("shop-staging", {"shop-production"}),
                        [](auto const& x) { return x.status.raw; });
       }},
      {"pipeline.promotions().info()", Method::get, "/pipeline-promotions/",
       [](Client const& c, Setup const& s) {
         return outcome(c.pipeline("shop").promotions().info(s.promotion_id),
                        [](auto const& x) { return x.id; });
       }},
      {"pipeline.promotions().targets()", Method::get, "/pipeline-promotions/",
       [](Client const& c, Setup const& s) {
         return outcome(c.pipeline("shop").promotions().targets(s.promotion_id).collect(),
                        [](auto const& v) { return std::to_string(v.size()); });
       }},
  };
}

}  // namespace faults
