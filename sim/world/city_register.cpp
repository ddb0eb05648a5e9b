#include "sim/world/city_register.hpp"

#include "sim/world/city_names.hpp"

namespace urbis {

int CityRegister::add(CityRecord r) {
  const int idx = static_cast<int>(records_.size());
  by_state_name_[{r.state, r.name}] = idx;
  by_state_folded_.emplace(std::make_pair(r.state, city_names::fold(r.name)), idx);
  if (static_cast<std::size_t>(r.state) >= state_records_.size())
    state_records_.resize(static_cast<std::size_t>(r.state) + 1);
  state_records_[static_cast<std::size_t>(r.state)].push_back(idx);
  records_.push_back(std::move(r));
  return idx;
}

int CityRegister::find(int state, const std::string& name) const {
  const auto it = by_state_name_.find({state, name});
  return it == by_state_name_.end() ? -1 : it->second;
}

int CityRegister::find_folded(int state, const std::string& name) const {
  const auto it = by_state_folded_.find({state, city_names::fold(name)});
  return it == by_state_folded_.end() ? -1 : it->second;
}

const std::vector<int>& CityRegister::in_state(int state) const {
  static const std::vector<int> none;
  return static_cast<std::size_t>(state) < state_records_.size() ? state_records_[static_cast<std::size_t>(state)]
                                                                 : none;
}

}  // namespace urbis
