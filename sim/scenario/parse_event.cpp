// Scenario events: the rules of each event type (which fields it needs)
// and the parser of one event, with errors at file, line and column.
#include "sim/scenario/parse_event.hpp"

#include <optional>
#include <set>

#include <fmt/format.h>

#include "sim/scenario/scenario_fields.hpp"

namespace urbis::scenario_io {
namespace {
// ---------------------------------------------------------------------------
// Events

struct FieldRule {
  const char* key;
  bool required;
};

struct EventRule {
  EventType type;
  std::vector<FieldRule> fields;  // besides year, type and label
};

const std::vector<EventRule>& event_rules() {
  static const std::vector<EventRule> rules = {
      {EventType::withdraw, {{"state", true}, {"agreement", true}}},
      {EventType::join, {{"state", true}, {"agreement", true}}},
      {EventType::leave_union, {{"state", true}, {"union", true}}},
      {EventType::join_union, {{"state", true}, {"union", true}}},
      {EventType::set, {{"target", true}, {"parameter", true}, {"value", true}}},
      {EventType::shock, {{"target", true}, {"variable", true}, {"delta", false}, {"factor", false}, {"until", false}}},
      {EventType::salience, {{"issue", true}, {"delta", true}}},
      {EventType::found_network,
       {{"name", true}, {"issue", true}, {"scope", false}, {"founders", true}, {"fee", false}, {"funding", false}}},
      {EventType::fund, {{"network", true}, {"usd", true}, {"years", false}}},
      {EventType::defund, {{"network", true}}},
      {EventType::join_network, {{"city", true}, {"network", true}}},
      {EventType::leave_network, {{"city", true}, {"network", true}}},
  };
  return rules;
}

std::optional<EventType> event_type_from_name(std::string_view s) {
  const auto names = event_type_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return static_cast<EventType>(i);
  return std::nullopt;
}

// "global", "state:ISO3", "city:NAME" or "network:NAME".
std::string read_target(const Reader& r, const YAML::Node& n, std::string_view key) {
  static const std::vector<std::string> kinds = {"global", "state", "city", "network"};
  const std::string forms = "'global', 'state:ISO3', 'city:NAME' or 'network:NAME'";
  const std::string s = trimmed(r.text(n, key, "a target: " + forms));
  if (s == "global") return s;
  const std::size_t colon = s.find(':');
  const std::string kind = trimmed(s.substr(0, colon));
  if (colon == std::string::npos || std::find(kinds.begin(), kinds.end(), kind) == kinds.end() || kind == "global") {
    r.fail(n, fmt::format("{}: expected a target {}, got '{}'{}", key, forms, s, did_you_mean(kind, kinds)));
  }
  const std::string name = trimmed(s.substr(colon + 1));
  if (name.empty()) r.fail(n, fmt::format("{}: the target '{}' needs a name after '{}:'", key, s, kind));
  if (kind == "state" && !is_iso3(name))
    r.fail(n, fmt::format("{}: expected 'state:' followed by a state code (ISO3 capital letters) such as "
                          "'state:USA', got '{}'",
                          key, s));
  return kind + ":" + name;
}

std::string read_issue(const Reader& r, const YAML::Node& n, std::string_view key) {
  const std::string s = r.text(n, key, fmt::format("an issue ({})", issue_names_list()));
  if (!issue_from_name(s))
    r.fail(n, fmt::format("{}: unknown issue '{}'{}; valid issues: {}", key, s, did_you_mean(s, issue_names()),
                          issue_names_list()));
  return s;
}

// global | region:NAME | union:NAME | states:A,B (string) | {states: [A, B]}
std::string read_scope(const Reader& r, const YAML::Node& n) {
  const std::string forms = "'global', 'region:NAME', 'union:NAME' or 'states: [ISO3, ...]'";
  std::vector<std::string> states;
  if (n.IsMap()) {
    const auto es = r.mapping(n, "scope", "a scope: " + forms);
    r.check_keys(es, {"states"}, "in a scope mapping");
    const Entry* e = find_entry(es, "states");
    if (!e) r.expected(n, "scope", "a mapping 'states: [ISO3, ...]'");
    for (const auto& item : r.sequence(e->value, "scope.states", "a list of ISO3 state codes"))
      states.push_back(iso3_of(r, item, "scope.states"));
    if (states.empty()) r.fail(e->value, "scope.states: expected at least one ISO3 state code");
  } else {
    const std::string s = trimmed(r.text(n, "scope", "a scope: " + forms));
    if (s == "global") return s;
    const std::size_t colon = s.find(':');
    const std::string kind = trimmed(s.substr(0, colon));
    static const std::vector<std::string> kinds = {"global", "region", "union", "states"};
    if (colon == std::string::npos || kind == "global" || std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
      r.fail(n, fmt::format("scope: expected {}, got '{}'{}", forms, s, did_you_mean(kind, kinds)));
    const std::string rest = trimmed(s.substr(colon + 1));
    if (rest.empty()) r.fail(n, fmt::format("scope: '{}' needs a name after '{}:'", s, kind));
    if (kind != "states") return kind + ":" + rest;
    std::size_t start = 0;
    while (start <= rest.size()) {
      const std::size_t comma = rest.find(',', start);
      const std::string code =
          trimmed(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (!is_iso3(code))
        r.fail(n, fmt::format("scope: expected state codes (ISO3 capital letters) after 'states:', got '{}'", code));
      states.push_back(code);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  std::string out = "states:";
  for (std::size_t i = 0; i < states.size(); ++i) out += (i ? "," : "") + states[i];
  return out;
}

double non_negative(const Reader& r, const YAML::Node& n, std::string_view key, std::string_view what) {
  const double v = r.number(n, key, what);
  if (v < 0) r.fail(n, fmt::format("{}: expected {}, got {}", key, what, n.Scalar()));
  return v;
}

}  // namespace

EventSpec parse_event(const Reader& r, const YAML::Node& n, std::size_t index) {
  const std::string self = fmt::format("events[{}]", index);
  const auto entries = r.mapping(n, self, "an event: a mapping with 'year', 'type' and the fields of its type");
  EventSpec ev;
  ev.where = r.at(n);

  const Entry* type_e = find_entry(entries, "type");
  if (!type_e)
    r.fail(n, fmt::format("{}: an event needs a 'type' (one of: {})", self, list_choices(event_type_names(), 20)));
  const std::string tname = r.text(type_e->value, self + ".type", "an event type");
  const auto type = event_type_from_name(tname);
  if (!type)
    r.fail(type_e->value, fmt::format("unknown event type '{}'{}; valid types: {}", tname,
                                      did_you_mean(tname, event_type_names()), list_choices(event_type_names(), 20)));
  ev.type = *type;
  const EventRule& rule = event_rules()[static_cast<std::size_t>(*type)];

  std::vector<std::string> valid = {"year", "type", "label"};
  for (const auto& f : rule.fields) valid.emplace_back(f.key);
  r.check_keys(entries, valid, fmt::format("for a '{}' event", tname));
  if (!find_entry(entries, "year")) r.fail(n, fmt::format("{}: a '{}' event needs a 'year'", self, tname));
  for (const auto& f : rule.fields)
    if (f.required && !find_entry(entries, f.key))
      r.fail(n,
             fmt::format("{}: a '{}' event needs '{}'; its fields are: {}", self, tname, f.key, list_choices(valid)));

  for (const auto& e : entries) ev.places[e.key] = r.at(e.value);
  auto val = [&](const char* key) -> const YAML::Node& { return find_entry(entries, key)->value; };
  auto has = [&](const char* key) { return find_entry(entries, key) != nullptr; };
  auto field = [&](const char* key) { return fmt::format("{}.{}", self, key); };

  ev.year = static_cast<int>(r.integer(val("year"), field("year"), "an integer year", kFirstYear, kLastYear));
  if (has("label")) ev.label = r.text(val("label"), field("label"), "a label text");

  switch (ev.type) {
    case EventType::withdraw:
    case EventType::join:
      ev.state = iso3_of(r, val("state"), field("state"));
      ev.agreement = r.text(val("agreement"), field("agreement"), "an agreement name such as 'paris'");
      break;
    case EventType::leave_union:
    case EventType::join_union:
      ev.state = iso3_of(r, val("state"), field("state"));
      ev.agreement = r.text(val("union"), field("union"), "a union name such as 'eu'");
      break;
    case EventType::set: {
      ev.target = read_target(r, val("target"), field("target"));
      ev.variable = trimmed(r.text(val("parameter"), field("parameter"), "a parameter or variable name"));
      const YAML::Node& v = val("value");
      if (ev.target == "global") {
        const ParamSpec* spec = find_param(ev.variable);
        if (!spec)
          r.fail(val("parameter"), fmt::format("{}: {}", field("parameter"), unknown_param_message(ev.variable)));
        ev.value = read_param_value(r, v, *spec, fmt::format("{} (for '{}')", field("value"), spec->path));
      } else if (const auto b = r.maybe_bool(v)) {
        ev.value = *b ? 1 : 0;
      } else {
        ev.value = r.number(v, field("value"), "a number");
      }
      break;
    }
    case EventType::shock: {
      ev.target = read_target(r, val("target"), field("target"));
      ev.variable = trimmed(r.text(val("variable"), field("variable"), "a variable name"));
      if (ev.target == "global" && !find_param(ev.variable))
        r.fail(val("variable"), fmt::format("{}: {}", field("variable"), unknown_param_message(ev.variable)));
      if (has("delta") == has("factor"))
        r.fail(n, fmt::format("{}: a 'shock' event takes exactly one of 'delta' or 'factor'{}", self,
                              has("delta") ? ", not both" : ""));
      if (has("delta")) ev.delta = r.number(val("delta"), field("delta"), "a number");
      if (has("factor")) ev.factor = non_negative(r, val("factor"), field("factor"), "a number >= 0");
      if (has("until")) {
        ev.until = static_cast<int>(r.integer(val("until"), field("until"), "an integer year", kFirstYear, kLastYear));
        if (ev.until <= ev.year)
          r.fail(val("until"), fmt::format("{}: expected a year after the event's year {}, got {}", field("until"),
                                           ev.year, ev.until));
      }
      break;
    }
    case EventType::salience:
      ev.issue = read_issue(r, val("issue"), field("issue"));
      ev.amount = r.number(val("delta"), field("delta"), "a number (change of salience)");
      ev.delta = ev.amount;
      break;
    case EventType::found_network: {
      ev.name = trimmed(r.text(val("name"), field("name"), "a network name"));
      ev.issue = read_issue(r, val("issue"), field("issue"));
      if (has("scope")) ev.scope = read_scope(r, val("scope"));
      const auto founders = r.sequence(val("founders"), field("founders"), "a list of city names");
      if (founders.empty()) r.fail(val("founders"), fmt::format("{}: expected at least one city", field("founders")));
      std::set<std::string> seen;  // the list may be long: no pairwise search
      for (std::size_t i = 0; i < founders.size(); ++i) {
        const std::string c = trimmed(r.text(founders[i], field("founders"), "a city name"));
        if (!seen.insert(c).second)
          r.fail(founders[i], fmt::format("{}: city '{}' is listed twice", field("founders"), c));
        ev.founders.push_back(c);
        ev.places[fmt::format("founders[{}]", i)] = r.at(founders[i]);
      }
      if (has("fee"))
        ev.fee_multiple = non_negative(r, val("fee"), field("fee"), "a number >= 0 (world GDP per capita)");
      if (has("funding"))
        ev.funding = non_negative(r, val("funding"), field("funding"), "a number >= 0 (USD per year)");
      break;
    }
    case EventType::fund:
      ev.network = trimmed(r.text(val("network"), field("network"), "a network name"));
      ev.funding = non_negative(r, val("usd"), field("usd"), "a number >= 0 (USD per year)");
      if (has("years"))
        ev.years = static_cast<int>(r.integer(val("years"), field("years"), "a whole number of years", 1, 1000));
      break;
    case EventType::defund: ev.network = trimmed(r.text(val("network"), field("network"), "a network name")); break;
    case EventType::join_network:
    case EventType::leave_network:
      ev.city = trimmed(r.text(val("city"), field("city"), "a city name"));
      ev.network = trimmed(r.text(val("network"), field("network"), "a network name"));
      break;
  }
  return ev;
}

}  // namespace urbis::scenario_io
