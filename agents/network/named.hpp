#pragma once
// Named networks (MODEL 7.5): the historical networks of networks.yaml and
// those a scenario founds, created in their year from their seed.
#include <cstdint>
#include <vector>

#include "agents/network/seed.hpp"
#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// Founds the network `seed` now and returns its index. Its cost multiple is
// the seed's (the median one when none is given). Members:
// - by invitation (C40): its founding members (the seed's founding_members
//   largest listed cities in this year; all of them when 0) join; the other
//   listed cities wait to be invited, largest first (extend_invitations);
// - with a members list: the listed cities join;
// - otherwise every eligible city is asked, valuing the network as the club
//   of founding.founding_group members, and accepts by the acceptance rule
//   (noise keyed by event_network); a capped network (a sponsor's selection)
//   takes the max_members cities that want it most, and they are its list
//   for good: the cap is applied once, here, and never refilled.
// Played cities never join on their own: their players decide.
int found_named_network(CoalitionView view, const NetworkSeed& seed, const Params& p, const Streams& rng,
                        std::uint32_t step);

// This year's invitations (before the portfolio reviews): each
// invitation-only network invites its next invitations_per_year listed
// cities, and an invited city reviews its portfolio this year, with the
// network among its candidates; one that declines stays invited and may join
// at a later review. Writes the networks' invitation lists, the invited
// cities' review_now flags and an `invited` event per network to `log`.
void extend_invitations(int year, Networks& networks, Cities& cities, std::vector<EventRecord>& log);

}  // namespace urbis
