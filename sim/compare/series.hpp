#pragma once
// The series a comparison pairs, read back from a run folder's CSV files
// (the files `urbis run` writes, so a comparison measures exactly what a
// user would read): every numeric column of global.csv, and the numeric
// columns of states.csv, networks.csv and cities.csv for the selected
// states, networks and cities, year by year.
#include <compare>
#include <map>
#include <string>
#include <vector>

namespace urbis::compare {

enum class Level { global, state, network, city };
std::string level_name(Level level);

struct SeriesKey {
  Level level = Level::global;
  std::string subject;  // "world", an ISO3 code, a network's or a city's name
  std::string metric;   // the column
  auto operator<=>(const SeriesKey&) const = default;
};

// What a comparison reports beyond global.csv, in the order given.
struct Selection {
  std::vector<std::string> states, networks, cities;
};

// Values of years start..end (index year - start); NaN where the run has no
// row (a network not yet founded or already ended, a city year the stride
// skipped). `metrics` keeps each level's columns in their file's order.
struct Trajectories {
  std::map<SeriesKey, std::vector<double>> values;
  std::map<Level, std::vector<std::string>> metrics;
};

// Throws InputError, at its place, when a file cannot be read or is malformed.
Trajectories read_trajectories(const std::string& run_dir, const Selection& selection, int start, int end);

}  // namespace urbis::compare
