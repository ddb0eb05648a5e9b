#include "sim/serve/sliders.hpp"

#include <fmt/format.h>

#include "agents/forces.hpp"
#include "sim/core/param_table.hpp"
#include "sim/serve/api_error.hpp"
#include "sim/serve/json_check.hpp"

namespace urbis::serve {

const std::vector<SliderSpec>& slider_specs() {
  // Ranges inside the parameter table's (sim/core/param_table.cpp), wide
  // enough to cross from one outcome to the other in the teaching scenarios.
  static const std::vector<SliderSpec> s = {
      {"competition.contest_exponent", "Contest exponent (how much competitive spending pays)", 0, 4, 0.1},
      {"economy.club_benefit", "Club benefit (growth from cooperating in networks)", 0, 0.2, 0.001},
      {"learning.imitation_probability", "Imitation (chance a city copies a better-off peer each year)", 0, 1, 0.05},
      {"populism", "Populism of a state", 0, 1, 0.05},
      {"salience", "Salience of an issue", 0, 1, 0.05},
  };
  return s;
}

std::vector<ParamChange> read_param_changes(std::string_view text) {
  const Body body(text, {"competition.contest_exponent", "economy.club_benefit", "learning.imitation_probability",
                         "populism", "salience"});
  if (body.empty()) throw ApiError(400, "no parameter to change");
  std::vector<ParamChange> out;
  for (const auto& s : slider_specs()) {
    if (!body.has(s.key)) continue;
    if (s.key == "populism" || s.key == "salience") {
      const char* what = s.key == "populism" ? "state" : "issue";
      const Body inner(body.at(s.key), {what, "value"}, s.key);
      ParamChange c{s.key, *inner.number("value", s.min, s.max, true), *inner.text(what, 64, true)};
      out.push_back(std::move(c));
    } else {
      out.push_back({s.key, *body.number(s.key, s.min, s.max), {}});
    }
  }
  return out;
}

int state_index(const World& w, std::string_view iso3) {
  for (std::size_t j = 0; j < w.states.size(); ++j)
    if (w.states.iso3[j] == iso3) return static_cast<int>(j);
  return -1;
}

void check_param_changes(const std::vector<ParamChange>& changes, const World& w) {
  for (const auto& c : changes) {
    if (c.key == "populism" && state_index(w, c.target) < 0)
      throw ApiError(400, "populism.state is not a state of this world (see the slider's states)", "populism.state");
    if (c.key == "salience" && !issue_from_name(c.target))
      throw ApiError(400, "salience.issue is not an issue (see the slider's issues)", "salience.issue");
  }
}

void apply_param_change(const ParamChange& c, World& w, Params& p) {
  if (c.key == "populism") {
    w.states.populism[state_index(w, c.target)] = c.value;
  } else if (c.key == "salience") {
    // As a salience event would: the issue's salience now, relaxing toward
    // its baseline from the next step on.
    const Issue q = *issue_from_name(c.target);
    shock_salience(w.global, q, c.value - w.global.salience[static_cast<int>(q)]);
  } else {
    const ParamSpec* s = find_param(c.key);
    if (!s || !check_param_value(*s, c.value).empty()) throw std::logic_error("slider outside its parameter");
    s->ref(p) = c.value;
  }
}

nlohmann::ordered_json change_entry(const ParamChange& c, int year) {
  nlohmann::ordered_json entry = {{"year", year}, {"param", c.key}};
  if (c.key == "populism") {
    entry["value"] = {{"state", c.target}, {"value", c.value}};
    entry["label"] = fmt::format("populism {} = {}", c.target, c.value);
  } else if (c.key == "salience") {
    entry["value"] = {{"issue", c.target}, {"value", c.value}};
    entry["label"] = fmt::format("salience of {} = {}", c.target, c.value);
  } else {
    entry["value"] = c.value;
    entry["label"] = fmt::format("{} = {}", c.key, c.value);
  }
  return entry;
}

double slider_value(const std::string& key, const World& w, const Params& p, const std::string& target) {
  if (key == "populism") {
    const int j = state_index(w, target);
    return j >= 0 ? w.states.populism[j] : 0.0;
  }
  if (key == "salience") {
    const auto q = issue_from_name(target);
    return q ? w.global.salience[static_cast<int>(*q)] : 0.0;
  }
  return get_param(p, *find_param(key));
}

}  // namespace urbis::serve
