#pragma once
// Typed model parameters. Every value is read once from configs/defaults.yaml
// (then overridden by a scenario, a sweep point or --set) through the table in
// param_table.hpp; nothing here carries a default of its own, so a parameter
// can never silently fall back to a number hidden in code.
#include "sim/core/issues.hpp"

namespace urbis {

struct SalienceParams {
  double relax_rate;          // r_sigma: pull of salience back to baseline per year
  PerIssue<double> baseline;  // sigma-bar_q
};

struct BudgetParams {
  double international_share;  // delta: share of city revenue for international work
};

struct CompetitionParams {
  double mobile_share;      // rho: share of GDP put into the mobile pools each year
  double home_bias;         // h: share of the mobile stake kept in the state's pool
  double w_income;          // w_y: weight of log GDP per capita in attractiveness
  double w_openness;        // w_o
  double w_reputation;      // w_v
  double contest_exponent;  // r: Tullock exponent on competitive spending
  double spending_floor;    // epsilon (USD): keeps a city with no spending in the contest
};

struct EconomyParams {
  double scaling_beta;       // beta: urban scaling exponent
  double capital_to_output;  // theta: change of income position per unit of net inflow / GDP
  double club_benefit;       // k_c: income position gained per year per unit of cooperation and salience
  double gibrat_sd;          // s: sd of the yearly shock to the income position
  double position_decay;     // r_c: share of the income position lost each year (convergence)
  double income_margin;      // M_y: |ln(y / y-hat)| at most this
  double migration;          // mu: population deviation gained per unit of relative income position
  double migration_decay;    // r_m: share of the population deviation lost each year
  double population_margin;  // M_P: |ln(P / P-hat)| at most this
};

// How strongly the exogenous forces of configs/world/drivers.yaml act (MODEL 7.0).
struct DriverParams {
  double digital_cost_cut;     // c_d: membership costs fall by this share when digital communication is universal
  double globalisation_reach;  // g_d: the international share of budgets rises by this factor when globalisation is
                               // complete
  double salience_scale;       // s_d: multiplies the data's shifts of baseline salience
};

struct CoalitionParams {
  double b_size, b_power, b_funding, b_fit, b_gap;  // b_K, b_R, b_F, b_P, b_G
  double half_size;                                 // n_half: members at which sharing gives half its benefit
  double crowding_size;                             // n_c: members at which crowding halves each member's share
  double voice_size;        // n_v: members at which a member's share of the network's voice is halved
  double b_peer;            // b_W: weight of the peer term (likeness to the typical member) x n/(n + n_half)
  double peer_width;        // s_W: the difference of ln GDP at which likeness is e^-1/2
  double choice_precision;  // lambda: inverse scale of the logistic choice noise
  double u_join, u_leave;   // thresholds; stickiness h = u_join - u_leave
  double sovereign_cost;    // c_S
  double gap_autonomy;      // a_G: autonomy at which a city can fill all of its state's gap
  double capacity_cost;  // c_m: staff cost of each extra membership (for a city with one typical membership's budget)
  double capacity_scaling;    // eta: staff grow as (cooperation budget / typical membership cost)^eta
  double climate_target;      // C*
  double openness_target;     // O*
  double review_probability;  // p_review
  double funding_scale;       // F0 (USD/yr)
  double max_memberships;     // structural cap of memberships per city (slots)
  double initial_rounds;      // portfolio reviews every city makes before the first year
  double attention;           // A: networks not held that a reviewing city weighs at most (0: every open network)
};

struct NetworkParams {
  double recognition_exponent;  // exponent on r_k in network power
  double gdp_exponent;          // exponent on W_k / Y_world
  double funding_exponent;      // exponent on (1 + F_k / F0)
  double recognition_rate;      // speed of r_k toward NP_k
  double initial_recognition;   // r_k of a new network
  double partnership_boost;     // recognition gained from partnering states per year
  double reputation_decay;      // decay of city reputation V per year
  double actions_per_member;    // a0: actions per engaged member per unit salience
  double fee_gdppc_multiple;    // median yearly cost of a membership, in world GDP per capita
  double fee_log_sd;            // spread of membership costs across networks (log sd)
};

struct FoundingParams {
  double rate;                  // lambda_f: new networks per unit demand per issue per year
  double min_members;           // n_min: members a network needs to count as active
  double forming_years;         // years a new network has to gather n_min members
  double grace_years;           // years an established network may stay below n_min (or unfunded)
  double regional_probability;  // chance a new network is scoped to its founder's region
  double invitees;              // cities the founder invites to found it with
  double answer_rate;           // lambda_a: answer networks per unit of retreat x sqrt(able cities) per year
  double gap_memory;            // years over which cities get used to a state's gap
  double founding_group;        // size of the founding group a city expects of a named network without a list
};

struct StateParams {
  double tax_share;            // tau: city revenue as a share of city GDP (before autonomy)
  double populism;             // nu: default populism of a state
  double centralisation;       // kappa: default centralisation
  double openness;             // O: default openness
  double initial_autonomy;     // a0: city autonomy is a0 (1 - kappa)
  double initial_partnership;  // pi_s at start
  double commitment_in;        // c_in: commitment target inside the climate agreement
  double commitment_out;       // c_out: target after leaving it
  double commitment_rate;      // r_C
  double tension_decay;        // T <- (1 - decay) T + ...
  double tension_gain;         // gamma_T
  double tension_critical;     // T_crit
  double preemption_rate;      // eta_a
  double preemption_interval;  // years a state waits after pre-empting before it may again
  double autonomy_relax;       // speed of autonomy back to its initial value
  double partnership_rate;     // r_pi
  double union_exit_openness;  // openness lost when a state leaves a union
  double endogenous_exit;      // 0 or 1: populist states may leave agreements on their own
  double exit_populism;        // nu_exit
  double exit_probability;     // p_exit
};

struct LearningParams {
  double imitation_probability;   // p_imit
  double same_state_probability;  // chance the peer is from the same state
  double imitation_temperature;   // K
  double mutation_probability;    // mu
  double mutation_sd;
  double w_reputation;                     // w_V
  double w_mitigation;                     // w_G
  double initial_x_alpha, initial_x_beta;  // x ~ Beta(alpha, beta) at start
};

struct Params {
  SalienceParams salience;
  BudgetParams budget;
  CompetitionParams competition;
  EconomyParams economy;
  DriverParams drivers;
  CoalitionParams coalitions;
  NetworkParams networks;
  FoundingParams founding;
  StateParams states;
  LearningParams learning;
};

}  // namespace urbis
