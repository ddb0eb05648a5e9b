#include "sim/world/networks_file.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <type_traits>

#include <fmt/format.h>

#include "sim/world/text_list.hpp"
#include "sim/world/world_yaml.hpp"

namespace urbis {

using namespace world_io;

namespace {

// Reads an optional key of a network, a whole number (Read = int) or any
// number (Read = double) that must be at least 0, into `field` (left as it
// is when the key is absent); `rule` is the error otherwise.
template <class Read, class T>
void read_non_negative(const std::string& file, const YAML::Node& network, const char* key, T& field,
                       std::string_view rule) {
  const YAML::Node value = network[key];
  if (!value) return;
  Read v;
  if constexpr (std::is_integral_v<Read>) v = yaml_int(file, value, key);
  else v = yaml_number(file, value, key);
  if (v < 0) throw InputError(place_of(file, value), std::string(rule));
  field = v;
}

Scope read_scope(const std::string& file, const YAML::Node& n, const StateCodes& codes, const World& w,
                 std::vector<std::string>& problems) {
  const std::string usage = "scope must be 'global', 'region:NAME', 'union:NAME' or a map {states: [ISO3, ...]}";
  Scope scope;
  if (n.IsMap()) {
    check_keys(file, n, {"states"}, "a scope");
    const YAML::Node list = n["states"];
    if (!list || !list.IsSequence()) throw InputError(place_of(file, n), usage);
    scope.kind = ScopeKind::states;
    scope.states.assign(w.states.size(), 0);
    std::vector<std::string> absent;
    for (const auto& code : list) {
      const int j = codes.state_of_country(codes.country_of(file, code));
      if (j < 0) absent.push_back(code.Scalar());
      else scope.states[static_cast<std::size_t>(j)] = 1;
    }
    if (!absent.empty())
      problems.push_back(fmt::format("{}: scope state{} {} {} no UN agglomeration", format_place(place_of(file, list)),
                                     absent.size() == 1 ? "" : "s", join(absent), absent.size() == 1 ? "has" : "have"));
    return scope;
  }
  const std::string s = yaml_string(file, n, "scope");
  if (s == "global") return scope;
  const auto colon = s.find(':');
  const std::string kind = s.substr(0, colon);
  const std::string name = colon == std::string::npos ? "" : s.substr(colon + 1);
  if (colon != std::string::npos && kind == "region") {
    const auto it = std::find(w.region_names.begin(), w.region_names.end(), name);
    if (it == w.region_names.end())
      throw InputError(place_of(file, n),
                       fmt::format("unknown region '{}'{}; regions: {}", name, did_you_mean(name, w.region_names),
                                   list_choices(w.region_names)));
    scope.kind = ScopeKind::region;
    scope.index = static_cast<int>(it - w.region_names.begin());
    return scope;
  }
  if (colon != std::string::npos && kind == "union") {
    std::vector<std::string> unions;
    for (const auto& g : w.agreements)
      if (g.is_union) unions.push_back(g.name);
    const int g = w.agreement_index(name);
    if (g < 0 || !w.agreements[static_cast<std::size_t>(g)].is_union)
      throw InputError(place_of(file, n), fmt::format("unknown union '{}'{}; unions: {}", name,
                                                      did_you_mean(name, unions), list_choices(unions)));
    scope.kind = ScopeKind::union_members;
    scope.index = g;
    return scope;
  }
  throw InputError(place_of(file, n), fmt::format("unknown scope '{}'{}; {}", s,
                                                  did_you_mean(kind, {"global", "region", "union", "states"}), usage));
}

}  // namespace

std::vector<NetworkSeed> read_networks(const std::string& file, const StateCodes& codes, const World& w,
                                       MemberMatcher& members, std::vector<std::string>& problems) {
  const YAML::Node root = load_yaml(file);
  if (!root.IsMap()) throw InputError(place_of(file, root), "expected a map with the key 'networks'");
  check_keys(file, root, {"networks"}, "networks.yaml");
  const YAML::Node list = root["networks"];
  if (!list || !list.IsSequence()) throw InputError(place_of(file, root), "'networks' must be a list of networks");

  const std::vector<std::string> keys = {"name",
                                         "issue",
                                         "scope",
                                         "founded",
                                         "ended",
                                         "min_population",
                                         "fee_multiple",
                                         "sponsored",
                                         "funding",
                                         "funding_until",
                                         "members_file",
                                         "aliases",
                                         "invitation",
                                         "max_members",
                                         "founding_members",
                                         "invitations_per_year",
                                         "note"};
  std::vector<NetworkSeed> out;
  std::set<std::string> names;
  for (const auto& n : list) {
    if (!n.IsMap()) throw InputError(place_of(file, n), "each network must be a map");
    check_keys(file, n, keys, "a network");
    for (const char* k : {"name", "issue", "scope", "founded"})
      if (!n[k]) throw InputError(place_of(file, n), fmt::format("network without '{}'", k));
    NetworkSeed seed;
    seed.name = yaml_string(file, n["name"], "name");
    if (seed.name.empty()) throw InputError(place_of(file, n["name"]), "a network needs a name");
    if (!names.insert(seed.name).second)
      throw InputError(place_of(file, n["name"]), fmt::format("network '{}' is listed twice", seed.name));
    seed.issue = yaml_issue(file, n["issue"]);
    seed.scope = read_scope(file, n["scope"], codes, w, problems);
    seed.founded = yaml_int(file, n["founded"], "founded");
    if (n["ended"]) {
      seed.ended = yaml_int(file, n["ended"], "ended");
      if (seed.ended < 0) throw InputError(place_of(file, n["ended"]), "ended must be a year, or 0 when open");
      if (seed.ended != 0 && seed.founded > seed.ended)
        throw InputError(place_of(file, n["ended"]), fmt::format("network '{}' ends ({}) before it is founded ({})",
                                                                 seed.name, seed.ended, seed.founded));
    }
    read_non_negative<double>(file, n, "min_population", seed.min_population, "min_population must be at least 0");
    read_non_negative<double>(file, n, "fee_multiple", seed.fee_multiple, "fee_multiple must be at least 0");
    if (n["sponsored"]) seed.sponsored = yaml_bool(file, n["sponsored"], "sponsored");
    read_non_negative<double>(file, n, "funding", seed.funding, "funding must be at least 0");
    read_non_negative<int>(file, n, "funding_until", seed.funding_until, "funding_until must be a year, or 0");
    if (n["invitation"]) {
      seed.invitation = yaml_bool(file, n["invitation"], "invitation");
      if (seed.invitation && !n["members_file"])
        throw InputError(place_of(file, n["invitation"]), "invitation needs a members_file (the invited cities)");
    }
    if (n["founding_members"] || n["invitations_per_year"]) {
      const YAML::Node f = n["founding_members"] ? n["founding_members"] : n["invitations_per_year"];
      if (!seed.invitation)
        throw InputError(place_of(file, f), "founding_members and invitations_per_year need invitation: true");
      read_non_negative<int>(file, n, "founding_members", seed.founding_members,
                             "founding_members must be at least 0 (0: all)");
      read_non_negative<int>(file, n, "invitations_per_year", seed.invitations_per_year,
                             "invitations_per_year must be at least 0");
    }
    if (n["max_members"]) {
      seed.max_members = yaml_number(file, n["max_members"], "max_members");
      if (seed.max_members < 0 || seed.max_members != std::floor(seed.max_members))
        throw InputError(place_of(file, n["max_members"]), "max_members must be a whole number, 0 for no cap");
      // The cap selects among the cities that accept a rule-based network
      // (agents/network/named.hpp); a listed network has its members already.
      if (seed.max_members > 0 && n["members_file"])
        throw InputError(place_of(file, n["max_members"]),
                         "max_members caps a rule-based network; a network with a members_file cannot have one");
    }
    if (n["aliases"] && !n["members_file"])
      throw InputError(place_of(file, n["aliases"]), "aliases need a members_file");
    if (n["members_file"]) seed.members = members.read(file, n, seed.name);
    out.push_back(std::move(seed));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const NetworkSeed& a, const NetworkSeed& b) { return a.founded < b.founded; });
  return out;
}

}  // namespace urbis
