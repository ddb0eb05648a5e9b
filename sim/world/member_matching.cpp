#include "sim/world/member_matching.hpp"

#include <set>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "sim/world/world_csv.hpp"
#include "sim/world/world_yaml.hpp"

namespace urbis {

using namespace world_io;

std::vector<int> MemberMatcher::read(const std::string& file, const YAML::Node& n, const std::string& network) {
  const std::string members_name = yaml_string(file, n["members_file"], "members_file");
  std::unordered_map<std::string, std::pair<std::string, YAML::Node>> aliases;
  if (const YAML::Node a = n["aliases"]) {
    if (!a.IsMap()) throw InputError(place_of(file, a), "aliases must map member names to UN agglomeration names");
    for (const auto& kv : a)
      aliases[yaml_string(file, kv.first, "alias")] = {yaml_string(file, kv.second, "alias target"), kv.second};
  }
  std::set<std::string> used_aliases;
  std::vector<int> members;
  std::set<int> member_set;
  CsvFile<2> f((dir_ / members_name).string(), {"city", "iso3"});
  while (f.next()) {
    const std::string name = f.text(0), iso3 = f.text(1);
    const int country = codes_.countries.find(iso3);
    const int j = country < 0 ? -1 : codes_.state_of_country(country);
    if (j < 0) {
      problems_.push_back(fmt::format("{}: {}: '{}' ({}) not found: {}; left out", format_place(f.place()), network,
                                      name, iso3,
                                      country < 0 ? "unknown ISO3 code" : "the state has no UN agglomeration"));
      continue;
    }
    int city = cities_.find(j, name);
    if (city < 0) {
      if (const auto a = aliases.find(name); a != aliases.end()) {
        used_aliases.insert(name);
        city = cities_.find(j, a->second.first);
        if (city < 0) {
          std::vector<std::string> candidates;
          for (int c : cities_.in_state(j)) candidates.push_back(cities_[c].name);
          throw InputError(place_of(file, a->second.second),
                           fmt::format("alias '{}' -> '{}': no agglomeration of that name in {}{}", name,
                                       a->second.first, iso3, did_you_mean(a->second.first, candidates)));
        }
      }
    }
    if (city < 0) city = cities_.find_folded(j, name);
    if (city < 0) {
      city = add_from_natural_earth(j, codes_.countries.rows[static_cast<std::size_t>(country)], name);
      if (city >= 0)
        problems_.push_back(
            fmt::format("{}: {}: '{}' ({}) is not a UN agglomeration; added from Natural Earth "
                        "(population {:.0f})",
                        format_place(f.place()), network, name, iso3, cities_[city].population));
    }
    if (city < 0) {
      problems_.push_back(fmt::format("{}: {}: '{}' ({}) not found in the UN file or in Natural Earth; left out",
                                      format_place(f.place()), network, name, iso3));
      continue;
    }
    if (!member_set.insert(city).second) {
      problems_.push_back(
          fmt::format("{}: {}: '{}' ({}) is part of the UN agglomeration '{}', already a member; "
                      "counted once",
                      format_place(f.place()), network, name, iso3, cities_[city].name));
      continue;
    }
    members.push_back(city);
  }
  for (const auto& [name, target] : aliases)
    if (!used_aliases.count(name))
      problems_.push_back(fmt::format("{}: {}: alias '{}' is not used by any member",
                                      format_place(place_of(file, target.second)), network, name));
  return members;
}

int MemberMatcher::add_from_natural_earth(int state, const natural_earth::Country& c, const std::string& name) {
  const natural_earth::PopulatedPlaces::Place* best = places_.find(c, name);
  if (!best || best->pop <= 0) return -1;
  CityRecord r;
  r.name = best->name;
  r.state = state;
  r.lat = best->lat;
  r.lon = best->lon;
  r.population = best->pop;
  r.reference_population = best->pop;
  r.added = true;
  return cities_.add(std::move(r));
}

}  // namespace urbis
