#include "sim/world/state_economies.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"
#include "sim/world/text_list.hpp"
#include "sim/world/un_population.hpp"
#include "sim/world/yearly_path.hpp"

namespace urbis::state_economies {
namespace {

using world_bank::Series;
using world_bank::WorldBank;

// Data preparation constants. They shape how raw series become the state
// variables at the start of a run; they are not model parameters (nothing in
// the dynamics reads them), so they live here and not in defaults.yaml.
// Before and after the data the paths follow the rules of
// sim/world/yearly_path.hpp with these settings:
// - population after the last World Bank year grows at its last ten years'
//   rate, clamped to [-2%, +4%] a year, fading by half every 30 years (the
//   demographic transition); the UN's city paths after 2035 fade the same way;
// - GDP per capita after the last year grows at the mean of its own and the
//   world's rates over the last ten years, clamped to [0, 5%] a year (current
//   USD, so this includes inflation), held;
// - before a state's first observation its path follows the world's
//   (population, GDP per capita), so a series that starts late (Russia in
//   1989) keeps the state's later place in the world.
constexpr world_paths::After kPopulationAfter{10, 0.0, -0.02, 0.04, un_population::kFadeHalfLife};
constexpr world_paths::After kIncomeAfter{10, 0.5, 0.0, 0.05, 0.0};
constexpr int kNaturalEarthYear = natural_earth::kEstimateYear;

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

}  // namespace

// Gaps are filled log-linearly, the years before a series starts follow the
// world's path, the years after it the rules above. A state without a series
// takes Natural Earth's estimate for 2019 as its one observation; without
// that, its population is its UN agglomerations' and its GDP per capita the
// states' median relative to the world's.
Anchors national_paths(States& s, const std::vector<const natural_earth::Country*>& country, const WorldBank& wb,
                       const std::vector<double>& urban, int start_year, std::vector<std::string>& problems) {
  using world_paths::reference_path;
  using world_paths::yearly_path;
  const std::size_t ns = s.size();
  Anchors anchors = make_anchors(kFirstYear, kLastYear, ns, 0, 0);
  const auto years = static_cast<std::size_t>(anchors.years);

  const Series* wld_pop = WorldBank::find_code(wb.population, "WLD");
  const Series* wld_gdp = WorldBank::find_code(wb.gdp, "WLD");
  if (!wld_pop || !wld_gdp)
    throw InputError(SourcePlace{wb.gdp_file, 0, 0},
                     "the World Bank files need the world's series (code WLD) to extend the states' series");
  const std::vector<double> world_pop = reference_path(*wld_pop, kFirstYear, kLastYear, kPopulationAfter);
  const std::vector<double> world_pc =
      reference_path(world_bank::per_capita(wld_pop, wld_gdp), kFirstYear, kLastYear, kIncomeAfter);
  for (std::size_t t = 0; t < years; ++t) anchors.world_gdp[t] = world_pc[t] * world_pop[t];
  auto at = [&](const std::vector<double>& path, int year) {
    return path[static_cast<std::size_t>(std::clamp(year - kFirstYear, 0, anchors.years - 1))];
  };

  std::vector<std::string> ne_fallback, late_start;
  std::vector<std::vector<double>> income(ns);
  std::vector<double> relative_2019;
  std::vector<std::size_t> no_income;
  for (std::size_t j = 0; j < ns; ++j) {
    const natural_earth::Country& c = *country[j];
    const Series* pop = WorldBank::find(wb.population, c);
    const Series* gdp = WorldBank::find(wb.gdp, c);
    Series pop_obs = pop ? *pop : Series{};
    std::vector<std::string> fell_back;
    if (pop_obs.empty()) {
      if (c.pop_est > 0) {
        pop_obs[kNaturalEarthYear] = c.pop_est;
        fell_back.push_back(fmt::format("population {:.0f} in {}", c.pop_est, kNaturalEarthYear));
      } else {
        pop_obs[start_year] = urban[j];
        problems.push_back(
            fmt::format("{}: no population in the World Bank or Natural Earth; used the population of "
                        "its UN agglomerations in {} ({:.0f})",
                        s.iso3[j], start_year, urban[j]));
      }
    }
    const std::vector<double> pop_path = yearly_path(pop_obs, kFirstYear, kLastYear, world_pop, kPopulationAfter);
    Series pc_obs = world_bank::per_capita(&pop_obs, gdp);
    if (pc_obs.empty() && c.gdp_md > 0) {
      pc_obs[kNaturalEarthYear] = c.gdp_md * 1e6 / at(pop_path, kNaturalEarthYear);
      fell_back.push_back(fmt::format("GDP {:.0f} million USD in {}", c.gdp_md, kNaturalEarthYear));
    }
    if (!fell_back.empty()) ne_fallback.push_back(fmt::format("{} ({})", c.iso3, join(fell_back)));
    if (!pc_obs.empty() && pc_obs.begin()->first > start_year && fell_back.empty())
      late_start.push_back(fmt::format("{} ({})", c.iso3, pc_obs.begin()->first));
    for (std::size_t t = 0; t < years; ++t) anchors.national_population[j * years + t] = pop_path[t];
    if (pc_obs.empty()) {
      no_income.push_back(j);
      continue;
    }
    income[j] = yearly_path(pc_obs, kFirstYear, kLastYear, world_pc, kIncomeAfter);
    relative_2019.push_back(at(income[j], kNaturalEarthYear) / at(world_pc, kNaturalEarthYear));
  }
  const double median_relative = median(relative_2019);
  for (std::size_t j : no_income) {
    income[j] = world_pc;
    for (double& v : income[j]) v *= median_relative;
    problems.push_back(
        fmt::format("{}: no GDP in the World Bank or Natural Earth; used the states' median GDP per "
                    "capita relative to the world's ({:.2f} times)",
                    s.iso3[j], median_relative));
  }
  for (std::size_t j = 0; j < ns; ++j)
    for (std::size_t t = 0; t < years; ++t)
      anchors.national_gdp[j * years + t] = income[j][t] * anchors.national_population[j * years + t];
  for (const auto& line : ne_fallback)
    problems.push_back(
        fmt::format("no World Bank series for {}: used the Natural Earth estimate, and the world's "
                    "growth before and after it",
                    line));
  if (!late_start.empty())
    problems.push_back(fmt::format("World Bank GDP per capita starts after {} for {}: earlier years follow the world's",
                                   start_year, join(late_start)));
  // The start year's values, for readers of the loaded world (`urbis list`);
  // a run sets them each year from the paths (agents/city/economy.hpp).
  for (std::size_t j = 0; j < ns; ++j) {
    s.population[static_cast<Eigen::Index>(j)] = anchors.national_population_at(j, start_year);
    s.gdp[static_cast<Eigen::Index>(j)] = anchors.national_gdp_at(j, start_year);
  }
  return anchors;
}

}  // namespace urbis::state_economies
