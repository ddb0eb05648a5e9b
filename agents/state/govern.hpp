#pragma once
// Phase 7 (MODEL 7.6): states update climate commitment, their cities'
// tension, autonomy (pre-emption or relaxation) and partnership.
#include <cstdint>
#include <vector>

#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// Reads the agreements, memberships and networks' issues; writes the states'
// and cities' governance columns and adds pre-emptions and withdrawals to `log`.
void govern(int year, const std::vector<Agreement>& agreements, const Memberships& members, const Networks& networks,
            const StateParams& p, const Streams& rng, std::uint32_t step, States& states, Cities& cities,
            std::vector<EventRecord>& log);

// A state joins (member = true) or leaves an agreement. Leaving marks the
// agreement's issue as a conflict between the state and networks on it;
// leaving a union also costs the state openness (union_exit_openness).
void set_agreement(const std::vector<Agreement>& agreements, int state, int agreement, bool member,
                   const StateParams& p, States& states);

// Index of the climate agreement (the first non-union agreement on climate), or -1.
int climate_agreement(const std::vector<Agreement>& agreements);

}  // namespace urbis
