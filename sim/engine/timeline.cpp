#include "sim/engine/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "agents/city/portfolio.hpp"
#include "agents/forces.hpp"
#include "agents/network/founding.hpp"
#include "agents/network/named.hpp"
#include "agents/state/govern.hpp"
#include "agents/variables.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

namespace {

AgentKind agent_kind(VariableRef::Kind kind) {
  switch (kind) {
    case VariableRef::Kind::state: return AgentKind::state;
    case VariableRef::Kind::city: return AgentKind::city;
    default: return AgentKind::network;
  }
}

// The range a set/shock target may take: an agent variable's, or a parameter's.
struct Range {
  double lo, hi;
  std::string words;
};
Range range_of(const VariableRef& ref) {
  if (ref.kind == VariableRef::Kind::parameter)
    return {ref.param->min, ref.param->max, fmt::format("in [{}, {}]", ref.param->min, ref.param->max)};
  const AgentVariable& v = agent_variables(agent_kind(ref.kind))[static_cast<std::size_t>(ref.variable)];
  return {v.lo, v.hi, std::string(v.range)};
}

SourcePlace place_of(const EventSpec& e, const std::string& key) {
  auto it = e.places.find(key);
  return it != e.places.end() ? it->second : e.where;
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

}  // namespace

std::vector<std::string> Timeline::variable_names(VariableRef::Kind kind) {
  if (kind == VariableRef::Kind::parameter) return param_paths();
  std::vector<std::string> names;
  for (const auto& v : agent_variables(agent_kind(kind))) names.emplace_back(v.name);
  return names;
}

int find_network(const World& w, const std::string& name) {
  // Latest first: a name reused after a dissolution means the new network.
  for (std::size_t k = w.networks.size(); k-- > 0;)
    if (w.networks.name[k] == name) return static_cast<int>(k);
  return -1;
}

Timeline::Timeline(const Scenario& s, const WorldData& data)
    : scenario_(s), seeds_(data.networks), changes_(data.agreement_changes) {
  const World& w = data.world;
  std::stable_sort(seeds_.begin(), seeds_.end(), [](auto& a, auto& b) { return a.founded < b.founded; });
  std::stable_sort(changes_.begin(), changes_.end(), [](auto& a, auto& b) { return a.year < b.year; });

  // Networks an event may name, with the year each comes into being.
  std::map<std::string, int> network_born;
  for (const auto& seed : seeds_) network_born.emplace(seed.name, seed.founded);
  for (const auto& e : s.events)
    if (e.type == EventType::found_network) network_born.emplace(e.name, e.year);
  std::vector<std::string> network_names;
  for (const auto& [name, year] : network_born) network_names.push_back(name);
  std::vector<std::string> agreement_names;
  for (const auto& g : w.agreements) agreement_names.push_back(g.name);
  std::vector<std::string> region_names = w.region_names;

  auto need_state = [&](const EventSpec& e, const std::string& iso3, const std::string& key) {
    const int j = index_of(w.states.iso3, iso3);
    if (j < 0)
      throw InputError(place_of(e, key), fmt::format("unknown state '{}'{}; states are ISO3 codes of the world ({} in all)",
                                                     iso3, did_you_mean(iso3, w.states.iso3), w.states.size()));
    return j;
  };
  auto need_city = [&](const EventSpec& e, const std::string& name, const std::string& key) {
    const int i = index_of(w.cities.name, name);
    if (i < 0)
      throw InputError(place_of(e, key), fmt::format("unknown city '{}'{}", name, did_you_mean(name, w.cities.name)));
    return i;
  };
  auto need_network = [&](const EventSpec& e, const std::string& name, const std::string& key) {
    auto it = network_born.find(name);
    if (it == network_born.end())
      throw InputError(place_of(e, key), fmt::format("unknown network '{}'{}; known networks: {}", name,
                                                     did_you_mean(name, network_names), list_choices(network_names)));
    if (it->second > e.year)
      throw InputError(place_of(e, key), fmt::format("network '{}' is founded in {}, after this event ({})", name,
                                                     it->second, e.year));
    return name;
  };
  auto need_agreement = [&](const EventSpec& e, bool is_union) {
    const std::string key = is_union ? "union" : "agreement";
    const int g = index_of(agreement_names, e.agreement);
    if (g < 0 || w.agreements[g].is_union != is_union) {
      std::vector<std::string> ok;
      for (const auto& a : w.agreements)
        if (a.is_union == is_union) ok.push_back(a.name);
      throw InputError(place_of(e, key), fmt::format("unknown {} '{}'{}; valid: {}", key, e.agreement,
                                                     did_you_mean(e.agreement, ok), list_choices(ok)));
    }
    return g;
  };
  auto need_target = [&](const EventSpec& e) {
    VariableRef ref;
    const auto colon = e.target.find(':');
    const std::string kind = e.target.substr(0, colon);
    const std::string name = colon == std::string::npos ? "" : e.target.substr(colon + 1);
    const std::string var_key = e.type == EventType::set ? "parameter" : "variable";
    if (kind == "global") {
      ref.kind = VariableRef::Kind::parameter;
      ref.param = find_param(e.variable);
      if (!ref.param)
        throw InputError(place_of(e, var_key), fmt::format("unknown parameter '{}'{}", e.variable,
                                                           did_you_mean(e.variable, param_paths())));
      return ref;
    }
    if (kind == "state") ref.kind = VariableRef::Kind::state, ref.index = need_state(e, name, "target");
    else if (kind == "city") ref.kind = VariableRef::Kind::city, ref.index = need_city(e, name, "target");
    else if (kind == "network") ref.kind = VariableRef::Kind::network, ref.network = need_network(e, name, "target");
    else
      throw InputError(place_of(e, "target"), fmt::format("unknown target '{}'; expected global, state:ISO3, city:NAME or network:NAME", e.target));
    const auto names = variable_names(ref.kind);
    ref.variable = index_of(names, e.variable);
    if (ref.variable < 0)
      throw InputError(place_of(e, var_key), fmt::format("unknown {} variable '{}'{}; valid: {}", kind, e.variable,
                                                         did_you_mean(e.variable, names), list_choices(names)));
    return ref;
  };

  for (const auto& e : s.events) {
    BoundEvent b;
    b.spec = &e;
    switch (e.type) {
      case EventType::withdraw:
      case EventType::join:
        b.state = need_state(e, e.state, "state");
        b.agreement = need_agreement(e, false);
        break;
      case EventType::leave_union:
      case EventType::join_union:
        b.state = need_state(e, e.state, "state");
        b.agreement = need_agreement(e, true);
        break;
      case EventType::set:
      case EventType::shock: {
        b.target = need_target(e);
        // Shares stay shares: a value out of the variable's range is refused
        // here; a shock that would cross a bound is clamped when it acts.
        const Range r = range_of(b.target);
        const std::string what = e.target == "global" ? e.variable : fmt::format("{} {}", e.target, e.variable);
        if (e.type == EventType::set && (e.value < r.lo || e.value > r.hi))
          throw InputError(place_of(e, "value"),
                           fmt::format("value {} is out of range for {}: expected {}", e.value, what, r.words));
        if (e.type == EventType::shock && e.factor && *e.factor < 0)
          throw InputError(place_of(e, "factor"),
                           fmt::format("factor {} would change the sign of {}: expected 0 or more", *e.factor, what));
        if (e.type == EventType::shock && e.delta && std::isfinite(r.hi - r.lo) && std::abs(*e.delta) > r.hi - r.lo)
          throw InputError(place_of(e, "delta"), fmt::format("delta {} is wider than the whole range of {} ({})",
                                                             *e.delta, what, r.words));
        break;
      }
      case EventType::salience: {
        auto q = issue_from_name(e.issue);
        if (!q) throw InputError(place_of(e, "issue"), fmt::format("unknown issue '{}'", e.issue));
        b.issue = *q;
        break;
      }
      case EventType::found_network: {
        auto q = issue_from_name(e.issue);
        if (!q) throw InputError(place_of(e, "issue"), fmt::format("unknown issue '{}'", e.issue));
        b.issue = *q;
        b.network = e.name;
        for (const auto& f : e.founders) b.founders.push_back(need_city(e, f, "founders"));
        const auto colon = e.scope.find(':');
        const std::string kind = e.scope.substr(0, colon);
        const std::string arg = colon == std::string::npos ? "" : e.scope.substr(colon + 1);
        if (kind == "global") {
          b.scope.kind = ScopeKind::global;
        } else if (kind == "region") {
          b.scope.kind = ScopeKind::region;
          b.scope.index = index_of(region_names, arg);
          if (b.scope.index < 0)
            throw InputError(place_of(e, "scope"), fmt::format("unknown region '{}'{}; valid: {}", arg,
                                                               did_you_mean(arg, region_names), list_choices(region_names)));
        } else if (kind == "union") {
          b.scope.kind = ScopeKind::union_members;
          b.scope.index = index_of(agreement_names, arg);
          if (b.scope.index < 0 || !w.agreements[b.scope.index].is_union)
            throw InputError(place_of(e, "scope"), fmt::format("unknown union '{}'", arg));
        } else if (kind == "states") {
          b.scope.kind = ScopeKind::states;
          b.scope.states.assign(w.states.size(), 0);
          std::size_t pos = 0;
          while (pos <= arg.size()) {
            const auto comma = arg.find(',', pos);
            const std::string iso = arg.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            b.scope.states[need_state(e, iso, "scope")] = 1;
            if (comma == std::string::npos) break;
            pos = comma + 1;
          }
        } else {
          throw InputError(place_of(e, "scope"), fmt::format("unknown scope '{}'; expected global, region:NAME, union:NAME or states:ISO3,ISO3", e.scope));
        }
        break;
      }
      case EventType::fund:
      case EventType::defund:
        b.network = need_network(e, e.network, "network");
        break;
      case EventType::join_network:
      case EventType::leave_network:
        b.city = need_city(e, e.city, "city");
        b.network = need_network(e, e.network, "network");
        break;
    }
    events_.push_back(std::move(b));
  }
  std::stable_sort(events_.begin(), events_.end(), [](auto& a, auto& b) { return a.spec->year < b.spec->year; });
}

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
  const Range r = range_of(ref);
  const double before = v;
  v = std::clamp(v, r.lo, r.hi);
  if (v != before)
    w.log.push_back({year, "clamped", b.spec ? b.spec->target : std::string(),
                     fmt::format("{} would be {}; held at {} ({})", b.spec ? b.spec->variable : std::string(), before, v,
                                 r.words)});
}

