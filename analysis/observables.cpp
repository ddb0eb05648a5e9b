#include "analysis/observables.hpp"

#include "analysis/event_words.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace urbis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Precision kText{Precision::Kind::text, 0};
constexpr Precision kWhole{Precision::Kind::integer, 0};
// Model state and its aggregates: six significant digits, a little more than
// the world data carry, enough for differences between runs.
constexpr Precision kSix{Precision::Kind::significant, 6};
constexpr Precision kDegrees{Precision::Kind::decimals, 4};  // about 10 m

constexpr std::array<double, 23> kPow10 = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                           1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// v rounded to a multiple of 10^-shift: v * 10^shift rounded to a whole
// number of steps. None beyond 10^±22: v is already far below or above any
// digit kept.
std::optional<DecimalRounding> rounding_at(double v, int shift) {
  if (shift >= 0 && shift < static_cast<int>(kPow10.size()))
    return DecimalRounding{std::round(v * kPow10[static_cast<std::size_t>(shift)]), shift};
  if (shift < 0 && -shift < static_cast<int>(kPow10.size()))
    return DecimalRounding{std::round(v / kPow10[static_cast<std::size_t>(-shift)]), shift};
  return std::nullopt;
}

// The steps scaled back by an exact power of ten: the double nearest the
// decimal, which prints back with no more digits.
double value_of(DecimalRounding d) {
  const double r = d.shift >= 0 ? d.steps / kPow10[static_cast<std::size_t>(d.shift)]
                                : d.steps * kPow10[static_cast<std::size_t>(-d.shift)];
  return r == 0 ? 0.0 : r;  // no -0
}

// Shorthands for the tables below.
using Row = ObservableRow;
const World& W(const Row& r) { return *r.world; }
std::size_t I(const Row& r) { return r.index; }
auto E(const Row& r) { return static_cast<Eigen::Index>(r.index); }

double year_of(const Row& r, int) { return W(r).global.year; }

