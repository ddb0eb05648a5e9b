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
  Eigen::ArrayXi region;          // index into World::region_names

  Eigen::ArrayXd population;      // national population at start
  Eigen::ArrayXd gdp;             // national GDP at start (USD)
  Eigen::ArrayXd growth;          // g: baseline growth of GDP per capita
  Eigen::ArrayXd urban_growth;    // u: baseline growth of city populations
  Eigen::ArrayXd tax_share;       // tau
  Eigen::ArrayXd populism;        // nu
  Eigen::ArrayXd centralisation;  // kappa
  Eigen::ArrayXd openness;        // O
  Eigen::ArrayXd commitment;      // C (climate)
  Eigen::ArrayXd partnership;     // pi_s

  // in_agreement[g][j]: state j is a party to agreement g now.
  std::vector<std::vector<std::uint8_t>> in_agreement;
  // conflict[j][q]: state j has left an agreement on issue q and not rejoined.
  std::vector<PerIssue<std::uint8_t>> conflict;

  // Observed each step.
  Eigen::ArrayXd mean_tension;
  Eigen::ArrayXd network_share;   // share of the state's city GDP held by network members
  Eigen::ArrayXi member_cities;   // cities in at least one network
  Eigen::ArrayXi preempting;      // 1 when the state curbed autonomy this step

  std::size_t size() const { return iso3.size(); }
  void resize(std::size_t n, std::size_t agreements);
};

}  // namespace urbis
