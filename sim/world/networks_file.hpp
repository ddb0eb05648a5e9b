#pragma once
// networks.yaml: the named networks the engine founds in their year (issue,
// scope, membership rules, fees, sponsors). Internal to sim/world.
#include <string>
#include <vector>

#include "agents/network/seed.hpp"
#include "agents/world.hpp"
#include "sim/world/member_matching.hpp"
#include "sim/world/state_codes.hpp"

namespace urbis {

// The networks of the file, sorted by founding year. A scope names regions,
// unions and states of `world` (its states, regions and agreements are
// loaded); members files are matched by `members`.
std::vector<NetworkSeed> read_networks(const std::string& file, const StateCodes& codes, const World& world,
                                       MemberMatcher& members, std::vector<std::string>& problems);

}  // namespace urbis