// ---- global.csv -----------------------------------------------------------
// A row per column, laid out by hand.
// clang-format off
const Observable kGlobal[] = {
    {"year", "year", 1900, 2200, kWhole, "the year; every row describes the world at the end of that year's step",
     {}, Family::none, false, year_of},
    {"cities", "cities", 0, kInf, kWhole, "cities in the world", {}, Family::none, false,
     [](const Row& r, int) { return r.metrics->cities; }},
    {"population", "people", 0, kInf, kSix, "people living in the world's cities", "Σ P_i over cities (analysis/metrics.cpp)",
     Family::none, false, [](const Row& r, int) { return r.metrics->population; }},
    {"gdp", "USD per year", 0, kInf, kSix, "GDP of the world's cities", "Σ Y_i over cities (analysis/metrics.cpp)",
     Family::none, false, [](const Row& r, int) { return r.metrics->gdp; }},
    {"cooperation_index", "index", 0, 1, kSix,
     "how cooperative the world's economy is: the cities' propensity to cooperate, weighted by their GDP",
     "Σ x_i Y_i / Σ Y_i over cities (analysis/metrics.cpp, cooperation_index)", Family::none, false,
     [](const Row& r, int) { return r.metrics->cooperation_index; }},
    {"network_share", "share of cities", 0, 1, kSix, "share of cities in at least one network",
     "cities with a membership / cities (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->network_share; }},
    {"active_networks", "networks", 0, kInf, kWhole, "networks active at the end of the year",
     "networks with active = 1 (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->active_networks; }},
    {"memberships", "memberships", 0, kInf, kWhole, "memberships held by all cities together (a city in three networks counts three)",
     "Σ memberships over cities (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->memberships; }},
    {"actions", "actions per year", 0, kInf, kSix, "joint actions of all networks this year (A, MODEL.md 7.4)",
     "Σ A_k over active networks (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->actions; }},
    {"mitigation", "actions per year", 0, kInf, kSix, "joint actions of climate networks this year: the mitigation index G (MODEL.md 7.4)",
     {}, Family::none, false, [](const Row& r, int) { return r.metrics->mitigation; }},
    {"gini", "Gini coefficient", 0, 1, kSix, "inequality of GDP per person between cities (0: equal; near 1: one city holds all)",
     "population-weighted Gini of y_i from the Lorenz curve, by trapezoids (analysis/metrics.cpp, weighted_gini)",
     Family::none, false, [](const Row& r, int) { return r.metrics->gini; }},
    {"mean_tension", "index", 0, kInf, kSix,
     "mean tension between cities and their states; tension has no upper bound and passes 1 where a state "
     "confronts its cities for years",
     "unweighted mean of T_i over cities (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->mean_tension; }},
    {"mean_autonomy", "index", 0, 1, kSix, "mean autonomy of cities from their states",
     "unweighted mean of a_i over cities (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->mean_autonomy; }},
    {"network_power", "index", 0, kInf, kSix, "summed power of the active networks (NP, MODEL.md 7.4)",
     "Σ NP_k over active networks (analysis/metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.metrics->network_power; }},
    {"salience_<issue>", "index", 0, 1, kSix, "public salience of the issue (σ_q, MODEL.md 7.8); one column per issue",
     {}, Family::issue, false, [](const Row& r, int q) { return W(r).global.salience[static_cast<std::size_t>(q)]; }},
};
// clang-format on

// ---- states.csv -----------------------------------------------------------
// A row per column, laid out by hand.
// clang-format off
const Observable kStates[] = {
    {"year", "year", 1900, 2200, kWhole, "the year", {}, Family::none, false, year_of},
    {"iso3", "", 0, 0, kText, "ISO 3166 alpha-3 code of the state (synthetic worlds: S001, S002, ...)", {}, Family::none,
     false, nullptr, [](const Row& r, int) -> std::string_view { return W(r).states.iso3[I(r)]; }},
    {"name", "", 0, 0, kText, "the state's name (Natural Earth; synthetic worlds: State 1, State 2, ...)", {}, Family::none, false,
     nullptr, [](const Row& r, int) -> std::string_view { return W(r).states.name[I(r)]; }},
    {"gdp", "USD per year", 0, kInf, kSix,
     "national GDP this year: the World Bank series through its last year, then the documented rule (MODEL.md, "
     "anchors), times any event's adjustment; its cities' GDP never exceeds it", {},
     Family::none, false, [](const Row& r, int) { return W(r).states.gdp[E(r)]; }},
    {"population", "people", 0, kInf, kSix, "national population this year: the World Bank series through its last year, then the documented rule "
     "(MODEL.md, anchors), times any event's adjustment",
     {}, Family::none, false, [](const Row& r, int) { return W(r).states.population[E(r)]; }},
    {"populism", "index", 0, 1, kSix, "populism of the government (ν, MODEL.md 7.6)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).states.populism[E(r)]; }},
    {"commitment", "index", 0, 1, kSix, "climate commitment of the state (C, MODEL.md 7.6)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).states.commitment[E(r)]; }},
    {"openness", "index", 0, 1, kSix, "openness of the state (O); lowered when it leaves a union", {}, Family::none,
     false, [](const Row& r, int) { return W(r).states.openness[E(r)]; }},
    {"partnership", "index", 0, 1, kSix,
     "how much the state partners with its cities rather than confronting them (π_s, MODEL.md 7.6)", {}, Family::none,
     false, [](const Row& r, int) { return W(r).states.partnership[E(r)]; }},
    {"in_<agreement>", "flag", 0, 1, kWhole,
     "1 when the state is a party to the agreement at the end of the year; one column per agreement of the world, "
     "in the order of agreements.yaml. `paris` stands for the whole UN climate regime (UNFCCC 1992, Kyoto 1997), "
     "so every state is a party from the start of any run, 1985 included",
     {}, Family::agreement, false,
     [](const Row& r, int g) { return static_cast<double>(W(r).states.in_agreement[static_cast<std::size_t>(g)][I(r)]); }},
    {"cities", "cities", 0, kInf, kWhole, "the state's cities in the world", "count of cities by state (analysis/state_metrics.cpp)",
     Family::none, false, [](const Row& r, int) { return r.states->cities[I(r)]; }},
    {"member_cities", "cities", 0, kInf, kWhole, "the state's cities in at least one network (taken in the states phase)",
     {}, Family::none, false, [](const Row& r, int) { return static_cast<double>(W(r).states.member_cities[E(r)]); }},
    {"mean_tension", "index", 0, kInf, kSix,
     "mean tension between the state and its cities (no upper bound; taken in the states phase)", {}, Family::none,
     false, [](const Row& r, int) { return W(r).states.mean_tension[E(r)]; }},
    {"mean_autonomy", "index", 0, 1, kSix, "mean autonomy of the state's cities",
     "unweighted mean of a_i over the state's cities (analysis/state_metrics.cpp)", Family::none, false,
     [](const Row& r, int) { return r.states->mean_autonomy[I(r)]; }},
    {"memberships_<issue>", "memberships", 0, kInf, kWhole,
     "memberships of the state's cities in networks on the issue; one column per issue",
     "Σ over the state's cities of their networks on the issue (analysis/state_metrics.cpp)", Family::issue, false,
     [](const Row& r, int q) { return r.states->memberships_on(I(r), q); }},
};
// clang-format on

// ---- networks.csv ---------------------------------------------------------
// A row per column, laid out by hand.
// clang-format off
const Observable kNetworks[] = {
    {"year", "year", 1900, 2200, kWhole, "the year", {}, Family::none, false, year_of},
    {"name", "", 0, 0, kText,
     "the network's name: a historical network of the world data (C40, ICLEI, ...) or one the model founded", {},
     Family::none, false, nullptr, [](const Row& r, int) -> std::string_view { return W(r).networks.name[I(r)]; }},
    {"issue", "", 0, 0, kText, "its issue: climate, health, security, resilience, economy or peace", {}, Family::none,
     false, nullptr, [](const Row& r, int) -> std::string_view { return issue_name(W(r).networks.issue[I(r)]); }},
    {"named", "flag", 0, 1, kWhole,
     "1 for a historical network of the world data (configs/world: C40, ICLEI, ...), 0 for one founded by the model "
     "or an event",
     {}, Family::none, false, [](const Row& r, int) { return static_cast<double>(W(r).networks.named[I(r)]); }},
    {"origin", "", 0, 0, kText,
     "how it began: named (a historical network of the world data), start (one of the networks alive at the start), "
     "founded (by a city, to fill a niche) or answer (by a state's cities, answering its retreat on the issue: an "
     "agreement left, openness cut, or the state falling behind the issue's salience)",
     {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return origin_name(W(r).networks.origin[I(r)]); }},
    {"status", "", 0, 0, kText,
     "forming (its founding period), active (at least min_members members), dormant (fewer, within its grace "
     "years) or ended",
     {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return status_name(W(r).networks.status[I(r)]); }},
    {"active", "flag", 0, 1, kWhole,
     "1 when it counts as an active network: status active, so at least min_members members (the count of "
     "global.csv's active_networks); a network is listed up to the year it ends",
     {}, Family::none, false, [](const Row& r, int) { return W(r).networks.counted(I(r)) ? 1.0 : 0.0; }},
    {"members", "cities", 0, kInf, kWhole, "member cities (n_k)", {}, Family::none, false,
     [](const Row& r, int) { return static_cast<double>(W(r).networks.members[I(r)]); }},
    {"engaged_gdp_share", "share of world city GDP", 0, 1, kSix,
     "GDP its members engage, as a share of the world's city GDP",
     "W_k / Y_w: Σ x_i Y_i over members / Σ Y_i over all cities", Family::none, false,
     [](const Row& r, int) {
       const World& w = W(r);
       return w.global.world_gdp > 0 ? w.networks.engaged_gdp[I(r)] / w.global.world_gdp : 0.0;
     }},
    {"power", "index", 0, kInf, kSix, "network power (NP_k, MODEL.md 7.4); 0 once inactive", {}, Family::none, false,
     [](const Row& r, int) { return W(r).networks.power[I(r)]; }},
    {"recognition", "index", 0, 1, kSix, "recognition (r_k, MODEL.md 7.4)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).networks.recognition[I(r)]; }},
    {"actions", "actions per year", 0, kInf, kSix, "joint actions this year (A_k, MODEL.md 7.4)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).networks.actions[I(r)]; }},
    {"funding", "USD per year", 0, kInf, kSix, "sponsor funding (F_k)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).networks.funding[I(r)]; }},
    {"fee", "USD per year", 0, kInf, kSix, "yearly cost of a membership (f_k = φ_k × world city GDP per person)", {},
     Family::none, false, [](const Row& r, int) { return W(r).networks.fee[I(r)]; }},
};
// clang-format on

// ---- events.csv -----------------------------------------------------------
const EventRecord& event(const Row& r) { return W(r).log[I(r)]; }
// A row per column, laid out by hand.
// clang-format off
const Observable kEvents[] = {
    {"year", "year", 1900, 2200, kWhole, "the year of the step in which it happened", {}, Family::none, false,
     [](const Row& r, int) { return static_cast<double>(event(r).year); }},
    {"kind", "", 0, 0, kText,
     "a scenario event type (withdraw, join, leave_union, join_union, set, shock, salience, found_network, fund, "
     "defund, join_network, leave_network), what the model did (founded, dissolved, joined, left, invited, preempted), "
     "or clamped: a shock held within its variable's range",
     {}, Family::none, false, nullptr, [](const Row& r, int) { return event_kind_words(event(r)); }},
    {"subject", "", 0, 0, kText, "the network, state (ISO3) or city it concerns; `state:ISO3` for a state's set or shock",
     {}, Family::none, false, nullptr, [](const Row& r, int) { return event_subject(W(r), event(r)); }},
    {"detail", "", 0, 0, kText,
     "what happened, in words; a scenario event's label follows after '; '. \"(history)\" marks a historical "
     "accession, \"(endogenous)\" a withdrawal the model decided",
     {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view {
       event_detail(W(r), event(r), r.scratch);
       return r.scratch;
     }},
};
// clang-format on

// ---- cities.csv -----------------------------------------------------------
// A row per column, laid out by hand.
// clang-format off
const Observable kCities[] = {
    {"year", "year", 1900, 2200, kWhole, "the year", {}, Family::none, false, year_of},
    {"city", "", 0, 0, kText, "the city's name (as in places.csv; unique in a world)", {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return W(r).cities.name[I(r)]; }},
    {"state", "", 0, 0, kText, "ISO3 code of its state", {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return W(r).states.iso3[static_cast<std::size_t>(W(r).cities.state[E(r)])]; }},
    {"population", "people", 0, kInf, kSix, "population (P_i)", {}, Family::none, true,
     [](const Row& r, int) { return W(r).cities.population[E(r)]; }},
    {"gdp", "USD per year", 0, kInf, kSix, "GDP (Y_i = y_i P_i)", {}, Family::none, true,
     [](const Row& r, int) { return W(r).cities.gdp[E(r)]; }},
    {"gdp_pc", "USD per person per year", 0, kInf, kSix, "GDP per person (y_i)", {}, Family::none, true,
     [](const Row& r, int) { return W(r).cities.gdp_pc[E(r)]; }},
    {"cooperation", "index", 0, 1, kSix, "propensity to cooperate (x_i; 0 competitive, 1 cooperative)", {}, Family::none,
     true, [](const Row& r, int) { return W(r).cities.cooperation[E(r)]; }},
    {"autonomy", "index", 0, 1, kSix, "autonomy from its state (a_i)", {}, Family::none, true,
     [](const Row& r, int) { return W(r).cities.autonomy[E(r)]; }},
    {"reputation", "index", 0, kInf, kSix, "reputation earned in networks (V_i, MODEL.md 7.4)", {}, Family::none,
     true, [](const Row& r, int) { return W(r).cities.reputation[E(r)]; }},
    {"tension", "index", 0, kInf, kSix, "tension with its state (T_i, MODEL.md 7.6); no upper bound", {}, Family::none,
     true, [](const Row& r, int) { return W(r).cities.tension[E(r)]; }},
    {"openness", "index", 0, 1, kSix, "openness (o_i)", {}, Family::none, true,
     [](const Row& r, int) { return W(r).cities.openness[E(r)]; }},
    {"memberships", "networks", 0, 64, kWhole, "networks it belongs to (at most coalitions.max_memberships)", {},
     Family::none, true, [](const Row& r, int) { return static_cast<double>(W(r).members.count[I(r)]); }},
};
// clang-format on

// ---- places.csv -----------------------------------------------------------
// A row per column, laid out by hand.
// clang-format off
const Observable kPlaces[] = {
    {"city", "", 0, 0, kText, "the city's name", {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return W(r).cities.name[I(r)]; }},
    {"state", "", 0, 0, kText, "ISO3 code of its state", {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return W(r).states.iso3[static_cast<std::size_t>(W(r).cities.state[E(r)])]; }},
    {"lat", "degrees north", -90, 90, kDegrees, "latitude (synthetic worlds: made-up places)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).cities.lat[E(r)]; }},
    {"lon", "degrees east", -180, 180, kDegrees, "longitude (synthetic worlds: made-up places)", {}, Family::none, false,
     [](const Row& r, int) { return W(r).cities.lon[E(r)]; }},
};
// clang-format on

// ---- memberships.csv ------------------------------------------------------
// A row per column, laid out by hand.
// clang-format off
const Observable kMemberships[] = {
    {"year", "year", 1900, 2200, kWhole, "the year", {}, Family::none, false, year_of},
    {"network", "", 0, 0, kText, "the network's name", {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return W(r).networks.name[r.network]; }},
    {"city", "", 0, 0, kText, "the city's name", {}, Family::none, false, nullptr,
     [](const Row& r, int) -> std::string_view { return W(r).cities.name[I(r)]; }},
    {"change", "change", -1, 1, kWhole, "1: the city joined the network in this year; -1: it left", {}, Family::none,
     false, [](const Row& r, int) { return static_cast<double>(r.change); }},
};
// clang-format on

// A row per column, laid out by hand.
// clang-format off
const OutputFile kFiles[] = {
    {"global.csv", Level::global, "One row per year", "always", kGlobal},
    {"states.csv", Level::state, "One row per state and year", "always", kStates},
    {"networks.csv", Level::network, "One row per network and year, for the networks active at the end of the year "
                                     "and those that ended in it",
     "always", kNetworks},
    {"events.csv", Level::event, "One row per event: the scenario's and the model's, in the order they happened",
     "always", kEvents},
    {"cities.csv", Level::city,
     "One row per city every `output.cities.stride` years from the start; after `year, city, state`, the variables "
     "of `output.cities.variables` in their order (default: all)",
     "when the scenario asks for it (`output.cities`)", kCities},
    {"places.csv", Level::city, "One row per city, in the order of the world", "with cities.csv", kPlaces},
    {"memberships.csv", Level::membership,
     "One row per membership that began or ended in a year; the first year lists every membership held then",
     "with cities.csv", kMemberships},
};
// clang-format on

std::string placeholder(Family f) { return f == Family::issue ? "<issue>" : "<agreement>"; }

std::string number_text(double v) {
  if (v == kInf) return "∞";
  if (v == -kInf) return "−∞";
  std::string s = fmt::format("{}", v);
  if (!s.empty() && s[0] == '-') s = "−" + s.substr(1);
  return s;
}

}  // namespace

std::string_view level_name(Level l) {
  switch (l) {
    case Level::global: return "global";
    case Level::state: return "state";
    case Level::network: return "network";
    case Level::city: return "city";
    case Level::event: return "event";
    case Level::membership: return "city and network";
  }
  return "";
}

double round_significant(double v, int digits) { return Precision{Precision::Kind::significant, digits}.round(v); }

double round_decimals(double v, int digits) { return Precision{Precision::Kind::decimals, digits}.round(v); }

std::optional<DecimalRounding> Precision::decimal(double v) const {
  if (!std::isfinite(v)) return std::nullopt;
  switch (kind) {
    case Kind::integer: return rounding_at(v, 0);
    case Kind::significant: {
      if (v == 0) return std::nullopt;
      // The exponent of the leading digit; log10 may land one off next to a
      // power of ten, which keeps a digit more or less there but never changes
      // the value by more than the rounding.
      const int e = static_cast<int>(std::floor(std::log10(std::fabs(v))));
      return rounding_at(v, digits - 1 - e);
    }
    case Kind::decimals: return rounding_at(v, digits);
    case Kind::text: break;
  }
  return std::nullopt;
}

double Precision::round(double v) const {
  const auto d = decimal(v);
  return d ? value_of(*d) : v;
}

std::string Precision::describe() const {
  switch (kind) {
    case Kind::integer: return "whole number";
    case Kind::significant: return fmt::format("{} significant digits", digits);
    case Kind::decimals: return fmt::format("{} decimals", digits);
    case Kind::text: break;
  }
  return "text";
}

std::string Observable::range_text() const {
  if (is_text()) return "";
  if (precision.kind == Precision::Kind::integer && high - low == 1)
    return number_text(low) + " or " + number_text(high);
  if (precision.kind == Precision::Kind::integer && low == -1 && high == 1) return "−1 or 1";
  if (low == -kInf && high == kInf) return "";
  if (high == kInf) return "≥ " + number_text(low);
  if (low == -kInf) return "≤ " + number_text(high);
  return number_text(low) + " to " + number_text(high);
}

std::span<const OutputFile> output_files() { return kFiles; }

const OutputFile& output_file(std::string_view name) {
  for (const auto& f : kFiles)
    if (f.name == name) return f;
  throw std::out_of_range(fmt::format("no output file '{}' in the data dictionary", name));
}

std::vector<BoundColumn> bind_columns(const OutputFile& file, const World& w, const std::vector<std::string>& chosen) {
  std::vector<BoundColumn> out;
  auto expand = [&](const Observable& o) {
    if (o.family == Family::none) {
      out.push_back({&o, 0, std::string(o.name)});
      return;
    }
    std::vector<std::string> members;
    if (o.family == Family::issue)
      for (auto q : kIssueNames) members.emplace_back(q);
    else
      for (const auto& g : w.agreements) members.push_back(g.name);
    const std::string name(o.name), hole = placeholder(o.family);
    const auto at = name.find(hole);
    for (std::size_t m = 0; m < members.size(); ++m)
      out.push_back({&o, static_cast<int>(m), name.substr(0, at) + members[m] + name.substr(at + hole.size())});
  };
  for (const auto& o : file.columns)
    if (!o.optional) expand(o);
  if (chosen.empty()) {
    for (const auto& o : file.columns)
      if (o.optional) expand(o);
  } else {
    for (const auto& name : chosen)
      for (const auto& o : file.columns)
        if (o.optional && o.name == name) expand(o);
  }
  return out;
}

bool network_reported(const World& w, std::size_t k) {
  return w.networks.active[k] || w.networks.ended[k] == w.global.year;
}

const Observable* find_observable(const OutputFile& file, std::string_view column) {
  for (const auto& o : file.columns)
    if (o.family == Family::none && o.name == column) return &o;
  for (const auto& o : file.columns) {
    if (o.family == Family::none) continue;
    const std::string hole = placeholder(o.family);
    const auto at = o.name.find(hole);
    const auto prefix = o.name.substr(0, at), suffix = o.name.substr(at + hole.size());
    if (column.size() <= prefix.size() + suffix.size() || !column.starts_with(prefix) || !column.ends_with(suffix))
      continue;
    const auto member = column.substr(prefix.size(), column.size() - prefix.size() - suffix.size());
    if (o.family == Family::agreement || issue_from_name(member)) return &o;
  }
  return nullptr;
}

std::string outputs_markdown() {
  std::string md =
      "# Outputs of a run\n\n"
      "<!-- Generated from the data dictionary, analysis/observables.cpp: change the table there, then\n"
      "     build/release/urbis outputs > docs/OUTPUTS.md\n"
      "     (a test fails while this file and the table differ). -->\n\n"
      "Every file `urbis run` writes into its output folder, column by column: the unit, the range the model "
      "keeps the value in, the precision it is written with, and what it means. The CSV writers, this page, "
      "the units in `run.json` and the axis labels of `urbis report` all come from one table, "
      "`analysis/observables.cpp`.\n\n"
      "- Files are tidy: one row per entity and year, comma-separated, UTF-8, with a header; text is quoted "
      "when it holds a comma, a quote or a line break.\n"
      "- Every row describes the world at the end of its year's step.\n"
      "- Numbers are rounded to the precision given here (whole numbers; six significant digits for model "
      "state; four decimals for coordinates), so a number reads back as exactly the value written. The same "
      "scenario and seed give the same bytes whatever `--threads`.\n"
      "- A range says where the model keeps a value, not where it usually is: tension, for one, has no upper "
      "bound.\n"
      "- `run.json` holds what ran (scenario, seed, command line, overrides, every parameter; see "
      "docs/MODEL.md section 8) and, under `units`, the unit of every column of the files written.\n"
      "- A column name with `<issue>` stands for one column per issue (climate, health, security, resilience, "
      "economy, peace); `<agreement>` for one per agreement of the world, in the order of "
      "`configs/world/agreements.yaml` (paris, eu).\n";
  auto cell = [](std::string_view s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  for (const auto& f : kFiles) {
    md += fmt::format("\n## {}\n\n{}; written {}. Level: {}.\n\n", f.name, f.rows, f.when, level_name(f.level));
    md += "| column | unit | range | precision | meaning |\n|---|---|---|---|---|\n";
    for (const auto& o : f.columns) {
      std::string meaning(o.meaning);
      if (o.optional) meaning += " (optional)";
      if (!o.how.empty()) meaning += fmt::format(". How: {}", o.how);
      md += fmt::format("| `{}` | {} | {} | {} | {} |\n", o.name, o.is_text() ? "text" : cell(o.unit),
                        cell(o.range_text()), o.precision.describe(), cell(meaning));
    }
  }
  return md;
}

}  // namespace urbis
