#include "sim/engine/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "agents/city/portfolio.hpp"
#include "agents/network/founding.hpp"
#include "agents/state/govern.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

namespace {

const std::vector<std::string>& state_variables() {
  static const std::vector<std::string> v = {"populism", "centralisation", "openness", "tax_share",
                                             "commitment", "partnership", "growth", "urban_growth"};
  return v;
}
const std::vector<std::string>& city_variables() {
  static const std::vector<std::string> v = {"autonomy", "cooperation", "openness", "reputation",
                                             "tension", "population", "gdp_pc"};
  return v;
}
const std::vector<std::string>& network_variables() {
  static const std::vector<std::string> v = {"funding", "recognition", "fee_multiple", "min_population"};
  return v;
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
  switch (kind) {
    case VariableRef::Kind::state: return state_variables();
    case VariableRef::Kind::city: return city_variables();
    case VariableRef::Kind::network: return network_variables();
    case VariableRef::Kind::parameter: return param_paths();
  }
  return {};
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
      case EventType::shock:
        b.target = need_target(e);
        break;
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

double& Timeline::variable(World& w, Params& params, const VariableRef& ref, int year) const {
  switch (ref.kind) {
    case VariableRef::Kind::parameter: return ref.param->ref(params);
    case VariableRef::Kind::state: {
      States& s = w.states;
      Eigen::ArrayXd* cols[] = {&s.populism, &s.centralisation, &s.openness, &s.tax_share,
                                &s.commitment, &s.partnership, &s.growth, &s.urban_growth};
      return (*cols[ref.variable])[ref.index];
    }
    case VariableRef::Kind::city: {
      Cities& c = w.cities;
      Eigen::ArrayXd* cols[] = {&c.autonomy, &c.cooperation, &c.openness, &c.reputation,
                                &c.tension, &c.population, &c.gdp_pc};
      return (*cols[ref.variable])[ref.index];
    }
    case VariableRef::Kind::network: {
      const int k = find_network(w, ref.network);
      Networks& nw = w.networks;
      std::vector<double>* cols[] = {&nw.funding, &nw.recognition, &nw.fee_multiple, &nw.min_population};
      if (k < 0) {
        static thread_local double nowhere;
        return nowhere = 0;  // not founded (dissolved before): the event has nothing to change
      }
      return (*cols[ref.variable])[static_cast<std::size_t>(k)];
    }
  }
  throw std::logic_error("unreachable");
}

void Timeline::found_seed(World& w, const NetworkSeed& seed, const Params& params) {
  const double fee_multiple = seed.fee_multiple >= 0 ? seed.fee_multiple : params.networks.fee_gdppc_multiple;
  const int k = w.networks.add(seed.name, seed.issue, seed.scope, seed.min_population, fee_multiple,
                               seed.funding, seed.sponsored, params.networks.initial_recognition,
                               seed.founded, -1);
  w.networks.fee[k] = fee_multiple * w.global.world_gdp_pc;
  w.networks.named[k] = 1;
  w.networks.max_members[k] = seed.max_members;
  if (seed.invitation) {
    auto& list = w.networks.invited[static_cast<std::size_t>(k)];
    list.assign(seed.members.begin(), seed.members.end());
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  int joined = 0;
  for (int i : seed.members) joined += join_network(w, static_cast<std::size_t>(i), k);
  if (seed.members.empty()) {
    // Rule-based members (MODEL.md section 5): the cities the scope and the
    // population threshold admit are invited, and each accepts as an invitee
    // of an endogenous network does (marginal value above u_join).
    const MembershipValuer valuer(w, params.coalitions);
    const Streams rng(scenario_.seed);
    std::vector<std::uint8_t> accepts(w.cities.size(), 0);
    std::vector<double> margin(w.cities.size(), 0.0);
    for_each_index(w.cities.size(), [&](std::size_t i) {
      if (!valuer.eligible(i, k)) return;
      int same_issue = 0;
      for (auto other : w.members.of(i)) same_issue += w.networks.issue[other] == seed.issue;
      const double score = valuer.value(i, k) + valuer.noise(rng, w.global.step, Phase::event_network, i, k);
      margin[i] = score / (1.0 + same_issue) - params.coalitions.capacity_cost * w.members.count[i];
      accepts[i] = margin[i] > params.coalitions.u_join;
    });
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < accepts.size(); ++i)
      if (accepts[i]) order.push_back(i);
    if (seed.max_members > 0 && order.size() > static_cast<std::size_t>(seed.max_members)) {
      // A capped network (a sponsor's selection) takes the cities that want it most.
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return margin[a] > margin[b]; });
      order.resize(static_cast<std::size_t>(seed.max_members));
      std::sort(order.begin(), order.end());
    }
    for (std::size_t i : order) joined += join_network(w, i, k);
    if (seed.max_members > 0) {
      // A sponsor's selection: the chosen cities are the network's invitation
      // list from now on (they may leave and rejoin; nobody else may join).
      auto& list = w.networks.invited[static_cast<std::size_t>(k)];
      list.assign(order.begin(), order.end());
      if (list.empty()) list.push_back(-1);  // nobody was chosen: closed, not open
    }
  }
  if (seed.ended > 0) scheduled_ends_.emplace_back(seed.ended, seed.name);
  if (seed.funding > 0 && seed.funding_until > 0) funding_ends_.push_back({seed.name, seed.funding_until + 1});
  w.log.push_back({w.global.year, "founded", seed.name,
                   fmt::format("named network with {} members", joined)});
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
      double& v = variable(w, params, it->target, year);
      v = it->factor != 0 ? (v - it->delta) / it->factor : v - it->delta;
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
      variable(w, params, b.target, year) = e.value;
      subject = e.target;
      detail = fmt::format("{} = {}", e.variable, e.value);
      break;
    }
    case EventType::shock: {
      double& v = variable(w, params, b.target, year);
      const double delta = e.delta.value_or(0.0), factor = e.factor.value_or(1.0);
      v = v * factor + delta;
      if (e.until > 0) reversals_.push_back({e.until, b.target, delta, factor});
      subject = e.target;
      detail = e.delta ? fmt::format("{} {:+}", e.variable, delta) : fmt::format("{} x{}", e.variable, factor);
      break;
    }
    case EventType::salience: {
      double& s = w.global.salience[static_cast<int>(b.issue)];
      s = std::clamp(s + e.amount, 0.0, 1.0);
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
