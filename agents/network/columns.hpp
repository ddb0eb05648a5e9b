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
  int index = -1;                    // region or agreement index
  std::vector<std::uint8_t> states;  // for ScopeKind::states: flag per state
};

// Where a network comes from (MODEL.md 7.5).
enum class NetworkOrigin : std::uint8_t {
  named,    // in the data (networks.yaml) or founded by a scenario event
  start,    // active before the start year without a name in the data (filler)
  founded,  // founded during the run by a city with spare cooperative budget
  answer,   // founded by a state's cities in answer to its retreat on an issue
};
const char* origin_name(NetworkOrigin o);

// What a network is this year (MODEL.md 7.5): only an active one counts
// among the active networks; a forming one has up to founding.forming_years
// to gather n_min members; a dormant one has fewer than n_min after that.
enum class NetworkStatus : std::uint8_t { forming, active, dormant, ended };
const char* status_name(NetworkStatus s);

// The scale a network works at: the world, a region (or a union), or a
// nation (a list of states). Networks on one issue at one scale, open to
// all or selective alike, offer the same thing and are redundant to a city
// (MODEL 7.3); a global association, a regional network, a national
// coalition and a selective club (by invitation, or above a population
// threshold: C40, Metropolis) on one issue are not.
enum class Scale : std::uint8_t { world, region, nation };
inline Scale scale_of(const Scope& s) {
  switch (s.kind) {
    case ScopeKind::global: return Scale::world;
    case ScopeKind::region:
    case ScopeKind::union_members: return Scale::region;
    case ScopeKind::states: return Scale::nation;
  }
  return Scale::world;
}
inline constexpr int kScaleCount = 3;
inline constexpr int kNicheCount = kIssueCount * kScaleCount * 2;

struct Networks {
  std::vector<std::string> name;
  std::vector<Issue> issue;
  std::vector<Scope> scope;
  std::vector<double> min_population;
  std::vector<double> fee_multiple;     // yearly cost in units of world GDP per capita
  std::vector<double> fee;              // yearly cost this step (USD)
  std::vector<double> funding;          // F: sponsor funding this year (USD)
  std::vector<std::uint8_t> sponsored;  // depends on a sponsor: dissolves without funding
  std::vector<std::uint8_t> named;      // a historical network: ends only in its own year
  std::vector<double> recognition;      // r
  std::vector<int> founded;             // year
  std::vector<int> ended;               // year dissolved, or 0
  std::vector<std::uint8_t> active;     // 1 until it ends (whatever its size): open to members
  std::vector<NetworkStatus> status;    // set each step after founding and dissolution
  std::vector<NetworkOrigin> origin;
  std::vector<int> founder_state;    // -1 when not known
  std::vector<int> weak_years;       // consecutive years below n_min or unfunded
  std::vector<std::uint8_t> formed;  // 1 once it has had n_min members
  // Membership by invitation (C40) or a capped network's selection, made once
  // at its founding (agents/network/named.hpp): the sorted indices of the only
  // cities that may belong; empty means open to every city the scope and
  // min_population admit.
  std::vector<std::vector<std::int32_t>> invited;
  // Invitations still to come (C40's growth): listed cities not yet invited,
  // largest first, and how many the network invites each year.
  std::vector<std::vector<std::int32_t>> invite_queue;
  std::vector<double> invites_per_year;

  // Aggregates, recomputed each step from the memberships.
  std::vector<std::int32_t> members;         // n
  std::vector<double> engaged_gdp;           // W = sum of e Y
  std::vector<double> engagement;            // sum of e
  std::vector<double> engaged_log_gdp;       // sum of e ln Y (the typical member, for the peer term)
  std::vector<double> power;                 // NP
  std::vector<double> actions;               // A this year
  std::vector<double> partner_weight;        // sum of e Y pi_state / W
  int regions = 0;                           // set by the loader: World::region_names.size()
  std::vector<std::int32_t> region_members;  // networks x regions: members from each region

  std::size_t size() const { return name.size(); }
  // Appends a network with empty aggregates; returns its index.
  int add(std::string name, Issue issue, Scope scope, double min_population, double fee_multiple, double funding,
          bool sponsored, double recognition, int year, int founder_state, NetworkOrigin origin);
  // Issue, scale and selectivity: networks of one niche are redundant to a city.
  bool selective(std::size_t k) const { return !invited[k].empty() || min_population[k] > 0; }
  int niche(std::size_t k) const {
    return (static_cast<int>(issue[k]) * kScaleCount + static_cast<int>(scale_of(scope[k]))) * 2 +
           (selective(k) ? 1 : 0);
  }
  // Active with at least n_min members: what "active networks" counts.
  bool counted(std::size_t k) const { return status[k] == NetworkStatus::active; }
};

}  // namespace urbis
