#pragma once
// Outcome metrics of a run, computed in memory as the run steps (no files):
// the final value, the value in a given year, the mean, min or max over a
// window, or the first year a threshold is crossed, of one column of
// global.csv, states.csv (one state) or networks.csv (one network).
#include <cstdint>
#include <vector>

#include "analysis/observables.hpp"
#include "sim/engine/run.hpp"
#include "sim/sweep/spec.hpp"
#include "sim/world/world_data.hpp"

namespace urbis::sweep {

class MetricObserver : public RunObserver {
 public:
  // Binds the metrics to a scenario and its world: checks states, networks,
  // columns and years; throws InputError at the metric's place in the sweep file.
  MetricObserver(const std::vector<MetricSpec>& metrics, const Scenario& scenario, const WorldData& data);
  void observe(const World& world, const GlobalMetrics& metrics) override;
  // One value per metric; NaN when there is none (a threshold never crossed,
  // a network that never existed in the window).
  std::vector<double> values() const;

 private:
  struct Bound {
    const MetricSpec* spec;
    int state = -1;
    BoundColumn column{nullptr, 0, {}};  // its column in the data dictionary: the value a run's file would hold
    int from = 0, to = 0;
    double last = 0, sum = 0, lo = 0, hi = 0, crossed = 0;
    long count = 0;
    bool has_last = false, has_crossed = false;
  };
  double value_of(const Bound& b, const World& w, const GlobalMetrics& m, const StateMetrics* states) const;
  std::vector<Bound> bound_;
  bool needs_state_metrics_ = false;
  int last_year_ = 0;
};

// Sends every year to several observers (metrics and, when asked, the CSV files).
class TeeObserver : public RunObserver {
 public:
  explicit TeeObserver(std::vector<RunObserver*> to) : to_(std::move(to)) {}
  void begin(const Scenario& s, const World& w) override {
    for (auto* o : to_) o->begin(s, w);
  }
  void observe(const World& w, const GlobalMetrics& m) override {
    for (auto* o : to_) o->observe(w, m);
  }
  void finish(const World& w) override {
    for (auto* o : to_) o->finish(w);
  }

 private:
  std::vector<RunObserver*> to_;
};

// A fingerprint of every number a run reports each year: the numeric columns
// of global.csv, states.csv, networks.csv and cities.csv (every city
// variable), read through the data dictionary (analysis/observables.hpp) row
// by row as the writers read them. Two runs with equal fingerprints reported
// the same numbers. Used to find varied parameters that change nothing.
class FingerprintObserver : public RunObserver {
 public:
  void begin(const Scenario& scenario, const World& world) override;
  void observe(const World& world, const GlobalMetrics& metrics) override;
  std::uint64_t value() const { return hash_; }

 private:
  void add(double v);
  // The numeric columns of each file in this run's world.
  std::vector<BoundColumn> global_, states_, networks_, cities_;
  std::uint64_t hash_ = 1469598103934665603ull;
};

}  // namespace urbis::sweep
