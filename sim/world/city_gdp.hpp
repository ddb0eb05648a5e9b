#pragma once
// City GDP where the data has none (MODEL.md section 5), shared by the real
// and the synthetic world loaders:
//
//   Y_i = y_j P_i (P_i / Pbar_j)^(beta - 1)
//
// with y_j the GDP per capita of city i's state j (national GDP / national
// population) and Pbar_j the mean population of the state's cities. Larger
// cities are richer per head (urban scaling, Bettencourt et al. 2007). The
// cities of a state may hold at most the state's GDP: when their sum exceeds
// it, all of them are scaled down by the same factor.
#include <cstdint>
#include <span>

#include "agents/city/columns.hpp"
#include "agents/state/columns.hpp"

namespace urbis {

// Reads cities.population and cities.state, states.gdp and states.population;
// writes cities.gdp_pc and cities.gdp. Cities flagged in `flat` (when given;
// one flag per city) take their state's GDP per capita as it is instead of
// the scaling rule (they still count toward the cap). A city with no people
// gets its state's GDP per capita and no GDP. Linear in the number of cities.
void assign_city_gdp(Cities& cities, const States& states, double beta,
                     std::span<const std::uint8_t> flat = {});

}  // namespace urbis
