#pragma once
// Natural Earth (v5): the admin-0 countries, which the other sources are
// matched to by their codes, and the populated places, where a network's
// member that is no UN agglomeration is looked up. Internal to sim/world.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace urbis::natural_earth {

// Natural Earth's pop_est and gdp_md are estimates for this year (v5).
constexpr int kEstimateYear = 2019;

struct Country {  // a row of ne-admin0-countries.csv
  std::string adm0, iso3, name, region;
  int iso_n3 = -1, un_a3 = -1;
  double pop_est = 0, gdp_md = 0;
};

struct Countries {
  std::vector<Country> rows;
  std::unordered_map<std::string, int> by_code;  // ISO3 and adm0_a3 -> row
  std::map<int, int> by_m49;                     // UN M49 -> row

  // The row of an ISO3 or adm0_a3 code, or -1.
  int find(const std::string& code) const {
    const auto it = by_code.find(code);
    return it == by_code.end() ? -1 : it->second;
  }
};

// Reads ne-admin0-countries.csv: one row per code (InputError when a code is
// given twice or a value is damaged); M49 codes by un_a3, then iso_n3, then
// the table of territories Natural Earth carries under neither.
Countries read_countries(const std::string& file);

// Why Natural Earth has no row for a UN M49 code, when known (else empty).
std::string why_no_row(int m49);

// ne-populated-places.csv, read at the first lookup (most worlds need none).
class PopulatedPlaces {
 public:
  struct Place {
    std::string name, nameascii, adm0;
    double lat, lon, pop;
  };
  explicit PopulatedPlaces(std::string file) : file_(std::move(file)) {}
  // The most populous place of the country whose name folds to the same key
  // as `name` (city_names::fold), or nullptr.
  const Place* find(const Country& country, std::string_view name);

 private:
  std::string file_;
  bool loaded_ = false;
  std::vector<Place> places_;
};

}  // namespace urbis::natural_earth
