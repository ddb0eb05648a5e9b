#pragma once
// The record folder of a sweep: DIR/sweep.json (what sweep the folder holds),
// one record per finished run in DIR/records/ID.csv (its runs.csv line,
// written atomically, so an interrupted sweep never leaves a torn line and
// --resume does only the missing runs), and runs.csv assembled from them.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "sim/sweep/plan.hpp"

namespace urbis::sweep {

// DIR/sweep.json.
std::string manifest_path(const std::string& dir);

// Checks that the folder holds this sweep or nothing, writes sweep.json, and
// returns the runs of this share (shard of shards) still to do. Throws
// InputError for a folder that holds another sweep, or finished runs
// without `resume`.
std::vector<std::int64_t> prepare_folder(const SweepPlan& plan, const std::string& dir, bool resume, int shard,
                                         int shards);

// One line of runs.csv, fields quoted as CSV needs, with its newline.
std::string record_line(const std::vector<std::string>& fields);
// Writes run `id`'s record (its runs.csv line) atomically.
void write_record(const std::string& dir, std::int64_t id, const std::string& line);

// Assembles runs.csv (or, when runs are missing and `allow_partial`,
// runs.partial.csv) from the records; returns the missing run ids.
std::vector<std::int64_t> assemble(const std::string& dir, bool allow_partial);

// Run ids as ranges for a message: "0-4, 7, 9-12" (the first `max_shown`).
std::string ranges(const std::vector<std::int64_t>& ids, std::size_t max_shown = 20);

}  // namespace urbis::sweep
