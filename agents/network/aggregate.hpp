#pragma once
// Phase 6a (MODEL 7.4): network aggregates from the memberships, power,
// actions, recognition, and the reputation members draw from them. Each
// function takes the tables it reads as const and those it writes as not.
#include "agents/world.hpp"
#include "sim/core/params.hpp"

namespace urbis {

// n_k, W_k = sum e Y, region counts, partner weight; e_ik = x_i.
// Reads cooperation, GDP, state and region of cities and the states'
// partnership; writes the networks' aggregates.
void count_members(const Cities& cities, const States& states, const Memberships& members, Networks& networks);

// NP_k = r^0.5 (W/Y_world)^0.5 (1 + F/F0)^0.2 ; A_k = a0 sum e sigma_q (1 + F/F0);
// G = climate actions this year.
// Reads world GDP and salience; writes power and actions, and G (global.mitigation).
void network_power(Networks& networks, Globals& global, const NetworkParams& p, double funding_scale);

// r_k <- r_k + 0.1 (NP_k - r_k) + boost x partner weight, within [0, 1].
void update_recognition(Networks& networks, const NetworkParams& p);

// V_i <- (1 - 0.1) V_i + sum_k e NP_k / n_k; members are credited their
// engagement share of each network's actions.
// Writes reputation, its gain and credited actions of cities.
void update_reputation(const Networks& networks, const Memberships& members, Cities& cities, const NetworkParams& p);

}  // namespace urbis
