#pragma once
// Lists in the loaders' messages ("FRA, DEU, ITA"). Internal to sim/world.
#include <string>
#include <string_view>
#include <vector>

namespace urbis {

inline std::string join(const std::vector<std::string>& v, std::string_view sep = ", ") {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

}  // namespace urbis
