#pragma once
// A sweep file (configs/sweeps/*.yaml, docs/SWEEPS.md): which scenario to
// run (or, with `scenarios:`, which scenarios, as a factor of the design),
// which parameters to vary and how (the design; none for a sweep of
// replicates only), how many replicates per point, and the outcome metrics
// to record per run. Read as strictly as
// a scenario: every mistake is an InputError at the file, line and column,
// with the nearest valid name.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/input_error.hpp"
#include "sim/core/param_table.hpp"

namespace urbis::sweep {

enum class DesignType { grid, uniform, lhs, saltelli, morris };
enum class Scale { linear, log };

std::string design_name(DesignType t);

// One varied parameter.
struct VariedParam {
  std::string path;  // e.g. economy.club_benefit
  const ParamSpec* spec = nullptr;
  std::vector<double> values;   // grid: the values, in order
  double min = 0, max = 0;      // other designs: the range
  Scale scale = Scale::linear;  // log: log-uniform between min and max
  SourcePlace where;
};

enum class Source { global, state, network };
enum class Stat { final, at, mean, min, max, first_crossing };

std::string stat_name(Stat s);

// An outcome recorded per run, computed in memory from the run's yearly
// values of one column of global.csv, states.csv (one state) or
// networks.csv (one network).
struct MetricSpec {
  std::string name;
  Source source = Source::global;
  std::string entity;  // ISO3 (state) or network name
  std::string column;
  Stat stat = Stat::final;
  int from = 0, to = 0;  // mean/min/max window, at: from (0: the run's first/last year)
  double threshold = 0;  // first_crossing
  bool above = true;     // first_crossing: the first year the value is >= (above) or <= (below) threshold
  SourcePlace where;     // of the metric's entry, for errors found when binding to a world
  SourcePlace entity_where, column_where;
};

struct SweepSpec {
  std::string file;  // the sweep file as given
  std::string name, description;
  // The scenarios, as written: one from `scenario:`, or the list of
  // `scenarios:` (a factor: every parameter point runs with each of them,
  // with the same seeds, so their outcomes pair run by run).
  std::vector<std::string> scenarios;
  std::vector<SourcePlace> scenario_wheres;
  bool scenario_factor = false;  // `scenarios:` was given (runs.csv gets a scenario column)
  std::uint64_t seed = 0;
  int replicates = 1;
  std::vector<std::pair<std::string, double>> fixed;  // `set:` applied to every run
  std::vector<VariedParam> params;
  DesignType design = DesignType::grid;
  int samples = 0;  // uniform/lhs: points; saltelli: base samples N; morris: trajectories r
  int levels = 4;   // morris grid levels
  std::vector<MetricSpec> metrics;
  bool trajectories = false;  // write each run's CSV files into runs/<id>/
  std::string output;         // default output folder (out/sweeps/<name>)
  std::string hash;           // FNV-1a of the file's bytes, hex
};

// Reads and validates a sweep file. Throws InputError for any mistake.
SweepSpec load_sweep(const std::string& file);

// Columns a metric may name: global.csv's and networks.csv's numeric
// columns; states.csv's depend on the world's agreements (checked at bind).
std::vector<std::string> global_metric_columns();
std::vector<std::string> network_metric_columns();

}  // namespace urbis::sweep
