#pragma once
// A scenario as the engine sees it: typed, validated, with every default
// resolved. Names of states, cities and networks in events are checked
// against the world when a run binds the scenario (sim/engine/timeline.hpp),
// so each event keeps the places of its fields for error messages.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/event_type.hpp"
#include "sim/core/input_error.hpp"
#include "sim/core/params.hpp"

namespace urbis {

struct SyntheticWorldSpec {
  std::int64_t cities = 0;
  int states = 0;
  int regions = 0;         // states are spread over this many regions
  int networks = 0;        // networks at the start
  std::uint64_t seed = 0;  // seed of the world's own draws (independent of the run seed)
  double zipf_exponent = 1.0;
};

struct RealWorldSpec {
  std::string directory;     // folder with the world files (default: configs/world)
  int initial_networks = 0;  // networks active at the start, named ones included
};

struct WorldSpec {
  enum class Kind { real, synthetic } kind = Kind::real;
  RealWorldSpec real;
  SyntheticWorldSpec synthetic;
};

struct CityOutputSpec {
  bool enabled = false;
  std::vector<std::string>
      variables;   // of: population, gdp, gdp_pc, cooperation, autonomy, reputation, tension, openness, memberships
  int stride = 1;  // write every stride-th year
};

struct OutputSpec {
  std::string directory;  // where the CSV files go (relative to the working directory)
  CityOutputSpec cities;
};

struct EventSpec {
  int year = 0;
  EventType type = EventType::set;
  std::string label;                          // optional text for charts and events.csv
  SourcePlace where;                          // the event's own place in its file
  std::map<std::string, SourcePlace> places;  // place of each field, by key

  // withdraw / join / leave_union / join_union
  std::string state;      // ISO3
  std::string agreement;  // agreement or union name
  // set / shock: target is "global", "state:ISO3", "city:NAME" or "network:NAME"
  std::string target;
  std::string variable;  // parameter path (global) or variable name
  double value = 0;
  std::optional<double> delta, factor;
  int until = 0;  // shock: reverted at the start of this year (0: permanent)
  // salience / found_network
  std::string issue;
  double amount = 0;  // salience delta
  std::string name;   // found_network
  std::string scope = "global";
  std::vector<std::string> founders;
  std::optional<double> fee_multiple;
  double funding = 0;  // found_network / fund: USD per year
  int years = 0;       // fund: years of funding (0: until defunded)
  // join_network / leave_network / fund / defund
  std::string network;
  std::string city;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string file;                // the file it was loaded from
  std::vector<std::string> chain;  // files of the extends: chain, base first
  WorldSpec world;
  int start = 0, end = 0;  // years; the run steps start..end inclusive
  std::uint64_t seed = 0;
  Params params;
  std::map<std::string, double> overrides;  // parameters changed from the defaults
  std::vector<EventSpec> events;            // sorted by year (stable)
  OutputSpec output;
  std::vector<std::string> protagonists;  // ISO3 of the states the scenario is about
  // compare_with: the file of the scenario's counterfactual (`urbis compare
  // NAME` runs both); "" when the scenario names none.
  std::string compare_with;
  SourcePlace compare_with_place;
};

}  // namespace urbis
