#pragma once
// One event of a scenario's `events:` list (docs/SCENARIOS.md, events).
#include <cstddef>

#include <yaml-cpp/yaml.h>

#include "sim/core/yaml_reader.hpp"
#include "sim/scenario/scenario.hpp"

namespace urbis::scenario_io {

// The event at `n` (item `index` of the list), checked field by field;
// throws InputError at the offending field.
EventSpec parse_event(const yamlin::Reader& r, const YAML::Node& n, std::size_t index);

}  // namespace urbis::scenario_io
