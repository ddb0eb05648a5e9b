#include "agents/network/columns.hpp"

namespace urbis {

const char* origin_name(NetworkOrigin o) {
  switch (o) {
    case NetworkOrigin::named: return "named";
    case NetworkOrigin::start: return "start";
    case NetworkOrigin::founded: return "founded";
    case NetworkOrigin::answer: return "answer";
  }
  return "?";
}

const char* status_name(NetworkStatus s) {
  switch (s) {
    case NetworkStatus::forming: return "forming";
    case NetworkStatus::active: return "active";
    case NetworkStatus::dormant: return "dormant";
    case NetworkStatus::ended: return "ended";
  }
  return "?";
}

int Networks::add(std::string n, Issue q, Scope s, double min_pop, double fee_mult, double fund, bool sponsor,
                  double rec, int year, int founder, NetworkOrigin from) {
  name.push_back(std::move(n));
  issue.push_back(q);
  scope.push_back(std::move(s));
  min_population.push_back(min_pop);
  fee_multiple.push_back(fee_mult);
  fee.push_back(0);
  funding.push_back(fund);
  sponsored.push_back(sponsor ? 1 : 0);
  named.push_back(0);
  recognition.push_back(rec);
  founded.push_back(year);
  ended.push_back(0);
  active.push_back(1);
  status.push_back(NetworkStatus::forming);
  origin.push_back(from);
  founder_state.push_back(founder);
  weak_years.push_back(0);
  formed.push_back(0);
  invited.emplace_back();
  invite_queue.emplace_back();
  invites_per_year.push_back(0);
  members.push_back(0);
  for (auto* v : {&engaged_gdp, &engagement, &engaged_log_gdp, &power, &actions, &partner_weight}) v->push_back(0);
  region_members.resize(region_members.size() + static_cast<std::size_t>(regions), 0);
  return static_cast<int>(name.size()) - 1;
}

}  // namespace urbis
