#pragma once
// The sliders of the live view: three model parameters that decide whether
// cooperation or competition spreads, one state's populism and one issue's
// salience. A change is checked whole before anything is set, applies to the
// room's worlds from their next step, and is recorded (year, key, value) so
// the charts can mark it.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "agents/world.hpp"
#include "sim/core/params.hpp"

namespace urbis::serve {

struct SliderSpec {
  std::string key, label;
  double min, max, step;
};
const std::vector<SliderSpec>& slider_specs();

struct ParamChange {
  std::string key;  // a slider key
  double value = 0;
  std::string target;  // populism: the state (ISO3); salience: the issue
};

// Reads a params body: one or more slider keys, each a number in its
// slider's range, populism and salience as {"state"|"issue", "value"}.
// Throws ApiError 400 for anything else.
std::vector<ParamChange> read_param_changes(std::string_view body);

// Throws ApiError 400 when a change names a state or issue the world lacks.
void check_param_changes(const std::vector<ParamChange>& changes, const World& world);

// Sets a (checked) change on one world and its parameters.
void apply_param_change(const ParamChange& change, World& world, Params& params);

// A change as the room lists it (its `changes`, drawn on the charts):
// {"year", "param", "value" (an object for populism and salience), "label"}.
nlohmann::ordered_json change_entry(const ParamChange& change, int year);

// The value a slider shows now.
double slider_value(const std::string& key, const World& world, const Params& params, const std::string& target);

int state_index(const World& world, std::string_view iso3);  // -1 when absent

}  // namespace urbis::serve
