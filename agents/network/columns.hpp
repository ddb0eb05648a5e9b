#pragma once
// City networks as columns. Networks are few (hundreds) and are founded and
// dissolved during a run, so the columns are growable std::vectors.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/issues.hpp"

namespace urbis {

// Who may join: everyone, one region, the parties of a union, or a list of states.
enum class ScopeKind : std::uint8_t { global, region, union_members, states };

struct Scope {
  ScopeKind kind = ScopeKind::global;
  int index = -1;                 // region or agreement index
  std::vector<std::uint8_t> states;  // for ScopeKind::states: flag per state
};

struct Networks {
  std::vector<std::string> name;
  std::vector<Issue> issue;
  std::vector<Scope> scope;
  std::vector<double> min_population;
  std::vector<double> fee_multiple;  // yearly cost in units of world GDP per capita
  std::vector<double> fee;           // yearly cost this step (USD)
  std::vector<double> funding;       // F: sponsor funding this year (USD)
  std::vector<std::uint8_t> sponsored;  // depends on a sponsor: dissolves without funding
  std::vector<std::uint8_t> named;      // a historical network: ends only in its own year
  std::vector<double> recognition;   // r
  std::vector<int> founded;          // year
  std::vector<int> ended;            // year dissolved, or 0
  std::vector<std::uint8_t> active;
  std::vector<int> founder_state;    // -1 when not known
  std::vector<int> weak_years;       // consecutive years below n_min or unfunded
  // Membership by invitation (C40): the sorted indices of the only cities that
  // may belong; empty means open to every city the scope and min_population admit.
  std::vector<std::vector<std::int32_t>> invited;
  std::vector<double> max_members;   // membership cap (a sponsor's selection); 0: none

  // Aggregates, recomputed each step from the memberships.
  std::vector<double> members;       // n
  std::vector<double> engaged_gdp;   // W = sum of e Y
  std::vector<double> engagement;    // sum of e
  std::vector<double> engaged_log_gdp;  // sum of e ln Y (the typical member, for the peer term)
  std::vector<double> power;         // NP
  std::vector<double> actions;       // A this year
  std::vector<double> partner_weight;  // sum of e Y pi_state / W
  int regions = 0;                   // set by the loader: World::region_names.size()
  std::vector<double> region_members;  // networks x regions: members from each region

  std::size_t size() const { return name.size(); }
  // Appends a network with empty aggregates; returns its index.
  int add(std::string name, Issue issue, Scope scope, double min_population,
          double fee_multiple, double funding, bool sponsored, double recognition, int year,
          int founder_state);
};

}  // namespace urbis
