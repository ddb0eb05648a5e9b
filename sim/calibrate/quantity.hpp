#pragma once
// What calibration reads from a run: output-level quantities of the world,
// year by year (docs/CALIBRATION.md, "Measures"). Only the public run API is
// used (the World and GlobalMetrics handed to a RunObserver), so the model
// may change underneath without touching this file.
#include <string>
#include <vector>

#include "sim/core/issues.hpp"
#include "sim/engine/run.hpp"

namespace urbis::calib {

enum class Measure {
  active_networks,  // the global count of active networks (global.csv)
  network_members,  // members of a named network (0 while it is not active: fewer than min_members)
  network_actions,  // actions of a named network in the year (0 while it is not active)
  city_members,     // memberships held by a named city
  state_members,    // memberships of a state's cities in networks of one issue (states.csv)
};

// The measures' names as written in configs, in the order of the enum.
const std::vector<std::string>& measure_names();
std::string measure_name(Measure m);

// A quantity: a measure and what it is of (network, city or state + issue).
struct Quantity {
  Measure measure = Measure::active_networks;
  std::string network;           // network_members, network_actions
  std::string city;              // city_members
  std::string state;             // state_members: ISO3
  Issue issue = Issue::climate;  // state_members

  bool operator==(const Quantity&) const = default;
};

// Flows (actions) add up over a span of years; stocks (counts of networks or
// memberships) are averaged over it, so a one-year span is the year's value.
bool is_flow(Measure m);

// "members of C40", "USA's climate memberships": for tables and messages.
std::string describe(const Quantity& q);

// Records quantities for every year of one run: values()[q][year - first].
// Cities and states are found by name when the run begins; networks are
// looked up each year (they are founded during the run), the latest of a
// name first, as the scenario events do.
class QuantityRecorder : public RunObserver {
 public:
  QuantityRecorder(const std::vector<Quantity>& quantities, int first_year, int last_year);
  void begin(const Scenario& scenario, const World& world) override;
  void observe(const World& world, const GlobalMetrics& metrics) override;
  const std::vector<std::vector<double>>& values() const { return values_; }

 private:
  double read(std::size_t q, const World& world, const GlobalMetrics& metrics) const;

  const std::vector<Quantity>& quantities_;
  int first_ = 0;
  std::vector<int> index_;  // city or state index per quantity (-1: none)
  std::vector<std::vector<double>> values_;
};

}  // namespace urbis::calib
