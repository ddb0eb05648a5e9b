#include "sim/world/agreements_file.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "sim/world/text_list.hpp"
#include "sim/world/world_yaml.hpp"

namespace urbis {

using namespace world_io;

void read_agreements(const std::string& file, const StateCodes& codes, int start_year, World& w,
                     std::vector<AgreementChange>& changes, std::vector<std::string>& problems) {
  const YAML::Node root = load_yaml(file);
  if (!root.IsMap()) throw InputError(place_of(file, root), "expected a map with the key 'agreements'");
  check_keys(file, root, {"agreements"}, "agreements.yaml");
  const YAML::Node list = root["agreements"];
  if (!list || !list.IsSequence()) throw InputError(place_of(file, root), "'agreements' must be a list of agreements");

  States& s = w.states;
  const std::size_t ns = s.size();
  std::vector<std::vector<std::uint8_t>> flags;
  for (const auto& a : list) {
    if (!a.IsMap()) throw InputError(place_of(file, a), "each agreement must be a map");
    check_keys(file, a, {"name", "issue", "union", "parties", "note"}, "an agreement");
    for (const char* k : {"name", "issue", "parties"})
      if (!a[k]) throw InputError(place_of(file, a), fmt::format("agreement without '{}'", k));
    Agreement g;
    g.name = yaml_string(file, a["name"], "name");
    if (w.agreement_index(g.name) >= 0)
      throw InputError(place_of(file, a["name"]), fmt::format("agreement '{}' is listed twice", g.name));
    g.issue = yaml_issue(file, a["issue"]);
    g.is_union = a["union"] ? yaml_bool(file, a["union"], "union") : false;
    const int gi = static_cast<int>(w.agreements.size());
    w.agreements.push_back(g);
    std::vector<std::uint8_t> in(ns, 0);

    const YAML::Node parties = a["parties"];
    if (parties.IsScalar()) {
      if (parties.Scalar() != "all")
        throw InputError(place_of(file, parties),
                         "parties must be 'all' or a map from accession year to a list of ISO3 codes");
      std::fill(in.begin(), in.end(), 1);
    } else if (parties.IsMap()) {
      std::vector<std::string> absent;
      std::set<int> seen;
      for (const auto& kv : parties) {
        const int year = yaml_int(file, kv.first, "accession year");
        if (!kv.second.IsSequence()) throw InputError(place_of(file, kv.second), "expected a list of ISO3 codes");
        for (const auto& code : kv.second) {
          const int country = codes.country_of(file, code);
          if (!seen.insert(country).second)
            throw InputError(place_of(file, code), fmt::format("{} is listed twice in '{}'", code.Scalar(), g.name));
          const int j = codes.state_of_country(country);
          if (j < 0) {
            absent.push_back(code.Scalar());
            continue;
          }
          if (year <= start_year) in[static_cast<std::size_t>(j)] = 1;
          else changes.push_back(AgreementChange{year, j, gi, true});
        }
      }
      if (!absent.empty())
        problems.push_back(
            fmt::format("agreements.yaml: {}: {} {} no UN agglomeration and {} not a state of this world", g.name,
                        join(absent), absent.size() == 1 ? "has" : "have", absent.size() == 1 ? "is" : "are"));
    } else {
      throw InputError(place_of(file, parties),
                       "parties must be 'all' or a map from accession year to a list of ISO3 codes");
    }
    flags.push_back(std::move(in));
  }
  s.in_agreement = std::move(flags);
  std::stable_sort(changes.begin(), changes.end(), [](const AgreementChange& a, const AgreementChange& b) {
    return std::tie(a.year, a.agreement, a.state) < std::tie(b.year, b.agreement, b.state);
  });
}

}  // namespace urbis
