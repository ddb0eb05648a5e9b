#pragma once
// The data dictionary: every column of every file a run writes (global.csv,
// states.csv, networks.csv, events.csv, cities.csv, places.csv,
// memberships.csv) with its unit, declared range, precision, level and
// meaning, how analysis/ computes it when it does, and how to read its value
// from a world. This is the one home of that knowledge:
//   - the CSV writers (sim/output) iterate it for headers and values;
//   - docs/OUTPUTS.md is generated from it (`urbis outputs`);
//   - run.json records the units of the files written;
//   - the report labels its axes with the units and ranges.
// To add a column, add a row to its file's table in observables.cpp: the
// files, the documentation and the report follow.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agents/world.hpp"
#include "analysis/metrics.hpp"
#include "analysis/state_metrics.hpp"

namespace urbis {

// What one row of a file describes.
enum class Level { global, state, network, city, event, membership };
std::string_view level_name(Level level);

// A number rounded to a precision, as the decimal steps it is made of: the
// value written is steps x 10^-shift, steps a whole number (exact as a double).
struct DecimalRounding {
  double steps;
  int shift;
};

// The digits a column's numbers carry. The writers round to them, so that a
// file holds what the model can vouch for rather than 17 digits of binary
// noise, and a number reads back as the double the writer rounded to.
struct Precision {
  enum class Kind { text, integer, significant, decimals };
  Kind kind = Kind::text;
  int digits = 0;  // significant digits, or digits after the point

  double round(double v) const;  // the value as written (NaN and infinities unchanged)
  // The rounding of v as decimal steps; none where round() keeps v as it is
  // (text, NaN, infinities, a 0 to significant digits, steps beyond 10^±22).
  std::optional<DecimalRounding> decimal(double v) const;
  std::string describe() const;  // "6 significant digits", "whole number", ...
};

// Rounds to `digits` significant digits (0, NaN and infinities unchanged; no -0).
double round_significant(double v, int digits);
// Rounds to `digits` digits after the decimal point.
double round_decimals(double v, int digits);

// What the writer knows about the row being written; each column reads the
// parts it needs.
struct ObservableRow {
  const World* world = nullptr;
  const GlobalMetrics* metrics = nullptr;  // global.csv
  const StateMetrics* states = nullptr;    // states.csv
  std::size_t index = 0;                   // the state, network, city or event (index into World::log) of the row
  std::size_t network = 0;                 // memberships.csv: the network
  int change = 0;                          // memberships.csv: 1 joined, -1 left
  // Where a column composes its text (events.csv's detail); the view it
  // returns is good until the row's next text column is read.
  mutable std::string scratch;
};

// A column that repeats for each issue or each agreement of the world; its
// name holds the placeholder ("salience_<issue>").
enum class Family { none, issue, agreement };

struct Observable {
  std::string_view name;
  std::string_view unit;     // "" for text
  double low = 0, high = 0;  // declared range, ±infinity when open (text: unused)
  Precision precision;
  std::string_view meaning;
  std::string_view how = {};  // how analysis/ computes it, and where; "" for a variable written as it is
  Family family = Family::none;
  bool optional = false;  // cities.csv: one of the variables a scenario chooses
  // Exactly one of these reads the value of a row (member: the issue or
  // agreement of a family column).
  double (*number)(const ObservableRow& row, int member) = nullptr;
  std::string_view (*text)(const ObservableRow& row, int member) = nullptr;

  bool is_text() const { return text != nullptr; }
  // "index, 0–1", "USD per year, ≥ 0": the unit and the declared range.
  std::string range_text() const;
};

struct OutputFile {
  std::string_view name;  // "global.csv"
  Level level;
  std::string_view rows;  // which rows it has
  std::string_view when;  // when a run writes it
  std::span<const Observable> columns;
};

// Every file a run can write, in the order of the documentation.
std::span<const OutputFile> output_files();
// The file called `name`; throws std::out_of_range for an unknown name.
const OutputFile& output_file(std::string_view name);

// A column as written in one run: its declaration, the member of its family
// (issue or agreement index) and its name there ("salience_climate").
struct BoundColumn {
  const Observable* observable;
  int member = 0;
  std::string name;

  double number(const ObservableRow& row) const {  // rounded to the column's precision
    return observable->precision.round(observable->number(row, member));
  }
  std::string_view text(const ObservableRow& row) const { return observable->text(row, member); }
};

// The columns of `file` in a world: families expanded (one per issue, one per
// agreement of the world, in order). Optional columns (cities.csv) are those
// named in `chosen`, in its order; every one when `chosen` is empty.
std::vector<BoundColumn> bind_columns(const OutputFile& file, const World& world,
                                      const std::vector<std::string>& chosen = {});

// Whether networks.csv has a row for network k in the world's year: a
// network is reported while active and in the year it ends. Every reader of
// network rows (the CSV writer, live tables, sweep metrics, fingerprints)
// asks here.
bool network_reported(const World& world, std::size_t k);

// The declaration of a column of `file` by its name in a run's file
// ("in_paris" finds "in_<agreement>"); nullptr when there is none.
const Observable* find_observable(const OutputFile& file, std::string_view column);

// The data dictionary as Markdown: the text of docs/OUTPUTS.md.
std::string outputs_markdown();

}  // namespace urbis
