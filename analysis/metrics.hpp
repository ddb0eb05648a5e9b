#pragma once
// Metrics of a world at one moment: what global.csv reports each year.
#include <span>

#include "agents/world.hpp"

namespace urbis {

struct GlobalMetrics {
  int year = 0;
  double cities = 0;
  double population = 0;
  double gdp = 0;                // USD
  double cooperation_index = 0;  // GDP-weighted mean x
  double network_share = 0;      // share of cities in at least one network
  double active_networks = 0;
  double memberships = 0;
  double actions = 0;     // network actions this year
  double mitigation = 0;  // G: climate actions this year
  double gini = 0;        // of GDP per capita across cities, population-weighted
  double mean_tension = 0;
  double mean_autonomy = 0;
  double network_power = 0;  // sum of NP over active networks
};

GlobalMetrics global_metrics(const World& world);

// Population-weighted Gini of values (0: equal; approaches 1: one holds all).
double weighted_gini(std::span<const double> values, std::span<const double> weights);

// GDP-weighted mean cooperation: sum x Y / sum Y.
double cooperation_index(const Cities& cities);

}  // namespace urbis
