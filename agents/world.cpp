#include "agents/world.hpp"

namespace urbis {

int World::agreement_index(const std::string& n) const {
  for (std::size_t g = 0; g < agreements.size(); ++g)
    if (agreements[g].name == n) return static_cast<int>(g);
  return -1;
}

}  // namespace urbis
