// Stylized facts of city diplomacy that the calibrated model must reproduce
// (docs/MODEL.md section 1; docs/CALIBRATION.md). Each fact compares means
// over 10 replicate seeds, of a scenario against its counterfactual (the
// same scenario, world and seeds without the events) or of one parameter
// value against another, with a margin that a model without the mechanism
// fails. Runs stop at the last year each fact needs.
#include <gtest/gtest.h>

#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include <tbb/global_control.h>

#include "sim/engine/run.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace urbis {
namespace {

constexpr int kSeeds = 10;

std::string source(const std::string& rel) { return std::string(URBIS_SOURCE_DIR) + "/" + rel; }

Scenario load(const std::string& name) {
  static const Params defaults = load_defaults(source("configs/defaults.yaml"));
  return load_scenario(source("scenarios/" + name + ".yaml"), defaults, {source("scenarios")});
}

RunContext context() {
  RunContext ctx;
  ctx.default_world_dir = source("configs/world");
  return ctx;
}

// Calls `look` with the world at the end of each year.
class Probe : public RunObserver {
 public:
  explicit Probe(std::function<void(const World&, const GlobalMetrics&)> look) : look_(std::move(look)) {}
  void observe(const World& w, const GlobalMetrics& m) override { look_(w, m); }

 private:
  std::function<void(const World&, const GlobalMetrics&)> look_;
};

// Mean over seeds 1..kSeeds of what `measure` makes of one run (it is handed a
// fresh accumulator per run through the observer it builds).
using Measure = std::function<double(const Scenario&, const WorldData&)>;
double mean_over_seeds(Scenario s, const WorldData& data, const Measure& measure, std::vector<double>* each = nullptr) {
  double sum = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    s.seed = static_cast<std::uint64_t>(seed);
    const double v = measure(s, data);
    if (each) each->push_back(v);
    sum += v;
  }
  return sum / kSeeds;
}

int city_index(const World& w, const std::string& name) {
  for (std::size_t i = 0; i < w.cities.size(); ++i)
    if (w.cities.name[i] == name) return static_cast<int>(i);
  return -1;
}

int state_index(const World& w, const std::string& iso3) {
  for (std::size_t j = 0; j < w.states.size(); ++j)
    if (w.states.iso3[j] == iso3) return static_cast<int>(j);
  return -1;
}

// Memberships of the state's cities in networks on issue q.
double state_memberships(const World& w, int state, Issue q) {
  double n = 0;
  for (std::size_t i = 0; i < w.cities.size(); ++i)
    if (w.cities.state[i] == state)
      for (auto k : w.members.of(i)) n += w.networks.issue[k] == q;
  return n;
}

class StylizedFacts : public ::testing::Test {
 protected:
  void SetUp() override {
    limit_ = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism, 2);
  }
  std::unique_ptr<tbb::global_control> limit_;
};

// Pattern: a state's withdrawal from the climate agreement (the US, announced
// 2017, in force 2020) raises its cities' engagement in climate networks
// against the same runs without the withdrawal: mean US city memberships in
// climate networks over 2018-2024 are at least 2% higher, and higher in at
// least 8 of the 10 seeds (paired by seed). The calibrated model gives about
// +4%; a model in which the governance gap did not reach city choices gives
// +0% and higher-or-lower by chance (at least 8 of 10 happens 5% of the time).
TEST_F(StylizedFacts, WithdrawalRaisesTheStatesCitiesClimateEngagement) {
  Scenario with = load("paris_withdrawal");
  with.end = 2024;
  Scenario without = with;
  without.events.clear();
  const WorldData data = load_world(with, context());
  const Measure climate = [](const Scenario& s, const WorldData& d) {
    double sum = 0;
    int years = 0;
    Probe probe([&](const World& w, const GlobalMetrics&) {
      if (w.global.year < 2018) return;
      sum += state_memberships(w, state_index(w, "USA"), Issue::climate);
      ++years;
    });
    run_loaded(s, d, probe, context());
    return sum / years;
  };
  std::vector<double> a, b;
  const double m_with = mean_over_seeds(with, data, climate, &a);
  const double m_without = mean_over_seeds(without, data, climate, &b);
  int higher = 0;
  for (int i = 0; i < kSeeds; ++i) higher += a[i] > b[i];
  EXPECT_GT(m_with, 1.02 * m_without) << "US climate memberships 2018-2024: with " << m_with << ", without "
                                      << m_without;
  EXPECT_GE(higher, 8);
}

