#pragma once
// A UN World Urbanization Prospects agglomeration's population path: the
// file's 5-year columns (1950-2035, thousands) made yearly, with the rules
// before 1950 and after 2035 (docs/MODEL.md 6). One home for the rule, used
// for the world's start year and for the yearly anchors of every city.
#include <array>
#include <cstddef>

namespace urbis::un_population {

// The UN file has a population column every 5 years from 1950 to 2035.
constexpr int kFirstYear = 1950, kYearStep = 5, kColumns = 18;
constexpr int kLastYear = kFirstYear + kYearStep * (kColumns - 1);
// After 2035 the growth of 2030-2035 goes on, fading by half every this many
// years (as national populations do after the World Bank's last year).
constexpr double kFadeHalfLife = 30.0;

using Columns = std::array<double, kColumns>;  // thousands

// People in `year`: linear between the 5-year columns; before 1950 the
// growth of 1950-1955 extended backward (geometrically; linearly, floored at
// 0, when an end is 0); after 2035 the fading growth (linearly when an end
// is 0).
double at(const Columns& p, int year);

// People in each of the `years` years from `first_year`, into out[0..years):
// the same values as at(), in one pass (the fading growth after 2035 is
// carried from one year to the next instead of redone from 2035 each year).
void path(const Columns& p, int first_year, std::size_t years, double* out);

}  // namespace urbis::un_population
