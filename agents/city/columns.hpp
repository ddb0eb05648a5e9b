#pragma once
// City state as structure-of-arrays columns. Hot columns (touched by every
// phase's inner loop) are Eigen arrays of doubles or ints; names live apart in
// cold storage and are used only at the edges (loading, output).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace urbis {

struct Cities {
  // Cold: identity, used for output and name lookup only.
  std::vector<std::string> name;

  // Static after loading.
  Eigen::ArrayXi state;   // index into States
  Eigen::ArrayXi region;  // region of the city's state (copied for locality)
  Eigen::ArrayXd lat, lon;
  Eigen::ArrayXd autonomy0;  // a at start: the level autonomy relaxes back to

  // Dynamic state (MODEL.md section 2).
  Eigen::ArrayXd population;  // P (people)
  Eigen::ArrayXd gdp_pc;      // y (USD per person per year)
  Eigen::ArrayXd gdp;         // Y = y P (USD per year)
  // The data paths this year (MODEL.md 7.2): P and y are these times e^m and
  // e^c, the city's deviations, which competition and cooperation move.
  Eigen::ArrayXd anchor_population;  // P-hat: the UN path (people)
  Eigen::ArrayXd anchor_gdp_pc;      // y-hat: national GDP per capita scaled by city size (USD)
  Eigen::ArrayXd autonomy;           // a in [0, 1]
  Eigen::ArrayXd cooperation;        // x in [0, 1]
  Eigen::ArrayXd openness;           // o in [0, 1]
  Eigen::ArrayXd reputation;         // V >= 0
  Eigen::ArrayXd tension;            // T >= 0
  Eigen::ArrayXd actions;            // cumulative network actions credited to the city

  // Per-step quantities, recomputed each step.
  Eigen::ArrayXd budget;                 // B = tau a Y
  Eigen::ArrayXd intl_budget;            // D = delta B
  Eigen::ArrayXd fees;                   // yearly cost of the memberships held
  Eigen::ArrayXd net_inflow;             // Delta K from the mobile pools
  Eigen::ArrayXd growth;                 // change of the city's income position ln(y / y-hat) over the step
  Eigen::ArrayXd reputation_gain;        // Delta V over the step
  Eigen::ArrayXd payoff;                 // pi
  std::vector<std::uint8_t> review_now;  // 1: invited to a network this year, so it reviews its portfolio

  std::size_t size() const { return static_cast<std::size_t>(population.size()); }
  void resize(std::size_t n);
};

}  // namespace urbis
