#pragma once
// The one list of every model parameter: its dotted path (as written in
// configs/defaults.yaml, scenarios and --set), where it lives in Params, and
// the range it must fall in. Loading, overriding, validating and printing the
// resolved configuration all go through this table.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/params.hpp"

namespace urbis {

enum class ParamKind { real, count, flag };

struct ParamSpec {
  std::string path;                          // e.g. "competition.contest_exponent"
  std::function<double&(Params&)> ref;       // to set it (scenario loading, --set, events)
  std::function<double(const Params&)> get;  // to read it from a Params that must not change
  double min;
  double max;
  ParamKind kind = ParamKind::real;
};

// All parameters in the order of configs/defaults.yaml.
std::span<const ParamSpec> param_table();

// The spec of a path, or nullptr.
const ParamSpec* find_param(std::string_view path);

// Every valid path (for "did you mean" and --help).
std::vector<std::string> param_paths();

// Checks a value against a spec; returns an empty string when valid, else
// what was expected ("a number in [0, 1]", "0 or 1", ...).
std::string check_param_value(const ParamSpec& spec, double value);

inline double get_param(const Params& p, const ParamSpec& s) { return s.get(p); }

}  // namespace urbis
