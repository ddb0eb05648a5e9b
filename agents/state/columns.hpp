#pragma once
// Sovereign states as columns, plus the agreements they can be in.
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "sim/core/issues.hpp"

namespace urbis {

// An international agreement or a union of states (Paris, the EU).
// A union also scopes networks ("union:eu") and leaving it costs openness.
struct Agreement {
  std::string name;
  Issue issue;
  bool is_union = false;
};

struct States {
  std::vector<std::string> iso3, name;
  Eigen::ArrayXi region;  // index into World::region_names

  // National population and GDP this year: the data paths (agents/anchors.hpp)
  // times the cumulative scenario adjustments below.
  Eigen::ArrayXd population;        // people
  Eigen::ArrayXd gdp;               // USD (current prices)
  Eigen::ArrayXd growth;            // scenario adjustment of GDP-per-capita growth (/yr; 0 in the data path)
  Eigen::ArrayXd urban_growth;      // scenario adjustment of population growth (/yr; 0 in the data path)
  Eigen::ArrayXd gdp_index;         // prod (1 + growth) since the start
  Eigen::ArrayXd population_index;  // prod (1 + urban_growth) since the start
  Eigen::ArrayXd tax_share;         // tau
  Eigen::ArrayXd populism;          // nu
  Eigen::ArrayXd centralisation;    // kappa
  Eigen::ArrayXd openness;          // O
  Eigen::ArrayXd commitment;        // C (climate)
  Eigen::ArrayXd partnership;       // pi_s

  // in_agreement[g][j]: state j is a party to agreement g now.
  std::vector<std::vector<std::uint8_t>> in_agreement;
  // conflict[j][q]: state j has left an agreement on issue q and not rejoined.
  std::vector<PerIssue<std::uint8_t>> conflict;
  // The governance gap each state leaves on each issue (MODEL.md 7.3), and its
  // recent level (an exponential average): cities answer a retreat, the rise
  // of the gap above what they were used to (7.5).
  std::vector<PerIssue<double>> gap;
  std::vector<PerIssue<double>> gap_recent;
  Eigen::ArrayXi preempt_wait;  // years before the state may pre-empt again (0: it may)

  // Observed each step.
  Eigen::ArrayXd mean_tension;
  Eigen::ArrayXd network_share;  // share of the state's city GDP held by network members
  Eigen::ArrayXi member_cities;  // cities in at least one network
  Eigen::ArrayXi preempting;     // 1 when the state curbed autonomy this step

  std::size_t size() const { return iso3.size(); }
  void resize(std::size_t n, std::size_t agreements);
};

}  // namespace urbis
