#pragma once
// Named members of a network (a members file of networks.yaml) matched to
// the world's cities. Internal to sim/world.
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/world/city_register.hpp"
#include "sim/world/natural_earth.hpp"
#include "sim/world/state_codes.hpp"

namespace urbis {

class MemberMatcher {
 public:
  // Members files are read from `directory`; cities added from Natural
  // Earth's populated places go into `cities`.
  MemberMatcher(std::filesystem::path directory, const StateCodes& codes, CityRegister& cities,
                natural_earth::PopulatedPlaces& places, std::vector<std::string>& problems)
      : dir_(std::move(directory)), codes_(codes), cities_(cities), places_(places), problems_(problems) {}

  // The members of the network `n` of networks.yaml (its members_file and
  // aliases): each name of the members file is matched to a city of its
  // state directly, through the alias table, or by a case- and
  // accent-insensitive comparison; failing that it is looked up in Natural
  // Earth's populated places and added as a city. Every name ends up as a
  // member or in the problems.
  std::vector<int> read(const std::string& file, const YAML::Node& n, const std::string& network);

 private:
  int add_from_natural_earth(int state, const natural_earth::Country& c, const std::string& name);

  std::filesystem::path dir_;
  const StateCodes& codes_;
  CityRegister& cities_;
  natural_earth::PopulatedPlaces& places_;
  std::vector<std::string>& problems_;
};

}  // namespace urbis
