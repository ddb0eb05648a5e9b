#pragma once
// How the world's YAML files name states: by ISO3 (or Natural Earth's
// adm0_a3) code, of any Natural Earth country; a country is a state of this
// world when it has a UN agglomeration alive at the start year. Internal to
// sim/world.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/world/natural_earth.hpp"

namespace urbis {

struct StateCodes {
  const natural_earth::Countries& countries;
  std::vector<int> country_state;  // country -> state (-1: none)
  std::vector<int> state_country;  // state -> country

  // The Natural Earth country of a code in `file`; InputError (with the
  // nearest code) when no country has it.
  int country_of(const std::string& file, const YAML::Node& code) const;
  // The state of a country, or -1 when the country is no state of this world.
  int state_of_country(int country) const { return country_state[static_cast<std::size_t>(country)]; }
};

}  // namespace urbis
