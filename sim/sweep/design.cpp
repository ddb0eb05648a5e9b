#include "sim/sweep/design.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Random123/philox.h>

namespace urbis::sweep {

namespace {
constexpr std::uint32_t kSeedTag = 0x53454544;  // "SEED"
enum Stream : std::uint32_t {
  s_uniform = 1,
  s_lhs_perm,
  s_lhs_jitter,
  s_saltelli_a,
  s_saltelli_b,
  s_morris_base,
  s_morris_order,
  s_morris_sign
};

r123::Philox4x32::ctr_type block(std::uint64_t seed, std::uint32_t a, std::uint32_t b, std::uint32_t c,
                                 std::uint32_t d) {
  r123::Philox4x32 gen;
  r123::Philox4x32::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  r123::Philox4x32::ctr_type ctr = {{a, b, c, d}};
  return gen(ctr, key);
}

double unit53(std::uint32_t hi, std::uint32_t lo) {
  const std::uint64_t bits = ((static_cast<std::uint64_t>(hi) << 32) | lo) >> 11;
  return std::min((static_cast<double>(bits) + 0.5) * 0x1.0p-53, 0x1.fffffffffffffp-1);
}

// Fisher-Yates with Philox draws.
std::vector<int> permutation(int n, std::uint64_t seed, std::uint32_t stream, std::uint32_t which) {
  std::vector<int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), 0);
  for (int i = n - 1; i > 0; --i) {
    const double u = design_uniform(seed, stream, which, static_cast<std::uint32_t>(i));
    const int j = std::min(i, static_cast<int>(u * (i + 1)));
    std::swap(p[static_cast<std::size_t>(i)], p[static_cast<std::size_t>(j)]);
  }
  return p;
}
}  // namespace

double design_uniform(std::uint64_t seed, std::uint32_t stream, std::uint32_t i, std::uint32_t j) {
  const auto b = block(seed, stream, i, j, 0x44455347);  // "DESG"
  return unit53(b[0], b[1]);
}

std::uint64_t run_seed(std::uint64_t sweep_seed, std::uint64_t point, std::uint32_t replicate) {
  const auto b = block(sweep_seed, static_cast<std::uint32_t>(point), static_cast<std::uint32_t>(point >> 32),
                       replicate, kSeedTag);
  return (static_cast<std::uint64_t>(b[0]) << 32) | b[1];
}

Matrix uniform_design(int k, int n, std::uint64_t seed) {
  Matrix m(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < k; ++j)
      m[i][j] = design_uniform(seed, s_uniform, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
  return m;
}

Matrix lhs_design(int k, int n, std::uint64_t seed) {
  Matrix m(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
  for (int j = 0; j < k; ++j) {
    const auto perm = permutation(n, seed, s_lhs_perm, static_cast<std::uint32_t>(j));
    for (int i = 0; i < n; ++i)
      m[i][j] = (perm[static_cast<std::size_t>(i)] +
                 design_uniform(seed, s_lhs_jitter, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j))) /
                n;
  }
  return m;
}

Matrix saltelli_design(int k, int n, std::uint64_t seed) {
  Matrix m;
  m.reserve(static_cast<std::size_t>(n) * static_cast<std::size_t>(k + 2));
  for (int i = 0; i < n; ++i) {
    std::vector<double> a(static_cast<std::size_t>(k)), b(static_cast<std::size_t>(k));
    for (int j = 0; j < k; ++j) {
      a[j] = design_uniform(seed, s_saltelli_a, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
      b[j] = design_uniform(seed, s_saltelli_b, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
    }
    m.push_back(a);
    m.push_back(b);
    for (int j = 0; j < k; ++j) {
      auto ab = a;
      ab[j] = b[j];
      m.push_back(ab);
    }
  }
  return m;
}

Matrix morris_design(int k, int r, int levels, std::uint64_t seed) {
  const double delta = levels / (2.0 * (levels - 1));
  const int base_levels = levels / 2;  // x in {0, 1/(p-1), ..., 1 - delta}
  Matrix m;
  m.reserve(static_cast<std::size_t>(r) * static_cast<std::size_t>(k + 1));
  for (int t = 0; t < r; ++t) {
    std::vector<double> x(static_cast<std::size_t>(k));
    std::vector<double> sign(static_cast<std::size_t>(k));
    for (int j = 0; j < k; ++j) {
      const double u =
          design_uniform(seed, s_morris_base, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(j));
      const int level = std::min(base_levels - 1, static_cast<int>(u * base_levels));
      const bool up =
          design_uniform(seed, s_morris_sign, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(j)) < 0.5;
      // Start low and step up, or start high (level + delta) and step down.
      x[j] = static_cast<double>(level) / (levels - 1) + (up ? 0.0 : delta);
      sign[j] = up ? 1.0 : -1.0;
    }
    m.push_back(x);
    for (int j : permutation(k, seed, s_morris_order, static_cast<std::uint32_t>(t))) {
      x[j] += sign[j] * delta;
      x[j] = std::clamp(x[j], 0.0, 1.0);
      m.push_back(x);
    }
  }
  return m;
}

Matrix grid_design(const std::vector<std::vector<double>>& values) {
  Matrix m(1);
  for (const auto& v : values) {
    Matrix next;
    next.reserve(m.size() * v.size());
    for (const auto& row : m)
      for (double x : v) {
        auto r = row;
        r.push_back(x);
        next.push_back(std::move(r));
      }
    m = std::move(next);
  }
  return m;
}

double to_value(const VariedParam& p, double u) {
  double v = p.scale == Scale::log ? std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min)))
                                   : p.min + u * (p.max - p.min);
  if (u <= 0) v = p.min;
  if (u >= 1) v = p.max;
  if (p.spec && p.spec->kind != ParamKind::real) v = std::round(v);
  return std::clamp(v, p.min, p.max);
}

double to_unit(const VariedParam& p, double value) {
  if (p.scale == Scale::log) return (std::log(value) - std::log(p.min)) / (std::log(p.max) - std::log(p.min));
  return (value - p.min) / (p.max - p.min);
}

Matrix design_points(const SweepSpec& s) {
  const int k = static_cast<int>(s.params.size());
  if (s.design == DesignType::grid) {
    std::vector<std::vector<double>> values;
    for (const auto& p : s.params) values.push_back(p.values);
    return grid_design(values);
  }
  Matrix u;
  switch (s.design) {
    case DesignType::uniform: u = uniform_design(k, s.samples, s.seed); break;
    case DesignType::lhs: u = lhs_design(k, s.samples, s.seed); break;
    case DesignType::saltelli: u = saltelli_design(k, s.samples, s.seed); break;
    case DesignType::morris: u = morris_design(k, s.samples, s.levels, s.seed); break;
    case DesignType::grid: break;
  }
  for (auto& row : u)
    for (int j = 0; j < k; ++j) row[j] = to_value(s.params[j], row[j]);
  return u;
}

}  // namespace urbis::sweep
