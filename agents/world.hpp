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
#include "agents/cities_by_state.hpp"
#include "agents/city/columns.hpp"
#include "agents/city/players.hpp"
#include "agents/drivers.hpp"
#include "agents/events.hpp"
#include "agents/membership.hpp"
#include "agents/network/columns.hpp"
#include "agents/state/columns.hpp"
#include "sim/core/issues.hpp"

namespace urbis {

// ln of a city's GDP (USD), floored at 1 USD so that an empty city stays finite.
inline double log_gdp(double gdp) { return std::log(std::max(gdp, 1.0)); }

struct Globals {
  int year = 0;
  std::uint32_t step = 0;                // steps taken since the start (keys the random streams)
  PerIssue<double> salience{};           // sigma_q
  PerIssue<double> salience_baseline{};  // sigma-bar_q this year (agents/forces.hpp)
  PerIssue<double> salience_shock{};     // what events add to the baseline, decaying (drives gap_q)
  double coordination_cost = 1;          // kappa_c: membership costs relative to a world without digital communication
  double international_share = 0;        // delta this year: share of city revenue spent on international work
  double median_fee_multiple = 0;        // phi_med: the median network's cost in units of y-bar_w

  // f-bar: what a typical membership costs this year (USD).
  double typical_fee() const { return median_fee_multiple * world_gdp_pc * coordination_cost; }
  double world_gdp = 0;     // sum of city GDP
  double mean_log_gdp = 0;  // mean over cities of ln Y (the typical city, for the peer term)
  double world_gdp_pc = 0;  // world GDP per capita of the cities (indexes fees)
  double mitigation = 0;    // G: climate actions this year
};

// What the coalition rules read and write: a city's portfolio review (phase
// 5), the foundings of phase 6b, the named networks a scenario founds and
// C40's invitations. They value networks for cities (MembershipValuer reads
// the const tables and these, as they stand) and change who belongs to which
// network, so they write the memberships, the networks' counts, the cities'
// fees, the joins refused to played cities and the event log.
struct CoalitionView {
  // Read.
  const States& states;
  const Globals& global;
  const CitiesByState& by_state;
  const std::vector<std::string>& region_names;
  // Written.
  Cities& cities;
  Networks& networks;
  Memberships& members;
  Players& players;
  std::vector<EventRecord>& log;
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
  std::shared_ptr<const Anchors> anchors;  // national and city paths (never null after loading)
  std::shared_ptr<const Drivers> drivers;  // exogenous forces (never null after loading)

  CitiesByState by_state;  // the cities of each state (built by index_states)

  std::vector<EventRecord> log;  // events of the current step (agents/events.hpp)

  Players players;  // cities people play (urbis serve --classroom); none in a run

  CoalitionView coalition_view() {
    return {states, global, by_state, region_names, cities, networks, members, players, log};
  }
  void index_states() { by_state.build(cities.state, states.size()); }
  int agreement_index(const std::string& name) const;
};

}  // namespace urbis
