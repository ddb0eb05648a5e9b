#include "sim/sweep/plan.hpp"

#include <fmt/format.h>

#include "sim/scenario/load_scenario.hpp"

namespace urbis::sweep {

std::vector<std::string> SweepPlan::header() const {
  std::vector<std::string> h = {"run_id", "point"};
  if (spec.scenario_factor) h.push_back("scenario");
  h.push_back("replicate");
  h.push_back("seed");
  for (const auto& p : spec.params) h.push_back(p.path);
  h.push_back("status");
  h.push_back("wall_seconds");
  for (const auto& m : spec.metrics) h.push_back(m.name);
  h.push_back("error");
  h.push_back("command");
  return h;
}

SweepPlan make_plan(SweepSpec spec, std::vector<Scenario> bases, std::vector<std::string> scenario_args,
                    RunContext context) {
  SweepPlan plan;
  for (auto& base : bases)
    for (const auto& [path, v] : spec.fixed) apply_override(base, fmt::format("{}={}", path, v));
  plan.points = design_points(spec);
  // Apply each point once up front, so a value the model refuses is an input error before any run.
  for (const auto& row : plan.points) {
    Scenario s = bases.front();
    for (std::size_t j = 0; j < spec.params.size(); ++j) {
      try {
        apply_override(s, fmt::format("{}={}", spec.params[j].path, row[j]));
      } catch (const InputError& e) {
        throw InputError(spec.params[j].where, e.message());
      }
    }
    if (&row - plan.points.data() > 1000) break;
  }
  plan.spec = std::move(spec);
  plan.bases = std::move(bases);
  plan.scenario_args = std::move(scenario_args);
  plan.context = std::move(context);
  return plan;
}

}  // namespace urbis::sweep
