#include "sim/core/param_table.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace urbis {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

#define URBIS_P(path_, member_, lo_, hi_)                                                                       \
  ParamSpec {                                                                                                   \
    path_, [](Params& p) -> double& { return p.member_; }, [](const Params& p) { return p.member_; }, lo_, hi_, \
        ParamKind::real                                                                                         \
  }
#define URBIS_N(path_, member_, lo_, hi_)                                                                       \
  ParamSpec {                                                                                                   \
    path_, [](Params& p) -> double& { return p.member_; }, [](const Params& p) { return p.member_; }, lo_, hi_, \
        ParamKind::count                                                                                        \
  }
#define URBIS_F(path_, member_)                                                                             \
  ParamSpec {                                                                                               \
    path_, [](Params& p) -> double& { return p.member_; }, [](const Params& p) { return p.member_; }, 0, 1, \
        ParamKind::flag                                                                                     \
  }

std::vector<ParamSpec> build_table() {
  std::vector<ParamSpec> t = {
      URBIS_P("salience.relax_rate", salience.relax_rate, 0, 1),
  };
  for (int q = 0; q < kIssueCount; ++q) {
    t.push_back(ParamSpec{"salience.baseline." + std::string(kIssueNames[q]),
                          [q](Params& p) -> double& { return p.salience.baseline[q]; },
                          [q](const Params& p) { return p.salience.baseline[q]; }, 0, 1, ParamKind::real});
  }
  const std::vector<ParamSpec> rest = {
      URBIS_P("budget.international_share", budget.international_share, 0, 1),

      URBIS_P("competition.mobile_share", competition.mobile_share, 0, 1),
      URBIS_P("competition.home_bias", competition.home_bias, 0, 1),
      URBIS_P("competition.w_income", competition.w_income, 0, 10),
      URBIS_P("competition.w_openness", competition.w_openness, 0, 10),
      URBIS_P("competition.w_reputation", competition.w_reputation, 0, 10),
      URBIS_P("competition.contest_exponent", competition.contest_exponent, 0, 5),
      URBIS_P("competition.spending_floor", competition.spending_floor, 1e-9, kInf),

      URBIS_P("economy.scaling_beta", economy.scaling_beta, 0.5, 2),
      URBIS_P("economy.capital_to_output", economy.capital_to_output, 0, 100),
      URBIS_P("economy.club_benefit", economy.club_benefit, 0, 1),
      URBIS_P("economy.gibrat_sd", economy.gibrat_sd, 0, 0.5),
      URBIS_P("economy.position_decay", economy.position_decay, 0, 1),
      URBIS_P("economy.income_margin", economy.income_margin, 0, 3),
      URBIS_P("economy.migration", economy.migration, 0, 10),
      URBIS_P("economy.migration_decay", economy.migration_decay, 0, 1),
      URBIS_P("economy.population_margin", economy.population_margin, 0, 1),

      URBIS_P("drivers.digital_cost_cut", drivers.digital_cost_cut, 0, 0.99),
      URBIS_P("drivers.globalisation_reach", drivers.globalisation_reach, 0, 100),
      URBIS_P("drivers.salience_scale", drivers.salience_scale, 0, 10),

      URBIS_P("coalitions.b_size", coalitions.b_size, 0, 100),
      URBIS_P("coalitions.b_power", coalitions.b_power, 0, 100),
      URBIS_P("coalitions.b_funding", coalitions.b_funding, 0, 100),
      URBIS_P("coalitions.b_fit", coalitions.b_fit, 0, 100),
      URBIS_P("coalitions.b_gap", coalitions.b_gap, 0, 100),
      URBIS_P("coalitions.half_size", coalitions.half_size, 0, 1e6),
      URBIS_P("coalitions.crowding_size", coalitions.crowding_size, 1, 1e9),
      URBIS_P("coalitions.voice_size", coalitions.voice_size, 1, 1e9),
      URBIS_P("coalitions.b_peer", coalitions.b_peer, 0, 100),
      URBIS_P("coalitions.peer_width", coalitions.peer_width, 1e-3, 100),
      URBIS_P("coalitions.choice_precision", coalitions.choice_precision, 1e-3, 1e6),
      URBIS_P("coalitions.u_join", coalitions.u_join, -10, 10),
      URBIS_P("coalitions.u_leave", coalitions.u_leave, -10, 10),
      URBIS_P("coalitions.sovereign_cost", coalitions.sovereign_cost, 0, 100),
      URBIS_P("coalitions.gap_autonomy", coalitions.gap_autonomy, 0.01, 1),
      URBIS_P("coalitions.capacity_cost", coalitions.capacity_cost, 0, 10),
      URBIS_P("coalitions.capacity_scaling", coalitions.capacity_scaling, 0, 1),
      URBIS_P("coalitions.climate_target", coalitions.climate_target, 0, 1),
      URBIS_P("coalitions.openness_target", coalitions.openness_target, 0, 1),
      URBIS_P("coalitions.review_probability", coalitions.review_probability, 0, 1),
      URBIS_P("coalitions.funding_scale", coalitions.funding_scale, 1, kInf),
      URBIS_N("coalitions.max_memberships", coalitions.max_memberships, 1, 64),
      URBIS_N("coalitions.initial_rounds", coalitions.initial_rounds, 0, 100),
      URBIS_N("coalitions.attention", coalitions.attention, 0, 1e6),

      URBIS_P("networks.recognition_exponent", networks.recognition_exponent, 0, 5),
      URBIS_P("networks.gdp_exponent", networks.gdp_exponent, 0, 5),
      URBIS_P("networks.funding_exponent", networks.funding_exponent, 0, 5),
      URBIS_P("networks.recognition_rate", networks.recognition_rate, 0, 1),
      URBIS_P("networks.initial_recognition", networks.initial_recognition, 0, 1),
      URBIS_P("networks.partnership_boost", networks.partnership_boost, 0, 1),
      URBIS_P("networks.reputation_decay", networks.reputation_decay, 0, 1),
      URBIS_P("networks.actions_per_member", networks.actions_per_member, 0, 1e6),
      URBIS_P("networks.fee_gdppc_multiple", networks.fee_gdppc_multiple, 0, 1e4),
      URBIS_P("networks.fee_log_sd", networks.fee_log_sd, 0, 5),

      URBIS_P("founding.rate", founding.rate, 0, 1e4),
      URBIS_N("founding.min_members", founding.min_members, 1, 1e6),
      URBIS_N("founding.forming_years", founding.forming_years, 1, 3),
      URBIS_N("founding.grace_years", founding.grace_years, 1, 100),
      URBIS_P("founding.regional_probability", founding.regional_probability, 0, 1),
      URBIS_N("founding.invitees", founding.invitees, 0, 100),
      URBIS_P("founding.answer_rate", founding.answer_rate, 0, 1e3),
      URBIS_P("founding.gap_memory", founding.gap_memory, 1, 100),
      URBIS_N("founding.founding_group", founding.founding_group, 1, 1e4),

      URBIS_P("states.tax_share", states.tax_share, 0, 1),
      URBIS_P("states.populism", states.populism, 0, 1),
      URBIS_P("states.centralisation", states.centralisation, 0, 1),
      URBIS_P("states.openness", states.openness, 0, 1),
      URBIS_P("states.initial_autonomy", states.initial_autonomy, 0, 1),
      URBIS_P("states.initial_partnership", states.initial_partnership, 0, 1),
      URBIS_P("states.commitment_in", states.commitment_in, 0, 1),
      URBIS_P("states.commitment_out", states.commitment_out, 0, 1),
      URBIS_P("states.commitment_rate", states.commitment_rate, 0, 1),
      URBIS_P("states.tension_decay", states.tension_decay, 0, 1),
      URBIS_P("states.tension_gain", states.tension_gain, 0, 100),
      URBIS_P("states.tension_critical", states.tension_critical, 0, 1e6),
      URBIS_P("states.preemption_rate", states.preemption_rate, 0, 10),
      URBIS_N("states.preemption_interval", states.preemption_interval, 0, 100),
      URBIS_P("states.autonomy_relax", states.autonomy_relax, 0, 1),
      URBIS_P("states.partnership_rate", states.partnership_rate, 0, 1),
      URBIS_P("states.union_exit_openness", states.union_exit_openness, 0, 1),
      URBIS_F("states.endogenous_exit", states.endogenous_exit),
      URBIS_P("states.exit_populism", states.exit_populism, 0, 1),
      URBIS_P("states.exit_probability", states.exit_probability, 0, 1),

      URBIS_P("learning.imitation_probability", learning.imitation_probability, 0, 1),
      URBIS_P("learning.same_state_probability", learning.same_state_probability, 0, 1),
      URBIS_P("learning.imitation_temperature", learning.imitation_temperature, 1e-9, 1e6),
      URBIS_P("learning.mutation_probability", learning.mutation_probability, 0, 1),
      URBIS_P("learning.mutation_sd", learning.mutation_sd, 0, 1),
      URBIS_P("learning.w_reputation", learning.w_reputation, -100, 100),
      URBIS_P("learning.w_mitigation", learning.w_mitigation, -100, 100),
      URBIS_P("learning.initial_x_alpha", learning.initial_x_alpha, 1e-3, 1e3),
      URBIS_P("learning.initial_x_beta", learning.initial_x_beta, 1e-3, 1e3),
  };
  t.insert(t.end(), rest.begin(), rest.end());
  return t;
}

#undef URBIS_P
#undef URBIS_N
#undef URBIS_F

}  // namespace

std::span<const ParamSpec> param_table() {
  static const std::vector<ParamSpec> table = build_table();
  return table;
}

const ParamSpec* find_param(std::string_view path) {
  for (const auto& s : param_table())
    if (s.path == path) return &s;
  return nullptr;
}

std::vector<std::string> param_paths() {
  std::vector<std::string> out;
  for (const auto& s : param_table()) out.push_back(s.path);
  return out;
}

std::string check_param_value(const ParamSpec& spec, double v) {
  if (!std::isfinite(v)) return "a finite number";
  switch (spec.kind) {
    case ParamKind::flag:
      if (v != 0 && v != 1) return "true or false";
      return {};
    case ParamKind::count:
      if (v != std::floor(v) || v < spec.min || v > spec.max)
        return fmt::format("a whole number in [{}, {}]", spec.min, spec.max);
      return {};
    case ParamKind::real:
      if (v < spec.min || v > spec.max)
        return std::isinf(spec.max) ? fmt::format("a number >= {}", spec.min)
                                    : fmt::format("a number in [{}, {}]", spec.min, spec.max);
      return {};
  }
  return {};
}

}  // namespace urbis
