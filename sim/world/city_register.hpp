#pragma once
// The cities of a real world while it is loaded: the UN agglomerations alive
// at the start year, then those the members files add from Natural Earth,
// found by state and name. Internal to sim/world.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace urbis {

struct CityRecord {
  std::string name;  // as in the source file
  int state = -1;
  double lat = 0, lon = 0, population = 0;
  double reference_population = 0;  // for choosing who keeps a duplicate name
  bool added = false;               // added from Natural Earth populated places
  int un = -1;                      // its row of the UN file (-1 when added)
};

class CityRegister {
 public:
  int add(CityRecord r);  // returns its index
  // A city of the state by its name as written, or by its folded name
  // (city_names::fold); -1 when none.
  int find(int state, const std::string& name) const;
  int find_folded(int state, const std::string& name) const;
  const std::vector<int>& in_state(int state) const;
  const std::vector<CityRecord>& records() const { return records_; }
  const CityRecord& operator[](int i) const { return records_[static_cast<std::size_t>(i)]; }

 private:
  std::vector<CityRecord> records_;
  std::map<std::pair<int, std::string>, int> by_state_name_;
  std::map<std::pair<int, std::string>, int> by_state_folded_;
  std::vector<std::vector<int>> state_records_;
};

}  // namespace urbis
