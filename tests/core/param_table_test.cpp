// The parameter table (sim/core/param_table): one entry per field of Params,
// unique paths matching configs/defaults.yaml, and value checks by kind.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/param_table.hpp"
#include "tests/core/test_params.hpp"

namespace urbis {
namespace {

TEST(ParamTable, EveryPathIsUnique) {
  std::set<std::string> seen;
  for (const auto& s : param_table()) EXPECT_TRUE(seen.insert(s.path).second) << "duplicate " << s.path;
  EXPECT_EQ(param_paths().size(), param_table().size());
}

TEST(ParamTable, CoversEveryFieldOfParamsExactlyOnce) {
  // Params is all doubles; the table must reach each one, and no two specs may
  // point at the same field (a copy-paste slip in the table would).
  constexpr std::size_t kFields = sizeof(Params) / sizeof(double);
  static_assert(sizeof(Params) % sizeof(double) == 0);
  ASSERT_EQ(param_table().size(), kFields);
  Params p;
  std::memset(&p, 0, sizeof p);
  double v = 1;
  for (const auto& s : param_table()) s.ref(p) = v++;
  double raw[kFields];
  std::memcpy(raw, &p, sizeof p);
  std::set<double> values(raw, raw + kFields);
  EXPECT_EQ(values.size(), kFields);
  EXPECT_EQ(*values.begin(), 1.0);  // no field left at zero
  // And each spec reads back what it wrote.
  v = 1;
  for (const auto& s : param_table()) EXPECT_EQ(get_param(p, s), v++) << s.path;
}

TEST(ParamTable, RefsReachTheNamedFields) {
  Params p{};
  find_param("competition.contest_exponent")->ref(p) = 0.7;
  find_param("coalitions.b_fit")->ref(p) = 0.11;
  find_param("coalitions.b_gap")->ref(p) = 2.5;
  find_param("salience.baseline.economy")->ref(p) = 0.45;
  find_param("states.endogenous_exit")->ref(p) = 1;
  find_param("learning.initial_x_beta")->ref(p) = 3;
  EXPECT_EQ(p.competition.contest_exponent, 0.7);
  EXPECT_EQ(p.coalitions.b_fit, 0.11);
  EXPECT_EQ(p.coalitions.b_gap, 2.5);
  EXPECT_EQ(p.salience.baseline[static_cast<int>(Issue::economy)], 0.45);
  EXPECT_EQ(p.states.endogenous_exit, 1.0);
  EXPECT_EQ(p.learning.initial_x_beta, 3.0);
}

TEST(ParamTable, FindParam) {
  const ParamSpec* s = find_param("competition.home_bias");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->path, "competition.home_bias");
  EXPECT_EQ(find_param("competition.home_bais"), nullptr);
  EXPECT_EQ(find_param("competition"), nullptr);
  EXPECT_EQ(find_param(""), nullptr);
}

// Leaves of a YAML map as dotted paths.
void leaves(const YAML::Node& n, const std::string& prefix, std::vector<std::string>& out) {
  if (n.IsMap()) {
    for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>();
      leaves(kv.second, prefix.empty() ? key : prefix + "." + key, out);
    }
  } else {
    out.push_back(prefix);
  }
}

TEST(ParamTable, MatchesDefaultsYamlBothWays) {
  const YAML::Node root = yamlin::load_file(test::defaults_path().string(), "defaults");
  std::vector<std::string> in_file;
  leaves(root, "", in_file);
  const std::vector<std::string> in_table = param_paths();
  for (const auto& path : in_file)
    EXPECT_NE(std::find(in_table.begin(), in_table.end(), path), in_table.end()) << path << " is not in the table";
  for (const auto& path : in_table)
    EXPECT_NE(std::find(in_file.begin(), in_file.end(), path), in_file.end()) << path << " is not in defaults.yaml";
  // Same order too (the table promises the order of the file).
  EXPECT_EQ(in_file, in_table);
}

TEST(ParamTable, EveryDefaultPassesItsOwnCheck) {
  const Params p = test::default_params();
  const YAML::Node root = yamlin::load_file(test::defaults_path().string(), "defaults");
  for (const auto& s : param_table()) {
    EXPECT_EQ(check_param_value(s, get_param(p, s)), "") << s.path;
    // The helper read each value into the field the table names.
    const YAML::Node n = test::yaml_at(root, s.path);
    const double v = s.kind == ParamKind::flag ? (n.as<bool>() ? 1.0 : 0.0) : n.as<double>();
    EXPECT_EQ(get_param(p, s), v) << s.path;
  }
  // The flag is written as a YAML boolean.
  EXPECT_TRUE(test::yaml_at(root, "states.endogenous_exit").as<std::string>() == "false" ||
              test::yaml_at(root, "states.endogenous_exit").as<std::string>() == "true");
}

TEST(ParamTable, ChecksRealRanges) {
  const ParamSpec& share = *find_param("competition.home_bias");  // [0, 1]
  EXPECT_EQ(check_param_value(share, 0), "");
  EXPECT_EQ(check_param_value(share, 1), "");
  EXPECT_EQ(check_param_value(share, 0.5), "");
  EXPECT_EQ(check_param_value(share, -0.01), "a number in [0, 1]");
  EXPECT_EQ(check_param_value(share, 1.01), "a number in [0, 1]");
  EXPECT_EQ(check_param_value(share, std::nan("")), "a finite number");
  EXPECT_EQ(check_param_value(share, std::numeric_limits<double>::infinity()), "a finite number");

  const ParamSpec& f0 = *find_param("coalitions.funding_scale");  // [1, inf)
  EXPECT_EQ(check_param_value(f0, 1e12), "");
  EXPECT_EQ(check_param_value(f0, 0.5), "a number >= 1");

  const ParamSpec& u = *find_param("coalitions.u_leave");  // [-10, 10]
  EXPECT_EQ(check_param_value(u, -0.1), "");
  EXPECT_EQ(check_param_value(u, -11), "a number in [-10, 10]");
}

TEST(ParamTable, ChecksCountsAndFlags) {
  const ParamSpec& slots = *find_param("coalitions.max_memberships");
  EXPECT_EQ(slots.kind, ParamKind::count);
  EXPECT_EQ(check_param_value(slots, 24), "");
  EXPECT_EQ(check_param_value(slots, 24.5), "a whole number in [1, 64]");
  EXPECT_EQ(check_param_value(slots, 0), "a whole number in [1, 64]");
  EXPECT_EQ(check_param_value(slots, 65), "a whole number in [1, 64]");
  for (const char* path : {"founding.min_members", "founding.grace_years", "founding.invitees",
                           "coalitions.initial_rounds", "coalitions.attention"})
    EXPECT_EQ(find_param(path)->kind, ParamKind::count) << path;

  const ParamSpec& flag = *find_param("states.endogenous_exit");
  EXPECT_EQ(flag.kind, ParamKind::flag);
  EXPECT_EQ(check_param_value(flag, 0), "");
  EXPECT_EQ(check_param_value(flag, 1), "");
  EXPECT_EQ(check_param_value(flag, 0.5), "true or false");
  EXPECT_EQ(check_param_value(flag, 2), "true or false");
  EXPECT_EQ(check_param_value(flag, std::nan("")), "a finite number");

  // Every spec has a sensible range.
  for (const auto& s : param_table()) EXPECT_LE(s.min, s.max) << s.path;
}

}  // namespace
}  // namespace urbis
