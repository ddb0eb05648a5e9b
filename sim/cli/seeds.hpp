#pragma once
// Seeds on the command line: --seed 7, --seeds 1-10 (or 1,4,9, or 1-5,20).
// A seed is a whole number from 0 to 2^64 - 1 written in decimal digits; a
// sign, a fraction or a number past 2^64 - 1 is refused (InputError), never
// wrapped around.
#include <cstdint>
#include <string>
#include <vector>

namespace urbis {

std::uint64_t parse_seed(const std::string& text, const std::string& option);

// Distinct seeds in the order written; ranges are inclusive. At most
// kMaxSeeds seeds.
inline constexpr std::size_t kMaxSeeds = 10000;
std::vector<std::uint64_t> parse_seeds(const std::string& text, const std::string& option);

}  // namespace urbis
