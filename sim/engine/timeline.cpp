#include "sim/engine/timeline.hpp"

#include <algorithm>

#include "agents/city/portfolio.hpp"
#include "agents/forces.hpp"
#include "agents/network/founding.hpp"
#include "agents/network/named.hpp"
#include "agents/state/govern.hpp"
#include "agents/variables.hpp"

namespace urbis {

int find_network(const World& w, const std::string& name) {
  // Latest first: a name reused after a dissolution means the new network.
  for (std::size_t k = w.networks.size(); k-- > 0;)
    if (w.networks.name[k] == name) return static_cast<int>(k);
  return -1;
}

Timeline::Timeline(const Scenario& s, const WorldData& data) : scenario_(s), schedule_(bind_schedule(s, data)) {}

double* Timeline::variable(World& w, Params& params, const VariableRef& ref) const {
  switch (ref.kind) {
    case VariableRef::Kind::parameter: return &ref.param->ref(params);
    case VariableRef::Kind::state:
    case VariableRef::Kind::city:
      return &agent_variable(w, agent_kind(ref.kind), ref.variable, static_cast<std::size_t>(ref.index));
    case VariableRef::Kind::network: {
      const int k = find_network(w, ref.network);
      // Not founded, or dissolved before: the event has nothing to change.
      if (k < 0) return nullptr;
      return &agent_variable(w, AgentKind::network, ref.variable, static_cast<std::size_t>(k));
    }
  }
  return nullptr;
}

void Timeline::clamp_to_range(World& w, double& v, const VariableRef& ref, const BoundEvent& b, int year) const {
  const VariableRange r = range_of(ref);
  const double before = v;
  v = std::clamp(v, r.lo, r.hi);
  if (v == before) return;
  EventRecord e{.year = year, .kind = EventKind::clamped, .value = before, .limit = v, .low = r.lo, .high = r.hi};
  if (b.spec) e.target = b.spec->target, e.variable = b.spec->variable;
  // An agent variable's range has words of its own; a parameter's is said by its bounds.
  if (ref.kind != VariableRef::Kind::parameter)
    e.range = agent_variables(agent_kind(ref.kind))[static_cast<std::size_t>(ref.variable)].range;
  w.log.push_back(e);
}

void Timeline::found_seed(World& w, const NetworkSeed& seed, const Params& params) {
  found_named_network(w.coalition_view(), seed, params, Streams(scenario_.seed), w.global.step);
  if (seed.ended > 0) scheduled_ends_.emplace_back(seed.ended, seed.name);
  if (seed.funding > 0 && seed.funding_until > 0) funding_ends_.push_back({seed.name, seed.funding_until + 1});
}

void found_initial_networks(World& w, Timeline& t, const Params& params, int start) {
  while (t.next_seed_ < t.schedule_.seeds.size() && t.schedule_.seeds[t.next_seed_].founded <= start)
    t.found_seed(w, t.schedule_.seeds[t.next_seed_++], params);
}

void Timeline::apply(World& w, Params& params, int year) {
  for (; next_change_ < schedule_.changes.size() && schedule_.changes[next_change_].year <= year; ++next_change_) {
    const auto& ch = schedule_.changes[next_change_];
    set_agreement(w.agreements, ch.state, ch.agreement, ch.joins, params.states, w.states);
    w.log.push_back({.year = year,
                     .kind = EventKind::union_history,
                     .joins = ch.joins,
                     .state = ch.state,
                     .agreement = ch.agreement});
  }
  for (auto it = scheduled_ends_.begin(); it != scheduled_ends_.end();) {
    if (it->first <= year) {
      const int k = find_network(w, it->second);
      if (k >= 0 && w.networks.active[k])
        end_network(year, k, DissolveReason::programme_ended, w.networks, w.members, w.cities, w.log);
      it = scheduled_ends_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = funding_ends_.begin(); it != funding_ends_.end();) {
    if (it->year <= year) {
      const int k = find_network(w, it->network);
      if (k >= 0) w.networks.funding[k] = 0;
      w.log.push_back({.year = year, .kind = EventKind::funding_ended, .network = k});
      it = funding_ends_.erase(it);
    } else {
      ++it;
    }
  }
  while (next_seed_ < schedule_.seeds.size() && schedule_.seeds[next_seed_].founded <= year)
    found_seed(w, schedule_.seeds[next_seed_++], params);
  for (auto it = reversals_.begin(); it != reversals_.end();) {
    if (it->year <= year) {
      if (double* v = variable(w, params, it->target)) {
        *v = it->factor != 0 ? (*v - it->delta) / it->factor : *v - it->delta;
        clamp_to_range(w, *v, it->target, it->event, year);
      }
      it = reversals_.erase(it);
    } else {
      ++it;
    }
  }
  for (; next_event_ < schedule_.events.size() && schedule_.events[next_event_].spec->year <= year; ++next_event_)
    apply_event(w, params, schedule_.events[next_event_]);
}

void Timeline::apply_event(World& w, Params& params, const BoundEvent& b) {
  const EventSpec& e = *b.spec;
  const int year = e.year;
  // What the writers need to say it (analysis/observables.cpp, events.csv).
  EventRecord r{.year = year, .kind = EventKind::scenario, .type = e.type, .label = e.label};
  switch (e.type) {
    case EventType::withdraw:
    case EventType::join:
    case EventType::leave_union:
    case EventType::join_union: {
      const bool joins = e.type == EventType::join || e.type == EventType::join_union;
      set_agreement(w.agreements, b.state, b.agreement, joins, params.states, w.states);
      r.joins = joins, r.state = b.state, r.agreement = b.agreement;
      break;
    }
    case EventType::set: {
      if (double* v = variable(w, params, b.target)) *v = e.value;
      r.target = e.target, r.variable = e.variable, r.value = e.value;
      break;
    }
    case EventType::shock: {
      const double delta = e.delta.value_or(0.0), factor = e.factor.value_or(1.0);
      if (double* v = variable(w, params, b.target)) {
        *v = *v * factor + delta;
        clamp_to_range(w, *v, b.target, b, year);
      }
      if (e.until > 0) reversals_.push_back({e.until, b.target, delta, factor, b});
      r.target = e.target, r.variable = e.variable, r.additive = e.delta.has_value(), r.value = delta, r.limit = factor;
      break;
    }
    case EventType::salience: {
      shock_salience(w.global, b.issue, e.amount);
      r.issue = static_cast<std::int32_t>(b.issue), r.value = e.amount;
      break;
    }
    case EventType::found_network: {
      NetworkSeed seed;
      seed.name = e.name;
      seed.issue = b.issue;
      seed.scope = b.scope;
      seed.fee_multiple = e.fee_multiple.value_or(-1);
      seed.founded = year;
      seed.members = b.founders;
      seed.funding = e.funding;
      seed.sponsored = e.funding > 0;
      found_seed(w, seed, params);
      r.name = e.name, r.count = static_cast<std::int64_t>(b.founders.size());
      break;
    }
    case EventType::fund:
    case EventType::defund: {
      const int k = find_network(w, b.network);
      if (k >= 0) {
        w.networks.funding[k] = e.type == EventType::fund ? e.funding : 0.0;
        if (e.type == EventType::fund) w.networks.sponsored[k] = 1;
      }
      funding_ends_.erase(std::remove_if(funding_ends_.begin(), funding_ends_.end(),
                                         [&](const FundingEnd& f) { return f.network == b.network; }),
                          funding_ends_.end());
      if (e.type == EventType::fund && e.years > 0) funding_ends_.push_back({b.network, year + e.years});
      r.name = e.network, r.value = e.funding;
      break;
    }
    case EventType::join_network:
    case EventType::leave_network: {
      const int k = find_network(w, b.network);
      if (k >= 0 && w.networks.active[k]) {
        if (e.type == EventType::join_network) {
          join_network(w.coalition_view(), static_cast<std::size_t>(b.city), k);
        } else if (w.members.has(static_cast<std::size_t>(b.city), k)) {
          w.members.remove(static_cast<std::size_t>(b.city), k);
          w.networks.members[k] -= 1;
        }
      }
      r.joins = e.type == EventType::join_network, r.city = b.city, r.name = e.network;
      break;
    }
  }
  w.log.push_back(r);
}

}  // namespace urbis
