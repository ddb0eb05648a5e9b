#pragma once
// Writes a run's tidy CSV trajectories (MODEL.md section 8): global.csv,
// states.csv, networks.csv, events.csv and, when the scenario asks,
// cities.csv. One row per entity per year; numbers in their shortest form
// that reads back to the same double. Files appear only when complete.
#include <memory>
#include <string>
#include <vector>

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

 private:
  std::string dir_;
  const Scenario& scenario_;
  std::unique_ptr<AtomicFile> global_, states_, networks_, events_, cities_;
  std::vector<int> city_variables_;
  std::unique_ptr<MapOutput> map_;  // places.csv, memberships.csv: beside cities.csv
  std::string buffer_;
};

// Column names of each file, shared with tests and readers.
std::vector<std::string> global_columns();
std::vector<std::string> state_columns(const World& world);
std::vector<std::string> network_columns();
std::vector<std::string> city_variable_names();

}  // namespace urbis
