#pragma once
// What a map of a run needs beyond cities.csv (written beside it, when the
// scenario asks for cities.csv): places.csv, one row per city (city, state,
// lat, lon), and memberships.csv, which city joined or left which network in
// each year (year, network, city, change: 1 joined, -1 left; the first year
// lists every membership held). `urbis report` draws its world map from them.
// Columns and precision: the data dictionary (analysis/observables.hpp).
#include <memory>
#include <string>
#include <vector>

#include "agents/world.hpp"
#include "analysis/observables.hpp"
#include "sim/output/atomic_file.hpp"

namespace urbis {

class MapOutput {
 public:
  explicit MapOutput(const std::string& directory);
  void begin(const World& world);
  void observe(const World& world);
  void commit();
  static std::vector<std::string> files() { return {"places.csv", "memberships.csv"}; }

 private:
  std::unique_ptr<AtomicFile> places_, memberships_;
  std::vector<BoundColumn> place_columns_, membership_columns_;  // the data dictionary's
  std::vector<std::vector<std::int32_t>> held_;                  // per city: networks held last year, sorted
};

}  // namespace urbis
