#include "sim/world/state_codes.hpp"

#include <fmt/format.h>

#include "sim/world/world_yaml.hpp"

namespace urbis {

using namespace world_io;

int StateCodes::country_of(const std::string& file, const YAML::Node& n) const {
  const std::string code = yaml_string(file, n, "state");
  if (const int k = countries.find(code); k >= 0) return k;
  std::vector<std::string> codes;
  for (const auto& c : countries.rows) codes.push_back(c.iso3);
  throw InputError(place_of(file, n), fmt::format("unknown state '{}'{}; states are ISO3 codes (e.g. {})", code,
                                                  did_you_mean(code, codes), list_choices(codes, 8)));
}

}  // namespace urbis
