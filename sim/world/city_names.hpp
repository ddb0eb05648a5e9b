#pragma once
// City names in the real world: matching a name written one way to the same
// name written another, and making every city's name unique.
#include <string>
#include <string_view>
#include <vector>

namespace urbis::city_names {

// Lower-case ASCII letters and digits only: accents folded, spaces and
// punctuation dropped ("Hà Noi" and "Hanoi", "Washington, D.C." and
// "Washington DC" fold to the same key).
std::string fold(std::string_view name);

// A name for each city, unique in the world: in a group of equal names the
// city with the largest reference population keeps the name, the others get
// " (ISO3)" of their state (and a number when that is not enough). Each
// group renamed is one line in `problems`.
std::vector<std::string> unique(const std::vector<std::string>& names, const std::vector<std::string>& state_iso3,
                                const std::vector<double>& reference_population, std::vector<std::string>& problems);

}  // namespace urbis::city_names
