#pragma once
// Designs: the points of a sweep, first in the unit hypercube [0, 1]^k (for
// the random and sensitivity designs), then mapped to parameter values.
// Every random draw comes from the counter-based Philox generator keyed by
// the sweep seed, so a design is a pure function of the sweep file.
#include <cstdint>
#include <vector>

#include "sim/sweep/spec.hpp"

namespace urbis::sweep {

using Matrix = std::vector<std::vector<double>>;  // rows are points

// A uniform draw in (0, 1) for (seed, stream, i, j).
double design_uniform(std::uint64_t seed, std::uint32_t stream, std::uint32_t i, std::uint32_t j);

// The seed of run (point, replicate) of a sweep: Philox of (sweep seed, point, replicate).
std::uint64_t run_seed(std::uint64_t sweep_seed, std::uint64_t point, std::uint32_t replicate);

// n points, independent uniforms.
Matrix uniform_design(int k, int n, std::uint64_t seed);
// Latin hypercube: each of the n equal strata of every coordinate holds exactly one point.
Matrix lhs_design(int k, int n, std::uint64_t seed);
// Saltelli: base matrices A and B (n x k, independent uniforms); the points are,
// for each j in 0..n-1, A_j, B_j, then AB^(i)_j (A_j with coordinate i from B_j)
// for i = 0..k-1: n (k + 2) points, block j at rows j (k + 2) ...
Matrix saltelli_design(int k, int n, std::uint64_t seed);
// Morris: r trajectories of k + 1 points on a grid of `levels` levels; each
// step moves one coordinate (in random order) by delta = levels / (2 (levels - 1)).
Matrix morris_design(int k, int r, int levels, std::uint64_t seed);
// The full Cartesian product of value lists (last varies fastest).
Matrix grid_design(const std::vector<std::vector<double>>& values);

// A unit coordinate to the parameter's value (linear or log scale between
// min and max; counts rounded, flags 0/1).
double to_value(const VariedParam& p, double u);
// A value back to its unit coordinate.
double to_unit(const VariedParam& p, double value);

// The parameter values of every point of the sweep's design.
Matrix design_points(const SweepSpec& spec);

}  // namespace urbis::sweep
