#pragma once
#include <cstdint>

#include "agents/city/columns.hpp"
#include "agents/membership.hpp"
#include "agents/network/columns.hpp"
#include "agents/state/columns.hpp"
#include "sim/core/issues.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// Phase 4 (MODEL 7.2). Population grows at the state's urban rate plus a
// drift toward the state's richer cities; GDP per capita grows at the
// state's rate plus the club benefit of the city's networks, rescaled by
// urban scaling, with a Gibrat shock, plus the net mobile inflow per person.
void grow_economy(const States& states, const Memberships& members, const Networks& networks,
                  const PerIssue<double>& salience, Cities& cities, const EconomyParams& p,
                  const Streams& rng, std::uint32_t step);

// k_c x_i sum_q sigma_q (1 - 2^-m_iq): the growth rate a city gains from the
// networks it belongs to (saturating per issue).
double club_benefit(double cooperation, const PerIssue<int>& networks_per_issue,
                    const PerIssue<double>& salience, double k_c);

}  // namespace urbis
