#pragma once
// Event application: the run's timeline carries out its schedule
// (sim/engine/event_binding.hpp: the scenario's events bound to the world,
// and history's named networks and accessions) year by year, with what the
// events schedule in turn as they act (reverted shocks, the end of funding,
// the end of a named network's programme). apply(year) does everything due
// that year and logs it.
#include <string>
#include <utility>
#include <vector>

#include "agents/world.hpp"
#include "sim/core/param_table.hpp"
#include "sim/engine/event_binding.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

class Timeline {
 public:
  // Binds a scenario's events to a world (bind_schedule; throws InputError
  // when they do not fit it).
  Timeline(const Scenario& scenario, const WorldData& data);

  // Carries out everything due in `year`, in order: history's agreement
  // changes, endings and foundings of named networks, funding schedules,
  // reverted shocks, then the scenario's events. Logs each to world.log.
  void apply(World& world, Params& params, int year);

 private:
  struct Reversal {
    int year;
    VariableRef target;
    double delta;      // added back
    double factor;     // divided back (1 when additive)
    BoundEvent event;  // the shock it undoes (for the log)
  };
  struct FundingEnd {
    std::string network;
    int year;  // first year without the funding
  };

  void apply_event(World& world, Params& params, const BoundEvent& e);
  // The variable an event targets; nullptr for a network not (or no longer) there.
  double* variable(World& world, Params& params, const VariableRef& ref) const;
  // Holds v within the target's range, logging "clamped" when it had to.
  void clamp_to_range(World& world, double& v, const VariableRef& ref, const BoundEvent& event, int year) const;
  void found_seed(World& world, const NetworkSeed& seed, const Params& params);

  const Scenario& scenario_;
  Schedule schedule_;
  std::vector<Reversal> reversals_;
  std::vector<FundingEnd> funding_ends_;
  std::vector<std::pair<int, std::string>> scheduled_ends_;       // year, network
  std::size_t next_event_ = 0, next_seed_ = 0, next_change_ = 0;  // the schedule's entries not yet due

  friend void found_initial_networks(World&, Timeline&, const Params&, int);
};

// Founds the named networks founded up to `start` (the loader's seeds) now.
void found_initial_networks(World& world, Timeline& timeline, const Params& params, int start);

int find_network(const World& world, const std::string& name);

}  // namespace urbis
