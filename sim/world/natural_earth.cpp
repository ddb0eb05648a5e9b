#include "sim/world/natural_earth.hpp"

#include <charconv>
#include <system_error>

#include <fmt/format.h>

#include "sim/world/city_names.hpp"
#include "sim/world/world_csv.hpp"

namespace urbis::natural_earth {

using namespace world_io;

namespace {

// UN M49 codes that Natural Earth carries in neither un_a3 nor iso_n3.
// adm0 = nullptr: Natural Earth has no row, the agglomerations are skipped
// (and listed in the problems).
struct UnTerritory {
  int m49;
  const char* adm0;
  const char* why;
};
constexpr UnTerritory kUnTerritories[] = {
    {578, "NOR", "Norway: Natural Earth leaves its un_a3 and iso_n3 at -99"},
    {830, nullptr, "Channel Islands: Natural Earth has Jersey (JEY) and Guernsey (GGY) but no joint row"},
};

// Parses "-099", "036", "-99" and the like; negative or bad codes are -1.
int parse_code(const std::string& s) {
  int v = -1;
  const char* b = s.data();
  const char* e = b + s.size();
  const auto r = std::from_chars(b, e, v);
  if (r.ec != std::errc{} || r.ptr != e || v < 0) return -1;
  return v;
}

}  // namespace

Countries read_countries(const std::string& file) {
  Countries out;
  std::vector<Country>& countries = out.rows;
  std::unordered_map<std::string, int> code_line;  // ISO3 and adm0_a3 -> line
  CsvFile<8> f(file, {"adm0_a3", "iso_a3", "iso_n3", "un_a3", "name", "region_un", "pop_est", "gdp_md"});
  while (f.next()) {
    Country c;
    c.adm0 = f.text(0);
    c.iso3 = f.text(1);
    if (c.iso3.empty() || c.iso3 == "-99") c.iso3 = c.adm0;
    c.iso_n3 = parse_code(f.text(2));
    c.un_a3 = parse_code(f.text(3));
    c.name = f.text(4);
    c.region = f.text(5);
    c.pop_est = f.maybe_number(6).value_or(0);
    c.gdp_md = f.maybe_number(7).value_or(0);
    // Natural Earth writes -99 for "unknown"; any other negative value is a damaged file.
    for (const unsigned k : {6u, 7u})
      if (const double v = k == 6 ? c.pop_est : c.gdp_md; v < 0 && v != -99)
        throw InputError(
            f.place(), fmt::format("column '{}': {} is negative (-99 marks an unknown value)", f.column(k), f.text(k)));
    // Codes are ids: one row each (iso_a3 is -99 on rows without one, which then go by adm0_a3).
    if (c.adm0.empty()) throw InputError(f.place(), "column 'adm0_a3' is empty");
    for (const std::string* code : {&c.adm0, &c.iso3}) {
      const auto first = code_line.find(*code);
      if (first != code_line.end() && !(code == &c.iso3 && c.iso3 == c.adm0))
        throw InputError(f.place(),
                         fmt::format("country code '{}' is given twice (first on line {})", *code, first->second));
    }
    code_line.emplace(c.adm0, f.line());
    code_line.emplace(c.iso3, f.line());
    const int idx = static_cast<int>(countries.size());
    out.by_code.emplace(c.iso3, idx);
    out.by_code.emplace(c.adm0, idx);
    countries.push_back(std::move(c));
  }
  // M49 -> country: un_a3 first, then iso_n3, then the explicit table.
  for (std::size_t k = 0; k < countries.size(); ++k)
    if (countries[k].un_a3 >= 0) out.by_m49.emplace(countries[k].un_a3, static_cast<int>(k));
  for (std::size_t k = 0; k < countries.size(); ++k)
    if (countries[k].iso_n3 >= 0) out.by_m49.emplace(countries[k].iso_n3, static_cast<int>(k));
  for (const auto& t : kUnTerritories) {
    if (!t.adm0) continue;
    const auto it = out.by_code.find(t.adm0);
    if (it != out.by_code.end()) out.by_m49.emplace(t.m49, it->second);
  }
  return out;
}

std::string why_no_row(int m49) {
  std::string why;
  for (const auto& t : kUnTerritories)
    if (t.m49 == m49) why = t.why;
  return why;
}

const PopulatedPlaces::Place* PopulatedPlaces::find(const Country& c, std::string_view name) {
  if (!loaded_) {
    loaded_ = true;
    CsvFile<6> f(file_, {"name", "nameascii", "adm0_a3", "latitude", "longitude", "pop_max"});
    while (f.next())
      places_.push_back(
          Place{f.text(0), f.text(1), f.text(2), f.number(3), f.number(4), f.maybe_number(5).value_or(0)});
  }
  const std::string key = city_names::fold(name);
  const Place* best = nullptr;
  for (const auto& p : places_) {
    if (p.adm0 != c.adm0 && p.adm0 != c.iso3) continue;
    if (city_names::fold(p.name) != key && city_names::fold(p.nameascii) != key) continue;
    if (!best || p.pop > best->pop) best = &p;
  }
  return best;
}

}  // namespace urbis::natural_earth
