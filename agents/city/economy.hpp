#pragma once
// Phase 4 (MODEL 7.2): the economy around its data paths. A state's national
// population and GDP follow the data (agents/anchors.hpp); a city's
// population follows its UN path and its GDP per capita its nation's, scaled
// by city size. Competition for mobile capital, the club benefit of
// networks and a Gibrat shock move each city's *position* around these
// paths: they shift shares, within margins, and cannot create output.
#include <cstdint>

#include "agents/anchors.hpp"
#include "agents/city/columns.hpp"
#include "agents/membership.hpp"
#include "agents/network/columns.hpp"
#include "agents/state/columns.hpp"
#include "sim/core/issues.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// National population and GDP in `year`: the data paths times the scenario
// adjustments (growth, urban_growth), which accumulate once per call.
void update_national(const Anchors& anchors, int year, States& states);

// The data paths of every city in `year`: P-hat_i (its UN path times its
// state's population adjustment) and y-hat_i = y_j (P-hat_i / mean P-hat of
// the state's cities)^(beta - 1), scaled down when the state's cities would
// hold more than its national GDP. Writes anchor_population and anchor_gdp_pc.
void anchor_cities(const Anchors& anchors, int year, const States& states, Cities& cities, double beta);

// Phase 4. With m_i = ln(P_i / P-hat_i) and c_i = ln(y_i / y-hat_i) carried
// from the last step (events may have moved P or y):
//   c_i' = (1 - r_c) c_i + theta Delta K_i / Y_i + club_i + s z_i
//   m_i' = (1 - r_m) m_i + mu (c_i' - c-bar_j)      (c-bar_j: the state's mean)
// then m' is shifted within each state so that its cities' population is its
// UN total (migration moves people between them), c' is shifted over the
// world so that total output is the output of the paths (capital moves
// output between cities), both are clamped to their margins, and a state's
// cities are scaled down if they would exceed its national GDP.
// P_i = P-hat_i e^m', y_i = y-hat_i e^c'; growth_i = c_i' - c_i.
void grow_economy(const Anchors& anchors, int year, const States& states, const Memberships& members,
                  const Networks& networks, const PerIssue<double>& salience, Cities& cities, const EconomyParams& p,
                  const Streams& rng, std::uint32_t step);

// k_c x_i sum_q sigma_q (1 - 2^-m_iq): the income position a city gains in a
// year from the networks it belongs to (saturating per issue).
double club_benefit(double cooperation, const PerIssue<int>& networks_per_issue, const PerIssue<double>& salience,
                    double k_c);

}  // namespace urbis
