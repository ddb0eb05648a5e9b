#pragma once
#include "agents/city/columns.hpp"
#include "agents/state/columns.hpp"
#include "sim/core/params.hpp"

namespace urbis {

// Phase 3 (MODEL 7.1). Each city stakes rho Y_i; a share h goes to its
// state's pool, the rest to the global pool. Pools are shared out by a
// Tullock/logit contest on
//   w_i = P_i exp(w_y ln y_i + w_o o_i O_j + w_v V_i) ((1 - x_i) D_i / P_i + eps)^r
// and the city's net inflow is Delta K_i = I_i - rho Y_i (sums to zero).
// Unlike MODEL.md's reference weight, places are weighted by their mass P and
// spending counts per person, so a small rich city does not draw as much
// capital as a large one of equal income (docs/MODEL.md explains why).
void compete(const States& states, Cities& cities, const CompetitionParams& p);

}  // namespace urbis
