#include "agents/variables.hpp"

#include <stdexcept>

namespace urbis {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Order matters: agent_variable() maps the same positions to columns.
constexpr AgentVariable kStateVariables[] = {
    {"populism", 0, 1, "a share in [0, 1]"},
    {"centralisation", 0, 1, "a share in [0, 1]"},
    {"openness", 0, 1, "a share in [0, 1]"},
    {"tax_share", 0, 1, "a share in [0, 1]"},
    {"commitment", 0, 1, "a share in [0, 1]"},
    {"partnership", 0, 1, "a share in [0, 1]"},
    {"growth", -0.5, 0.5, "a yearly adjustment of GDP-per-capita growth in [-0.5, 0.5]"},
    {"urban_growth", -0.2, 0.2, "a yearly adjustment of population growth in [-0.2, 0.2]"},
};
constexpr AgentVariable kCityVariables[] = {
    {"autonomy", 0, 1, "a share in [0, 1]"},     {"cooperation", 0, 1, "a share in [0, 1]"},
    {"openness", 0, 1, "a share in [0, 1]"},     {"reputation", 0, kInf, "0 or more"},
    {"tension", 0, kInf, "0 or more"},           {"population", 0, kInf, "0 or more people"},
    {"gdp_pc", 0, kInf, "0 or more USD a year"},
};
constexpr AgentVariable kNetworkVariables[] = {
    {"funding", 0, kInf, "0 or more USD a year"},
    {"recognition", 0, 1, "a share in [0, 1]"},
    {"fee_multiple", 0, kInf, "0 or more"},
    {"min_population", 0, kInf, "0 or more people"},
};

}  // namespace

std::span<const AgentVariable> agent_variables(AgentKind kind) {
  switch (kind) {
    case AgentKind::state: return kStateVariables;
    case AgentKind::city: return kCityVariables;
    case AgentKind::network: return kNetworkVariables;
  }
  return {};
}

double& agent_variable(World& w, AgentKind kind, int v, std::size_t i) {
  const auto ii = static_cast<Eigen::Index>(i);
  switch (kind) {
    case AgentKind::state: {
      States& s = w.states;
      Eigen::ArrayXd* cols[] = {&s.populism,   &s.centralisation, &s.openness, &s.tax_share,
                                &s.commitment, &s.partnership,    &s.growth,   &s.urban_growth};
      return (*cols[v])[ii];
    }
    case AgentKind::city: {
      Cities& c = w.cities;
      Eigen::ArrayXd* cols[] = {&c.autonomy, &c.cooperation, &c.openness, &c.reputation,
                                &c.tension,  &c.population,  &c.gdp_pc};
      return (*cols[v])[ii];
    }
    case AgentKind::network: {
      Networks& nw = w.networks;
      std::vector<double>* cols[] = {&nw.funding, &nw.recognition, &nw.fee_multiple, &nw.min_population};
      return (*cols[v])[i];
    }
  }
  throw std::logic_error("unreachable");
}

}  // namespace urbis
