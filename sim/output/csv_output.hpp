#pragma once
// Writes a run's tidy CSV trajectories: global.csv, states.csv, networks.csv,
// events.csv and, when the scenario asks, cities.csv (with places.csv and
// memberships.csv beside it). Their columns, units and precision are the
// data dictionary's (analysis/observables.hpp, docs/OUTPUTS.md): the writers
// iterate it, so a column is declared once. Files appear only when complete.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/observables.hpp"
#include "sim/engine/run.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/map_output.hpp"

namespace urbis {

class CsvOutput : public RunObserver {
 public:
  // Files go into `directory`, which must exist.
  CsvOutput(std::string directory, const Scenario& scenario);
  ~CsvOutput() override;

  void begin(const Scenario& scenario, const World& world) override;
  void observe(const World& world, const GlobalMetrics& metrics) override;
  void finish(const World& world) override;  // commits every file

  // The names of the files written (for messages and run.json).
  std::vector<std::string> files() const;
  // The unit of every column of every file written, by file (for run.json);
  // known once begin() has seen the world.
  const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& units() const { return units_; }

 private:
  struct File {
    std::unique_ptr<AtomicFile> out;
    std::vector<BoundColumn> columns;
  };
  File open(const std::string& name, const World& world, const std::vector<std::string>& chosen = {});

  std::string dir_;
  const Scenario& scenario_;
  File global_, states_, networks_, events_, cities_;
  std::unique_ptr<MapOutput> map_;  // places.csv, memberships.csv: beside cities.csv
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> units_;
  std::string buffer_;
};

// Column names of each file in a world, shared with tests and readers.
std::vector<std::string> global_columns();
std::vector<std::string> state_columns(const World& world);
std::vector<std::string> network_columns();
std::vector<std::string> city_variable_names();

}  // namespace urbis
