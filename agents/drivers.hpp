#pragma once
// Exogenous forces of the period (docs/MODEL.md 6 and 7.0): how far digital
// communication has spread (it lowers the cost of coordinating at a
// distance), how far city economies have globalised (it widens the share of
// their budgets cities spend abroad), and the salience that world events
// (the Rio summit of 1992, Kyoto 1997, Paris 2015, ...) add to each issue.
// They are data of the world (configs/world/drivers.yaml), as shapes in
// [0, 1] or shifts of salience; how strongly each acts is a parameter
// (`drivers.*` in configs/defaults.yaml). A world without drivers (a
// synthetic one) holds them at zero.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "sim/core/issues.hpp"

namespace urbis {

struct Drivers {
  int first_year = 0;
  int years = 0;                           // 0: no drivers (all zero)
  std::vector<double> digital;             // spread of digital communication, 0..1
  std::vector<double> globalisation;       // globalisation of city economies, 0..1
  std::vector<PerIssue<double>> salience;  // shift of each issue's baseline salience

  std::size_t column(int year) const {
    return static_cast<std::size_t>(std::clamp(year - first_year, 0, std::max(years - 1, 0)));
  }
  double digital_at(int year) const { return years ? digital[column(year)] : 0.0; }
  double globalisation_at(int year) const { return years ? globalisation[column(year)] : 0.0; }
  PerIssue<double> salience_at(int year) const { return years ? salience[column(year)] : PerIssue<double>{}; }
};

}  // namespace urbis
