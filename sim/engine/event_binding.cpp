#include "sim/engine/event_binding.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "sim/core/range_words.hpp"

namespace urbis {

namespace {

SourcePlace place_of(const EventSpec& e, const std::string& key) {
  auto it = e.places.find(key);
  return it != e.places.end() ? it->second : e.where;
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

}  // namespace

AgentKind agent_kind(VariableRef::Kind kind) {
  switch (kind) {
    case VariableRef::Kind::state: return AgentKind::state;
    case VariableRef::Kind::city: return AgentKind::city;
    default: return AgentKind::network;
  }
}

VariableRange range_of(const VariableRef& ref) {
  if (ref.kind == VariableRef::Kind::parameter)
    return {ref.param->min, ref.param->max, range_in_words(ref.param->min, ref.param->max)};
  const AgentVariable& v = agent_variables(agent_kind(ref.kind))[static_cast<std::size_t>(ref.variable)];
  return {v.lo, v.hi, std::string(v.range)};
}

std::vector<std::string> variable_names(VariableRef::Kind kind) {
  if (kind == VariableRef::Kind::parameter) return param_paths();
  std::vector<std::string> names;
  for (const auto& v : agent_variables(agent_kind(kind))) names.emplace_back(v.name);
  return names;
}

Schedule bind_schedule(const Scenario& s, const WorldData& data) {
  Schedule out{.events = {}, .seeds = data.networks, .changes = data.agreement_changes};
  const World& w = data.world;
  std::stable_sort(out.seeds.begin(), out.seeds.end(), [](auto& a, auto& b) { return a.founded < b.founded; });
  std::stable_sort(out.changes.begin(), out.changes.end(), [](auto& a, auto& b) { return a.year < b.year; });

  // Networks an event may name, with the year each comes into being.
  std::map<std::string, int> network_born;
  for (const auto& seed : out.seeds) network_born.emplace(seed.name, seed.founded);
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
      throw InputError(place_of(e, key),
                       fmt::format("unknown state '{}'{}; states are ISO3 codes of the world ({} in all)", iso3,
                                   did_you_mean(iso3, w.states.iso3), w.states.size()));
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
      throw InputError(place_of(e, key),
                       fmt::format("network '{}' is founded in {}, after this event ({})", name, it->second, e.year));
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
        throw InputError(place_of(e, var_key),
                         fmt::format("unknown parameter '{}'{}", e.variable, did_you_mean(e.variable, param_paths())));
      return ref;
    }
    if (kind == "state") ref.kind = VariableRef::Kind::state, ref.index = need_state(e, name, "target");
    else if (kind == "city") ref.kind = VariableRef::Kind::city, ref.index = need_city(e, name, "target");
    else if (kind == "network") ref.kind = VariableRef::Kind::network, ref.network = need_network(e, name, "target");
    else
      throw InputError(
          place_of(e, "target"),
          fmt::format("unknown target '{}'; expected global, state:ISO3, city:NAME or network:NAME", e.target));
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
        const VariableRange r = range_of(b.target);
        const std::string what = e.target == "global" ? e.variable : fmt::format("{} {}", e.target, e.variable);
        if (e.type == EventType::set && (e.value < r.lo || e.value > r.hi))
          throw InputError(place_of(e, "value"),
                           fmt::format("value {} is out of range for {}: expected {}", e.value, what, r.words));
        if (e.type == EventType::shock && e.factor && *e.factor < 0)
          throw InputError(place_of(e, "factor"),
                           fmt::format("factor {} would change the sign of {}: expected 0 or more", *e.factor, what));
        if (e.type == EventType::shock && e.delta && std::isfinite(r.hi - r.lo) && std::abs(*e.delta) > r.hi - r.lo)
          throw InputError(place_of(e, "delta"),
                           fmt::format("delta {} is wider than the whole range of {} ({})", *e.delta, what, r.words));
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
            throw InputError(place_of(e, "scope"),
                             fmt::format("unknown region '{}'{}; valid: {}", arg, did_you_mean(arg, region_names),
                                         list_choices(region_names)));
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
          throw InputError(
              place_of(e, "scope"),
              fmt::format("unknown scope '{}'; expected global, region:NAME, union:NAME or states:ISO3,ISO3", e.scope));
        }
        break;
      }
      case EventType::fund:
      case EventType::defund: b.network = need_network(e, e.network, "network"); break;
      case EventType::join_network:
      case EventType::leave_network:
        b.city = need_city(e, e.city, "city");
        b.network = need_network(e, e.network, "network");
        break;
    }
    out.events.push_back(std::move(b));
  }
  std::stable_sort(out.events.begin(), out.events.end(), [](auto& a, auto& b) { return a.spec->year < b.spec->year; });
  return out;
}

}  // namespace urbis
