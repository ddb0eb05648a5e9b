#pragma once
// The tables of a run kept in memory as it is stepped, with the columns and
// the rounding the run's CSV files would have (both from the data dictionary,
// analysis/observables.hpp), so that a live view
// is built by the report's own builder (sim/report/report_data.hpp) and shows
// what `urbis report` would show of the same run.
#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/metrics.hpp"
#include "analysis/observables.hpp"
#include "sim/engine/run.hpp"
#include "sim/report/report_data.hpp"
#include "sim/report/table.hpp"
#include "sim/scenario/scenario.hpp"

namespace urbis::serve {

class LiveTables : public RunObserver {
 public:
  // Starts empty tables for a world at the start of a run.
  LiveTables(const Scenario& scenario, const World& world);
  // Appends the world at the end of its year (after step_world).
  void observe(const World& world, const GlobalMetrics& metrics) override;
  // The report's source: run.json's fields and the tables so far.
  RunSource source(nlohmann::ordered_json network_targets) const;
  // A copy (a few megabytes for the real world): the report is built from it
  // while the room steps on.
  std::shared_ptr<const LiveTables> copy() const;
  int years() const { return years_; }
  // The tables with the names of the files a run would write (global.csv, ...).
  std::vector<std::pair<std::string, const MemoryTable*>> files() const;

 private:
  LiveTables(const LiveTables& other);  // the tables, not the diff state (copy())
  nlohmann::ordered_json run_;
  std::unique_ptr<MemoryTable> global_, states_, networks_, events_, places_, cities_, memberships_;
  // The data dictionary's columns of each table (not copied by copy()).
  std::vector<BoundColumn> global_cols_, state_cols_, network_cols_, event_cols_, city_cols_, membership_cols_;
  std::vector<std::vector<std::int32_t>> held_;  // per city: networks held last year, sorted
  int years_ = 0;
};

}  // namespace urbis::serve
