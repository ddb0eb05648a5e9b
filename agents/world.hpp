#pragma once
// Everything a run steps: the three agent kinds, their memberships and the
// global state. Phases take the parts they read as const and the parts they
// write as non-const.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "agents/anchors.hpp"
#include "agents/city/columns.hpp"
#include "agents/drivers.hpp"
#include "agents/events.hpp"
#include "agents/city/players.hpp"
#include "agents/membership.hpp"
#include "agents/network/columns.hpp"
#include "agents/state/columns.hpp"
#include "sim/core/issues.hpp"

namespace urbis {

// ln of a city's GDP (USD), floored at 1 USD so that an empty city stays finite.
inline double log_gdp(double gdp) { return std::log(std::max(gdp, 1.0)); }

struct Globals {
  int year = 0;
  std::uint32_t step = 0;          // steps taken since the start (keys the random streams)
  PerIssue<double> salience{};     // sigma_q
  PerIssue<double> salience_baseline{};  // sigma-bar_q this year (agents/forces.hpp)
  PerIssue<double> salience_shock{};  // what events add to the baseline, decaying (drives gap_q)
  double coordination_cost = 1;    // kappa_c: membership costs relative to a world without digital communication
  double international_share = 0;  // delta this year: share of city revenue spent on international work
  double median_fee_multiple = 0;  // phi_med: the median network's cost in units of y-bar_w

  // f-bar: what a typical membership costs this year (USD).
  double typical_fee() const { return median_fee_multiple * world_gdp_pc * coordination_cost; }
  double world_gdp = 0;            // sum of city GDP
  double mean_log_gdp = 0;         // mean over cities of ln Y (the typical city, for the peer term)
  double world_gdp_pc = 0;         // world GDP per capita of the cities (indexes fees)
  double mitigation = 0;           // G: climate actions this year
};

struct World {
  Cities cities;
  States states;
  Networks networks;
  Memberships members;
  Globals global;
  std::vector<std::string> region_names;
  std::vector<Agreement> agreements;

  // Data over time, shared read-only by every run of this world.
  std::shared_ptr<const Anchors> anchors;   // national and city paths (never null after loading)
  std::shared_ptr<const Drivers> drivers;   // exogenous forces (never null after loading)

  // Cities of each state (CSR; cities never change state).
  std::vector<std::int64_t> state_offsets;
  std::vector<std::int32_t> state_cities;

  std::vector<EventRecord> log;  // events of the current step (agents/events.hpp)

  Players players;  // cities people play (urbis serve --classroom); none in a run

  void index_states();  // builds state_offsets/state_cities from cities.state
  int agreement_index(const std::string& name) const;
};

}  // namespace urbis
