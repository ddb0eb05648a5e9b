#include "sim/world/state_traits_file.hpp"

#include <fmt/format.h>

#include "sim/world/text_list.hpp"
#include "sim/world/world_yaml.hpp"

namespace urbis {

using namespace world_io;

void read_state_traits(const std::string& file, const StateCodes& codes, States& s,
                       std::vector<std::string>& problems) {
  const YAML::Node root = load_yaml(file);
  if (root.IsNull()) return;
  if (!root.IsMap()) throw InputError(place_of(file, root), "expected a map with the key 'states'");
  check_keys(file, root, {"states"}, "state_traits.yaml");
  const YAML::Node states = root["states"];
  if (!states || states.IsNull()) return;
  if (!states.IsMap()) throw InputError(place_of(file, states), "'states' must map ISO3 codes to traits");
  const std::vector<std::string> traits = {"populism", "centralisation", "openness", "tax_share"};
  std::vector<std::string> absent;
  for (const auto& kv : states) {
    const int country = codes.country_of(file, kv.first);
    if (!kv.second.IsMap())
      throw InputError(place_of(file, kv.second), "expected a map of traits (populism, centralisation, ...)");
    check_keys(file, kv.second, traits, fmt::format("the traits of {}", kv.first.Scalar()));
    const int j = codes.state_of_country(country);
    if (j < 0) absent.push_back(kv.first.Scalar());
    for (const auto& t : kv.second) {
      const std::string key = t.first.Scalar();
      const double v = yaml_number(file, t.second, key);
      if (v < 0 || v > 1)
        throw InputError(place_of(file, t.second), fmt::format("{} must be in [0, 1] (got {})", key, v));
      if (j < 0) continue;
      Eigen::ArrayXd& col = key == "populism"         ? s.populism
                            : key == "centralisation" ? s.centralisation
                            : key == "openness"       ? s.openness
                                                      : s.tax_share;
      col[j] = v;
    }
  }
  if (!absent.empty())
    problems.push_back(fmt::format("state_traits.yaml: {} {} no UN agglomeration; traits not used", join(absent),
                                   absent.size() == 1 ? "has" : "have"));
}

}  // namespace urbis
