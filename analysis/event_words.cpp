#include "analysis/event_words.hpp"

#include <iterator>

#include <fmt/format.h>

#include "sim/core/range_words.hpp"

namespace urbis {

namespace {

std::string_view network_name(const World& w, const EventRecord& e) {
  return e.network >= 0 ? std::string_view(w.networks.name[static_cast<std::size_t>(e.network)]) : std::string_view();
}
std::string_view state_code(const World& w, const EventRecord& e) {
  return w.states.iso3[static_cast<std::size_t>(e.state)];
}
std::string_view city_name(const World& w, const EventRecord& e) {
  return w.cities.name[static_cast<std::size_t>(e.city)];
}
std::string_view agreement_name(const World& w, const EventRecord& e) {
  return w.agreements[static_cast<std::size_t>(e.agreement)].name;
}
std::string_view issue_of(const EventRecord& e) { return issue_name(static_cast<Issue>(e.issue)); }
std::string_view joins_or_leaves(const EventRecord& e) { return e.joins ? "joins" : "leaves"; }

std::string_view dissolve_reason_words(DissolveReason r) {
  switch (r) {
    case DissolveReason::too_few_members: return "too few members";
    case DissolveReason::never_formed: return "never gathered enough members";
    case DissolveReason::funding_ended: return "sponsor funding ended";
    case DissolveReason::programme_ended: return "its programme ended";
  }
  return "";
}

void scenario_detail(const World& w, const EventRecord& e, std::string& out) {
  auto to = std::back_inserter(out);
  switch (e.type) {
    case EventType::withdraw:
    case EventType::join:
    case EventType::leave_union:
    case EventType::join_union: fmt::format_to(to, "{} {}", joins_or_leaves(e), agreement_name(w, e)); break;
    case EventType::set: fmt::format_to(to, "{} = {}", e.variable, e.value); break;
    case EventType::shock:
      if (e.additive) fmt::format_to(to, "{} {:+}", e.variable, e.value);
      else fmt::format_to(to, "{} x{}", e.variable, e.limit);
      break;
    case EventType::salience: fmt::format_to(to, "salience {:+}", e.value); break;
    case EventType::found_network: fmt::format_to(to, "founded by scenario ({} founders)", e.count); break;
    case EventType::fund: fmt::format_to(to, "USD {} per year", e.value); break;
    case EventType::defund: out += "funding stops"; break;
    case EventType::join_network:
    case EventType::leave_network: fmt::format_to(to, "{} {}", joins_or_leaves(e), e.name); break;
  }
  if (!e.label.empty()) fmt::format_to(to, "; {}", e.label);
}

}  // namespace

std::string_view event_kind_words(const EventRecord& e) {
  switch (e.kind) {
    case EventKind::founded:
    case EventKind::answer_founded:
    case EventKind::named_founded: return "founded";
    case EventKind::dissolved: return "dissolved";
    case EventKind::joined: return "joined";
    case EventKind::left: return "left";
    case EventKind::invited: return "invited";
    case EventKind::preempted: return "preempted";
    case EventKind::withdrew: return "withdraw";
    case EventKind::union_history: return e.joins ? "join_union" : "leave_union";
    case EventKind::funding_ended: return "defund";
    case EventKind::clamped: return "clamped";
    case EventKind::scenario: return event_type_name(e.type);
  }
  return "";
}

std::string_view event_subject(const World& w, const EventRecord& e) {
  switch (e.kind) {
    case EventKind::founded:
    case EventKind::answer_founded:
    case EventKind::named_founded:
    case EventKind::dissolved:
    case EventKind::joined:
    case EventKind::left:
    case EventKind::invited:
    case EventKind::funding_ended: return network_name(w, e);
    case EventKind::preempted:
    case EventKind::withdrew:
    case EventKind::union_history: return state_code(w, e);
    case EventKind::clamped: return e.target;
    case EventKind::scenario:
      switch (e.type) {
        case EventType::withdraw:
        case EventType::join:
        case EventType::leave_union:
        case EventType::join_union: return state_code(w, e);
        case EventType::set:
        case EventType::shock: return e.target;
        case EventType::salience: return issue_of(e);
        case EventType::found_network:
        case EventType::fund:
        case EventType::defund: return e.name;
        case EventType::join_network:
        case EventType::leave_network: return city_name(w, e);
      }
  }
  return "";
}

void event_detail(const World& w, const EventRecord& e, std::string& out) {
  out.clear();
  auto to = std::back_inserter(out);
  switch (e.kind) {
    case EventKind::founded:
      fmt::format_to(to, "founder {}; {} of {} invited cities joined", city_name(w, e), e.count, e.of);
      break;
    case EventKind::answer_founded:
      fmt::format_to(to, "answer to {}'s retreat on {}: founder {}; {} of {} cities joined", state_code(w, e),
                     issue_of(e), city_name(w, e), e.count, e.of);
      break;
    case EventKind::named_founded: fmt::format_to(to, "named network with {} members", e.count); break;
    case EventKind::dissolved:
      fmt::format_to(to, "{} members released; {}", e.count, dissolve_reason_words(e.reason));
      break;
    case EventKind::joined:
    case EventKind::left: fmt::format_to(to, "{} cities", e.count); break;
    case EventKind::invited: fmt::format_to(to, "{} cities invited", e.count); break;
    case EventKind::preempted: fmt::format_to(to, "mean tension {:.3g} above {:.3g}", e.value, e.limit); break;
    case EventKind::withdrew: fmt::format_to(to, "leaves {} (endogenous)", agreement_name(w, e)); break;
    case EventKind::union_history:
      fmt::format_to(to, "{} {} (history)", joins_or_leaves(e), agreement_name(w, e));
      break;
    case EventKind::funding_ended: out += "sponsor funding ends"; break;
    case EventKind::clamped:
      fmt::format_to(to, "{} would be {}; held at {} (", e.variable, e.value, e.limit);
      if (e.range.empty()) out += range_in_words(e.low, e.high) + ")";
      else fmt::format_to(to, "{})", e.range);
      break;
    case EventKind::scenario: scenario_detail(w, e, out); break;
  }
}

}  // namespace urbis
