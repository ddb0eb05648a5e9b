#include "sim/world/drivers_file.hpp"

#include <map>

#include "sim/world/world_yaml.hpp"

namespace urbis {
namespace {

using namespace world_io;

// A year -> value map, interpolated linearly onto [first, last], flat beyond its ends.
std::vector<double> read_series(const std::string& file, const YAML::Node& n, const std::string& what, int first,
                                int last, double lo, double hi) {
  if (!n.IsMap() || n.size() == 0)
    throw InputError(place_of(file, n), fmt::format("{} must map years to values (1992: 0.1, ...)", what));
  std::map<int, double> points;
  for (const auto& kv : n) {
    const int year = yaml_int(file, kv.first, "a year");
    const double v = yaml_number(file, kv.second, what);
    if (v < lo || v > hi)
      throw InputError(place_of(file, kv.second), fmt::format("{} must be in [{}, {}] (got {})", what, lo, hi, v));
    if (!points.emplace(year, v).second)
      throw InputError(place_of(file, kv.first), fmt::format("year {} is given twice in {}", year, what));
  }
  std::vector<double> out(static_cast<std::size_t>(last - first + 1));
  for (int y = first; y <= last; ++y) {
    auto hi_it = points.lower_bound(y);
    double v;
    if (hi_it == points.begin()) v = hi_it->second;
    else if (hi_it == points.end()) v = std::prev(hi_it)->second;
    else if (hi_it->first == y) v = hi_it->second;
    else {
      const auto lo_it = std::prev(hi_it);
      const double t = double(y - lo_it->first) / (hi_it->first - lo_it->first);
      v = lo_it->second + t * (hi_it->second - lo_it->second);
    }
    out[static_cast<std::size_t>(y - first)] = v;
  }
  return out;
}

}  // namespace

Drivers read_drivers(const std::string& file, int first, int last) {
  const YAML::Node root = load_yaml(file);
  if (!root.IsMap())
    throw InputError(place_of(file, root), "expected a map with the keys digital, globalisation, salience");
  check_keys(file, root, {"digital", "globalisation", "salience"}, "drivers.yaml");
  Drivers d;
  d.first_year = first;
  d.years = last - first + 1;
  const auto years = static_cast<std::size_t>(d.years);
  d.digital = root["digital"] ? read_series(file, root["digital"], "digital", first, last, 0, 1)
                              : std::vector<double>(years, 0.0);
  d.globalisation = root["globalisation"] ? read_series(file, root["globalisation"], "globalisation", first, last, 0, 1)
                                          : std::vector<double>(years, 0.0);
  d.salience.assign(years, PerIssue<double>{});
  if (const YAML::Node s = root["salience"]) {
    if (!s.IsMap()) throw InputError(place_of(file, s), "salience must map issues to year -> shift maps");
    std::vector<std::string> issues(kIssueNames.begin(), kIssueNames.end());
    check_keys(file, s, issues, "salience");
    for (const auto& kv : s) {
      const Issue q = yaml_issue(file, kv.first);
      const auto shift = read_series(file, kv.second, "a salience shift", first, last, -1, 1);
      for (std::size_t t = 0; t < years; ++t) d.salience[t][static_cast<int>(q)] = shift[t];
    }
  }
  return d;
}

}  // namespace urbis
