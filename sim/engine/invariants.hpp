#pragma once
// What must hold of a world after every step, whatever the parameters and
// events: checked by the property tests on random worlds and timelines, and
// after each step in debug builds (URBIS_CHECK_INVARIANTS).
#include <string>
#include <vector>

#include "agents/world.hpp"

namespace urbis {

// Returns one line per violation (empty when all hold):
// populations, GDP and reputation finite and non-negative; x, a, o in [0,1];
// tension finite and non-negative; every membership names an active network
// at most once; network member counts equal the memberships; the mobile pool
// is conserved (sum of net inflows is zero to rounding).
std::vector<std::string> check_invariants(const World& world);

}  // namespace urbis
