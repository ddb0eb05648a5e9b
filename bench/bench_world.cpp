#include "bench/bench_world.hpp"

#include <map>
#include <utility>

#include "sim/engine/run.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace urbis::bench {

std::string source(const std::string& relative) { return std::string(URBIS_SOURCE_DIR) + "/" + relative; }

namespace {
const Params& defaults() {
  static const Params p = load_defaults(source("configs/defaults.yaml"));
  return p;
}
RunContext context() {
  RunContext ctx;
  ctx.default_world_dir = source("configs/world");
  return ctx;
}
}  // namespace

const Prepared& prepared(std::int64_t cities, std::int64_t networks) {
  static std::pair<std::int64_t, std::int64_t> held_size{-1, -1};
  static std::unique_ptr<Prepared> held;
  if (held_size == std::pair{cities, networks}) return *held;
  held.reset();  // free the previous size first
  auto p = std::make_unique<Prepared>();
  p->scenario = std::make_unique<Scenario>(
      load_scenario(source("configs/bench/synthetic_1e4.yaml"), defaults(), {source("scenarios")}));
  p->scenario->world.synthetic.cities = cities;
  if (networks > 0) p->scenario->world.synthetic.networks = networks;
  p->data = std::make_unique<WorldData>(load_world(*p->scenario, context()));
  p->run.emplace(*p->scenario, *p->data);
  p->run->step();
  p->run->world().global.year = p->run->next_year();
  held = std::move(p);
  held_size = {cities, networks};
  return *held;
}

Real load_paris_withdrawal() {
  Real r;
  r.scenario = std::make_unique<Scenario>(
      load_scenario(source("scenarios/paris_withdrawal.yaml"), defaults(), {source("scenarios")}));
  r.data = std::make_unique<WorldData>(load_world(*r.scenario, context()));
  return r;
}

}  // namespace urbis::bench