void Timeline::found_seed(World& w, const NetworkSeed& seed, const Params& params) {
  found_named_network(w, seed, params, Streams(scenario_.seed), w.global.step);
  if (seed.ended > 0) scheduled_ends_.emplace_back(seed.ended, seed.name);
  if (seed.funding > 0 && seed.funding_until > 0) funding_ends_.push_back({seed.name, seed.funding_until + 1});
}

void found_initial_networks(World& w, Timeline& t, const Params& params, int start) {
  while (t.next_seed_ < t.seeds_.size() && t.seeds_[t.next_seed_].founded <= start)
    t.found_seed(w, t.seeds_[t.next_seed_++], params);
}

void Timeline::apply(World& w, Params& params, int year) {
  for (; next_change_ < changes_.size() && changes_[next_change_].year <= year; ++next_change_) {
    const auto& ch = changes_[next_change_];
    set_agreement(w, ch.state, ch.agreement, ch.joins, params.states);
    w.log.push_back({year, ch.joins ? "join_union" : "leave_union", w.states.iso3[ch.state],
                     fmt::format("{} {} (history)", ch.joins ? "joins" : "leaves", w.agreements[ch.agreement].name)});
  }
  for (auto it = scheduled_ends_.begin(); it != scheduled_ends_.end();) {
    if (it->first <= year) {
      const int k = find_network(w, it->second);
      if (k >= 0 && w.networks.active[k]) end_network(w, k, "its programme ended");
      it = scheduled_ends_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = funding_ends_.begin(); it != funding_ends_.end();) {
    if (it->year <= year) {
      const int k = find_network(w, it->network);
      if (k >= 0) w.networks.funding[k] = 0;
      w.log.push_back({year, "defund", it->network, "sponsor funding ends"});
      it = funding_ends_.erase(it);
    } else {
      ++it;
    }
  }
  while (next_seed_ < seeds_.size() && seeds_[next_seed_].founded <= year) found_seed(w, seeds_[next_seed_++], params);
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
  for (; next_event_ < events_.size() && events_[next_event_].spec->year <= year; ++next_event_)
    apply_event(w, params, events_[next_event_]);
}

void Timeline::apply_event(World& w, Params& params, const BoundEvent& b) {
  const EventSpec& e = *b.spec;
  const int year = e.year;
  std::string subject, detail;
  switch (e.type) {
    case EventType::withdraw:
    case EventType::join:
    case EventType::leave_union:
    case EventType::join_union: {
      const bool joins = e.type == EventType::join || e.type == EventType::join_union;
      set_agreement(w, b.state, b.agreement, joins, params.states);
      subject = w.states.iso3[b.state];
      detail = fmt::format("{} {}", joins ? "joins" : "leaves", w.agreements[b.agreement].name);
      break;
    }
    case EventType::set: {
      if (double* v = variable(w, params, b.target)) *v = e.value;
      subject = e.target;
      detail = fmt::format("{} = {}", e.variable, e.value);
      break;
    }
    case EventType::shock: {
      const double delta = e.delta.value_or(0.0), factor = e.factor.value_or(1.0);
      if (double* v = variable(w, params, b.target)) {
        *v = *v * factor + delta;
        clamp_to_range(w, *v, b.target, b, year);
      }
      if (e.until > 0) reversals_.push_back({e.until, b.target, delta, factor, b});
      subject = e.target;
      detail = e.delta ? fmt::format("{} {:+}", e.variable, delta) : fmt::format("{} x{}", e.variable, factor);
      break;
    }
    case EventType::salience: {
      shock_salience(w.global, b.issue, e.amount);
      subject = std::string(issue_name(b.issue));
      detail = fmt::format("salience {:+}", e.amount);
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
      subject = e.name;
      detail = fmt::format("founded by scenario ({} founders)", b.founders.size());
      break;
    }
    case EventType::fund:
    case EventType::defund: {
      const int k = find_network(w, b.network);
      subject = b.network;
      if (k >= 0) {
        w.networks.funding[k] = e.type == EventType::fund ? e.funding : 0.0;
        if (e.type == EventType::fund) w.networks.sponsored[k] = 1;
      }
      funding_ends_.erase(std::remove_if(funding_ends_.begin(), funding_ends_.end(),
                                         [&](const FundingEnd& f) { return f.network == b.network; }),
                          funding_ends_.end());
      if (e.type == EventType::fund && e.years > 0) funding_ends_.push_back({b.network, year + e.years});
      detail = e.type == EventType::fund ? fmt::format("USD {} per year", e.funding) : "funding stops";
      break;
    }
    case EventType::join_network:
    case EventType::leave_network: {
      const int k = find_network(w, b.network);
      subject = w.cities.name[b.city];
      if (k >= 0 && w.networks.active[k]) {
        if (e.type == EventType::join_network) {
          join_network(w, static_cast<std::size_t>(b.city), k);
        } else if (w.members.has(static_cast<std::size_t>(b.city), k)) {
          w.members.remove(static_cast<std::size_t>(b.city), k);
          w.networks.members[k] -= 1;
        }
      }
      detail = fmt::format("{} {}", e.type == EventType::join_network ? "joins" : "leaves", b.network);
      break;
    }
  }
  if (!e.label.empty()) detail += "; " + e.label;
  w.log.push_back({year, event_type_name(e.type), subject, detail});
}

}  // namespace urbis
