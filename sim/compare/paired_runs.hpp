#pragma once
// Paired runs: a scenario (side a) and its counterfactual (side b) run with
// the same seeds. Every random draw of a run is a pure function of (seed,
// step, phase, agent, draw) (sim/core/random.hpp), so for one seed the two
// sides draw the same numbers for the same agent in the same year: until
// the difference between the scenarios first matters, the two runs are
// identical, and afterwards the per-seed difference carries the effect of
// the difference plus the noise it sets off, not the noise two unrelated
// seeds would add (common random numbers).
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/compare/series.hpp"
#include "sim/engine/run.hpp"
#include "sim/scenario/scenario.hpp"

namespace urbis::compare {

struct Side {
  Scenario scenario;
  std::string arg;  // how `urbis run` names it (a library name or a path)
};

// Throws InputError (at b's file) unless the two can be paired run by run:
// the same world (real data folder and initial networks, or the same
// synthetic world) from the same start year.
void check_comparable(const Scenario& a, const Scenario& b);

// The states, networks and cities reported when none are asked for: the
// protagonists of either side; the named networks of the world and those
// either side's events found; the cities of the protagonist states.
Selection default_selection(const Side& a, const Side& b, const WorldData& world);

struct PairedOptions {
  std::vector<std::uint64_t> seeds;
  Selection selection;
  std::string runs_dir;      // each run's folder: runs_dir/a/<seed>/, runs_dir/b/<seed>/
  bool keep_runs = false;    // keep the run folders (else each is removed once read)
  std::string command_line;  // for the runs' run.json
  int threads = 1;
  std::function<void(int done, int total)> progress;  // after each run; may be empty
};

struct PairedResult {
  int start = 0, end = 0;                         // the years both sides run
  std::array<std::vector<Trajectories>, 2> runs;  // [side][seed index]
};

// Runs both sides with every seed (sharing the cores), each into its own
// run folder (CSV files and run.json, as `urbis run` writes them), and
// reads the selected series back. Throws Interrupted at a step boundary
// after SIGINT or SIGTERM (the run folders in progress are left for the
// caller to remove with runs_dir).
PairedResult run_pairs(const Side& a, const Side& b, const RunContext& context, const PairedOptions& options);

}  // namespace urbis::compare