// Pattern: leaving a union (the UK, 2016 referendum, 2020 exit) lowers the
// share of the mobile pool that the state's cities draw, against the same
// runs without Brexit (mean over 2020-2026 lower by at least 1%, in at least
// 8 of 10 seeds), and raises the international activity of its most open
// city, London (network actions credited to it over 2016-2026 at least 3%
// higher on average, and higher in at least 8 of 10 seeds).
TEST_F(StylizedFacts, BrexitLowersUkPoolShareAndRaisesLondonsActivity) {
  Scenario with = load("brexit");
  with.end = 2026;
  Scenario without = with;
  without.events.clear();
  const WorldData data = load_world(with, context());
  struct Out {
    double share = 0, memberships = 0, actions = 0;
  };
  auto run = [](const Scenario& s, const WorldData& d) {
    Out o;
    int share_years = 0, member_years = 0;
    double actions_2015 = 0, actions_end = 0;
    Probe probe([&](const World& w, const GlobalMetrics&) {
      const int gbr = state_index(w, "GBR"), london = city_index(w, "London");
      const double rho = s.params.competition.mobile_share;
      if (w.global.year >= 2020) {
        double uk = 0, all = 0;
        for (std::size_t i = 0; i < w.cities.size(); ++i) {
          const double inflow = w.cities.net_inflow[i] + rho * w.cities.gdp[i];
          all += inflow;
          if (w.cities.state[i] == gbr) uk += inflow;
        }
        o.share += uk / all;
        ++share_years;
      }
      if (w.global.year >= 2017) o.memberships += w.members.count[london], ++member_years;
      if (w.global.year == 2015) actions_2015 = w.cities.actions[london];
      actions_end = w.cities.actions[london];
    });
    run_loaded(s, d, probe, context());
    o.share /= share_years;
    o.memberships /= member_years;
    o.actions = actions_end - actions_2015;
    return o;
  };
  std::vector<Out> a, b;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    Scenario s1 = with, s0 = without;
    s1.seed = s0.seed = static_cast<std::uint64_t>(seed);
    a.push_back(run(s1, data));
    b.push_back(run(s0, data));
  }
  auto mean = [](const std::vector<Out>& v, double Out::*f) {
    double s = 0;
    for (const auto& o : v) s += o.*f;
    return s / static_cast<double>(v.size());
  };
  int lower = 0;
  for (int i = 0; i < kSeeds; ++i) lower += a[i].share < b[i].share;
  EXPECT_LT(mean(a, &Out::share), 0.99 * mean(b, &Out::share))
      << "UK share of the mobile pool 2020-2026: with Brexit " << mean(a, &Out::share) << ", without "
      << mean(b, &Out::share);
  EXPECT_GE(lower, 8);
  // London's memberships are reported, not pinned: they depend on the
  // balance of the wider governance gap against the sovereign cost of the
  // exit (economy becomes an issue of conflict with a more populist,
  // centralised state). With the calibrated defaults London holds more
  // networks (18.6 against 16.6 over 2017-2026, docs/VALIDATION.md's pattern
  // brexit_london_memberships); its activity rises with them, by about 5% on
  // average (the seeds' activity spreads by 15%), and in most seeds.
  RecordProperty("london_memberships_with", std::to_string(mean(a, &Out::memberships)));
  RecordProperty("london_memberships_without", std::to_string(mean(b, &Out::memberships)));
  int more_active = 0;
  for (int i = 0; i < kSeeds; ++i) more_active += a[i].actions > b[i].actions;
  EXPECT_GT(mean(a, &Out::actions), 1.03 * mean(b, &Out::actions))
      << "London actions 2016-2026: with Brexit " << mean(a, &Out::actions) << ", without " << mean(b, &Out::actions);
  EXPECT_GE(more_active, 8);
}

// Pattern: a network that lives on a sponsor loses its members when the
// sponsor leaves. 100 Resilient Cities (funded 2013-2019) has its members in
// 2018; in 2021-2023 the resilience networks it leaves behind (its unfunded
// successor) hold at most 70% as many on average, and in at least 8 of the
// 10 seeds. (The calibrated model keeps about half: the successor's founders
// are large cities, a club that other former members want to stay in.)
TEST_F(StylizedFacts, ResilienceNetworkShrinksAfterItsSponsorLeaves) {
  Scenario s = load("resilience_sponsor_exit");
  s.end = 2023;
  const WorldData data = load_world(s, context());
  int fell = 0;
  double before_sum = 0, after_sum = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    s.seed = static_cast<std::uint64_t>(seed);
    double before = 0, after = 0;
    Probe probe([&](const World& w, const GlobalMetrics&) {
      double named = 0;
      for (const char* name : {"100 Resilient Cities", "Resilient Cities Network"}) {
        const int k = find_network(w, name);
        if (k >= 0 && w.networks.active[k]) named += w.networks.members[k];
      }
      if (w.global.year == 2018) before = named;
      if (w.global.year >= 2021) after += named / 3.0;
    });
    run_loaded(s, data, probe, context());
    before_sum += before, after_sum += after;
    fell += before > 0 && after < 0.7 * before;
  }
  EXPECT_GT(before_sum / kSeeds, 50) << "100 Resilient Cities should hold its cities while funded";
  EXPECT_LT(after_sum, 0.7 * before_sum);
  EXPECT_GE(fell, 8) << "mean members 2018: " << before_sum / kSeeds << ", 2021-2023: " << after_sum / kSeeds;
}

// Pattern: cooperation and competition are both reachable outcomes. In the
// teaching scenario one parameter, the club benefit of networks, moves the
// cooperation index (GDP-weighted mean propensity to cooperate) at the end
// of the run from below 0.45 (club_benefit 0) to above 0.7 (the scenario's
// value), as means over 10 seeds. (Below 0.3 before the economy was anchored
// to data: a city's income now stays within a margin of its path, so
// winning the contest gains less and competition spreads less.)
TEST_F(StylizedFacts, OneParameterMovesCooperationFromLowToHigh) {
  Scenario high = load("cooperation_vs_competition");
  Scenario low = high;
  apply_override(low, "economy.club_benefit=0");
  const WorldData data = load_world(high, context());
  const Measure final_index = [](const Scenario& s, const WorldData& d) {
    double last = 0;
    Probe probe([&](const World&, const GlobalMetrics& m) { last = m.cooperation_index; });
    run_loaded(s, d, probe, context());
    return last;
  };
  const double lo = mean_over_seeds(low, data, final_index);
  const double hi = mean_over_seeds(high, data, final_index);
  EXPECT_LT(lo, 0.45) << "cooperation index with club_benefit 0";
  EXPECT_GT(hi, 0.7) << "cooperation index with club_benefit " << high.params.economy.club_benefit;
}

}  // namespace
}  // namespace urbis
